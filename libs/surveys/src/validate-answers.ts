import type { AcceptedRange, AnswerIssue, CampaignPhase, CampaignWindow, SurveyActivity, SurveyAnswers } from './survey-types';

export const MAX_LINES = 60;
export const MAX_OTHER_TEXT = 300;
export const MAX_WEEKLY_HOURS = 100;

/**
 * Checks answers as they are saved (a draft may be incomplete, its total anywhere from 0 up): every
 * share a number from 0 to 100, each dictionary activity once and known to the campaign's
 * dictionary version, "other" activities written in, weekly hours from 1 to 100. Answers that fail
 * are refused whole, so what was saved before stays as it was.
 */
export function draftIssues(answers: SurveyAnswers, activities: ReadonlyMap<string, SurveyActivity>): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const hours = answers.weeklyHours;
  if (hours !== null && hours !== undefined) {
    if (typeof hours !== 'number' || !Number.isFinite(hours)) {
      issues.push({
        field: 'weeklyHours',
        code: 'NOT_A_NUMBER',
        message: `Weekly hours must be a number (got ${String(hours)}).`,
      });
    } else if (hours < 1 || hours > MAX_WEEKLY_HOURS) {
      issues.push({
        field: 'weeklyHours',
        code: 'OUT_OF_RANGE',
        message: `Weekly hours must be from 1 to ${MAX_WEEKLY_HOURS} (got ${hours}).`,
      });
    }
  }
  const lines = Array.isArray(answers.lines) ? answers.lines : [];
  if (lines.length > MAX_LINES) {
    issues.push({
      field: 'lines',
      code: 'TOO_MANY_LINES',
      message: `A form holds at most ${MAX_LINES} activities (got ${lines.length}).`,
    });
  }
  const seenActivity = new Map<string, number>();
  const seenOther = new Map<string, number>();
  lines.forEach((line, index) => {
    const at = `lines[${index}]`;
    const number = index + 1;
    const share = line.sharePct as unknown;
    if (typeof share !== 'number' || !Number.isFinite(share)) {
      issues.push({
        field: `${at}.sharePct`,
        code: 'NOT_A_NUMBER',
        message: `Activity ${number}: the share must be a number of percent (got ${JSON.stringify(share)}).`,
      });
    } else if (share < 0 || share > 100) {
      issues.push({
        field: `${at}.sharePct`,
        code: 'OUT_OF_RANGE',
        message: `Activity ${number}: a share must be from 0 to 100% (got ${share}%).`,
      });
    }
    const activityId = line.activityId ?? null;
    const other = typeof line.otherText === 'string' ? line.otherText.trim() : '';
    if (activityId !== null) {
      const activity = activities.get(activityId);
      if (!activity) {
        issues.push({
          field: `${at}.activityId`,
          code: 'UNKNOWN_ACTIVITY',
          message: `Activity ${number}: ${activityId} is not in this survey's dictionary.`,
        });
      } else if (seenActivity.has(activityId)) {
        issues.push({
          field: `${at}.activityId`,
          code: 'DUPLICATE_ACTIVITY',
          message: `Activity ${number}: "${activity.label}" is already on the form (activity ${seenActivity.get(activityId)}); give it one share.`,
        });
      } else {
        seenActivity.set(activityId, number);
      }
      if (other) {
        issues.push({
          field: `${at}.otherText`,
          code: 'MISSING_ACTIVITY',
          message: `Activity ${number}: pick a dictionary activity or write one in, not both.`,
        });
      }
    } else if (!other) {
      issues.push({
        field: `${at}.activityId`,
        code: 'MISSING_ACTIVITY',
        message: `Activity ${number}: pick an activity from the dictionary or describe it in words.`,
      });
    } else if (other.length > MAX_OTHER_TEXT) {
      issues.push({
        field: `${at}.otherText`,
        code: 'TEXT_TOO_LONG',
        message: `Activity ${number}: at most ${MAX_OTHER_TEXT} characters (got ${other.length}).`,
      });
    } else if (other.includes('\u0000')) {
      issues.push({
        field: `${at}.otherText`,
        code: 'NOT_A_NUMBER',
        message: `Activity ${number}: the text cannot contain a NUL character.`,
      });
    } else {
      const key = other.toLowerCase().replace(/\s+/g, ' ');
      if (seenOther.has(key)) {
        issues.push({
          field: `${at}.otherText`,
          code: 'DUPLICATE_ACTIVITY',
          message: `Activity ${number}: "${other}" is already on the form (activity ${seenOther.get(key)}); give it one share.`,
        });
      } else {
        seenOther.set(key, number);
      }
    }
  });
  return issues;
}

/** The sum of the shares (numbers only), to one decimal place as the form shows it. */
export function totalShare(answers: SurveyAnswers): number {
  const sum = answers.lines.reduce((total, line) => total + (Number.isFinite(line.sharePct) ? line.sharePct : 0), 0);
  return Math.round(sum * 10) / 10;
}

/** What is left of the week: shown on the form as "unallocated" (negative when over 100%). */
export function unallocatedShare(answers: SurveyAnswers): number {
  return Math.round((100 - totalShare(answers)) * 10) / 10;
}

/** A submission: a valid draft with at least one activity, weekly hours, and a total within the accepted range. */
export function submissionIssues(
  answers: SurveyAnswers,
  activities: ReadonlyMap<string, SurveyActivity>,
  range: AcceptedRange,
): AnswerIssue[] {
  const issues = draftIssues(answers, activities);
  if (answers.weeklyHours === null || answers.weeklyHours === undefined) {
    issues.push({ field: 'weeklyHours', code: 'EMPTY', message: 'Say how many hours you work in a usual week.' });
  }
  if (answers.lines.length === 0) {
    issues.push({ field: 'lines', code: 'EMPTY', message: 'Add at least one activity before submitting.' });
  } else if (issues.length === 0) {
    const total = totalShare(answers);
    if (total < range.minTotalPct || total > range.maxTotalPct) {
      issues.push({
        field: 'total',
        code: 'TOTAL_OUT_OF_RANGE',
        message:
          `The shares add up to ${total}%: they must come to between ${range.minTotalPct}% and ${range.maxTotalPct}% ` +
          `of the week (${total < range.minTotalPct ? `${Math.round((range.minTotalPct - total) * 10) / 10}% short` : `${Math.round((total - range.maxTotalPct) * 10) / 10}% over`}).`,
      });
    }
  }
  return issues;
}

/** A range HR may accept: whole percentages with 0 ≤ min ≤ 100 ≤ max ≤ 200. */
export function acceptedRangeIssues(range: AcceptedRange): string[] {
  const problems: string[] = [];
  const { minTotalPct: min, maxTotalPct: max } = range;
  if (!Number.isFinite(min) || min < 0 || min > 100)
    problems.push(`The lowest accepted total must be from 0 to 100% (got ${min}).`);
  if (!Number.isFinite(max) || max < 100 || max > 200)
    problems.push(`The highest accepted total must be from 100 to 200% (got ${max}).`);
  return problems;
}

export function campaignPhase(window: CampaignWindow, now: Date): CampaignPhase {
  if (window.closedAt) return 'CLOSED';
  if (now < window.opensAt) return 'SCHEDULED';
  if (now >= window.closesAt) return 'ENDED';
  return 'OPEN';
}

/** The window's problems: both ends valid, closing after opening, at most a year long. */
export function windowIssues(opensAt: Date, closesAt: Date): string[] {
  if (Number.isNaN(opensAt.getTime()) || Number.isNaN(closesAt.getTime()))
    return ['The window needs a valid opening and closing time.'];
  if (closesAt <= opensAt)
    return [`The window must close after it opens (opens ${opensAt.toISOString()}, closes ${closesAt.toISOString()}).`];
  if (closesAt.getTime() - opensAt.getTime() > 366 * 24 * 3600 * 1000) return ['A survey window lasts at most a year.'];
  return [];
}
