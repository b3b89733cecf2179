import type { SurveyAnswers } from '@rolemap/surveys';

/** A line as the form edits it: the share as typed, so "12." or "" can sit in the box while typing. */
export interface EditableLine {
  key: string;
  activityId: string | null;
  otherText: string | null;
  share: string;
}

export interface EditableAnswers {
  weeklyHours: string;
  lines: EditableLine[];
}

let nextKey = 0;
export function lineKey(): string {
  nextKey += 1;
  return `line-${nextKey}`;
}

export function editableFrom(answers: {
  weeklyHours: number | null;
  lines: readonly { activityId: string | null; otherText: string | null; sharePct: number }[];
}): EditableAnswers {
  return {
    weeklyHours: answers.weeklyHours === null ? '' : String(answers.weeklyHours),
    lines: answers.lines.map((line) => ({
      key: lineKey(),
      activityId: line.activityId,
      otherText: line.otherText,
      share: String(line.sharePct),
    })),
  };
}

/** A typed number, or NaN when the box holds something else (the checks then name the line). */
export function parseShare(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export function answersFrom(edit: EditableAnswers): SurveyAnswers {
  const hours = edit.weeklyHours.trim();
  return {
    weeklyHours: hours === '' ? null : parseShare(hours),
    lines: edit.lines.map((line) => ({
      activityId: line.activityId,
      otherText: line.otherText,
      sharePct: parseShare(line.share),
    })),
  };
}

/** Answers as GraphQL takes them: a share that is not a number goes as 0 only after the checks refused it, never silently. */
export function answersInput(answers: SurveyAnswers) {
  return {
    weeklyHours: answers.weeklyHours,
    lines: answers.lines.map((line) => ({ activityId: line.activityId, otherText: line.otherText, sharePct: line.sharePct })),
  };
}
