import { type ImportIssue, VALUE_LEVELS, type ValueLevel, parseValueLevel } from '@rolemap/domain';
import { activityKey } from '../close-campaign';
import type { ResponseStatus } from '../progress';
import type { AcceptedRange, SurveyActivity, SurveyAnswers, SurveyLine, SurveyMode } from '../survey-types';
import { MAX_LINES, MAX_OTHER_TEXT, MAX_WEEKLY_HOURS } from '../validate-answers';

// The offline route: a workbook per team that a manager fills in for their reports and HR uploads
// back. This file holds its layout and the rules an upload is checked by; the workbook itself is
// written and read in team-template-file.ts.

export const TEAM_SHEET = 'Team';
export const DICTIONARY_SHEET = 'Dictionary';
export const ABOUT_SHEET = 'Instructions';

/** The Team sheet's columns, in order; an upload finds them by header. */
export const TEAM_COLUMNS = [
  'employee_id',
  'name',
  'title',
  'weekly_hours',
  'activity_id',
  'activity',
  'value_level',
  'share_pct',
  'status',
] as const;
export type TeamColumn = (typeof TEAM_COLUMNS)[number];

/** What activity_id says for an activity the manager writes in. */
export const OTHER_ACTIVITY = 'OTHER';

/** The About block's keys (first column of the Instructions sheet), read back on upload. */
export const ABOUT_KEYS = {
  campaignId: 'Campaign id',
  campaign: 'Campaign',
  leaderId: 'Team of (employee id)',
  leaderName: 'Team of',
  dictionaryVersion: 'Dictionary version',
  acceptedTotal: 'Accepted total',
  closes: 'Closes',
  downloaded: 'Downloaded',
} as const;

/** One person of the team as the template lists them. */
export interface TemplateMember {
  employeeId: string;
  name: string;
  title: string | null;
  weeklyHours: number | null;
  /** What the rows start from: the answers already given, else the base snapshot's work. */
  lines: TemplateLine[];
  /** Why their rows will not be read (answered online already); null when the upload takes them. */
  status: string | null;
}

export interface TemplateLine {
  /** A dictionary id, or OTHER for written-in work. */
  activityId: string;
  label: string;
  valueLevel: ValueLevel | null;
  sharePct: number | null;
}

export interface TeamTemplate {
  campaignId: string;
  campaignName: string;
  leaderEmployeeId: string;
  leaderName: string;
  dictionaryVersionId: string | null;
  acceptedRange: AcceptedRange;
  closesAt: Date;
  downloadedAt: Date;
  members: TemplateMember[];
  activities: readonly SurveyActivity[];
}

/** A campaign participant as an upload checks a row against them. */
export interface TemplateParticipant {
  employeeId: string;
  name: string;
  managerEmployeeId: string | null;
  mode: SurveyMode;
  selfStatus: ResponseStatus;
  managerStatus: ResponseStatus;
}

/**
 * Whose rows an upload may not take: a form the manager submitted already, or a person who
 * answered their own form where the manager has no say (SELF). In BOTH mode the upload is the
 * manager's review of what the person submitted.
 */
export function answeredOnline(participant: TemplateParticipant): string | null {
  if (participant.managerStatus === 'SUBMITTED') return 'Already submitted by the manager: rows not read.';
  if (participant.mode === 'SELF' && participant.selfStatus === 'SUBMITTED')
    return 'Answered their own form already: rows not read.';
  return null;
}

/** The rows of the Team sheet for a member: one per activity, or one blank row to fill in. */
export function memberRows(member: TemplateMember): (string | number | null)[][] {
  const lines: (TemplateLine | null)[] = member.lines.length > 0 ? member.lines : [null];
  return lines.map((line, index) => [
    member.employeeId,
    member.name,
    member.title,
    index === 0 ? member.weeklyHours : null,
    line?.activityId ?? null,
    line?.label ?? null,
    line?.valueLevel ?? null,
    line?.sharePct ?? null,
    index === 0 ? member.status : null,
  ]);
}

/** The Team sheet as read back: its header and its rows, numbered as the spreadsheet numbers them. */
export interface TemplateTable {
  headers: readonly string[];
  rows: readonly { rowNumber: number; cells: readonly string[] }[];
}

export interface TemplateUploadContext {
  fileName: string;
  campaignId: string;
  acceptedRange: AcceptedRange;
  activities: ReadonlyMap<string, SurveyActivity>;
  /** Everyone the campaign asked, by employee id. */
  participants: ReadonlyMap<string, TemplateParticipant>;
}

export interface TemplateUpload {
  /** The leader whose team the file is for (from its Instructions sheet). */
  leaderEmployeeId: string | null;
  /** Accepted answers by employee id; empty when there is any error. */
  answers: Map<string, SurveyAnswers>;
  /** People whose rows were not read (answered online already). */
  skipped: string[];
  rowCount: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

interface PersonRows {
  employeeId: string;
  rows: number[];
  hours: { row: number; value: number } | null;
  /** A weekly-hours cell was refused already: no second error saying they are missing. */
  badHours: boolean;
  lines: (SurveyLine & { row: number })[];
}

/**
 * Checks a filled-in team template whole, as an import is checked: every problem names its row and
 * column, and any error means no answer is taken. A person's rows become their manager's submitted
 * answers: weekly hours on one of their rows, dictionary activities by id (or by their exact label),
 * written-in ones as OTHER with an optional level, shares from 0 to 100 that add up to the
 * campaign's accepted range, each activity once. A row without an activity and a share is a
 * placeholder and is skipped, and so is a person with only such rows.
 */
export function readTemplateUpload(
  table: TemplateTable,
  about: ReadonlyMap<string, string>,
  context: TemplateUploadContext,
): TemplateUpload {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const file = context.fileName;
  const issue = (
    list: ImportIssue[],
    code: string,
    row: number | null,
    column: string | null,
    value: string | null,
    message: string,
    rows?: number[],
  ) => list.push({ file, row, column, value, code, message, ...(rows && rows.length > 1 ? { rows } : {}) });
  const result: TemplateUpload = {
    leaderEmployeeId: null,
    answers: new Map(),
    skipped: [],
    rowCount: table.rows.length,
    errors,
    warnings,
  };

  const campaignId = about.get(ABOUT_KEYS.campaignId)?.trim() ?? '';
  const leaderId = about.get(ABOUT_KEYS.leaderId)?.trim() ?? '';
  if (!campaignId || !leaderId) {
    issue(
      errors,
      'NOT_A_TEMPLATE',
      null,
      null,
      null,
      `${file} is not a survey team template: its "${ABOUT_SHEET}" sheet does not say which campaign and team it is for. Download the team's template and fill that in.`,
    );
    return result;
  }
  if (campaignId !== context.campaignId) {
    issue(
      errors,
      'WRONG_CAMPAIGN',
      null,
      ABOUT_KEYS.campaignId,
      campaignId,
      `${file} is the template of another survey campaign (${campaignId}); upload it into that campaign, or download this campaign's template.`,
    );
    return result;
  }
  result.leaderEmployeeId = leaderId;

  const columnOf = new Map<TeamColumn, number>();
  const normal = (header: string) =>
    header
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
  for (const column of TEAM_COLUMNS) {
    const index = table.headers.findIndex((header) => normal(header) === column);
    if (index >= 0) columnOf.set(column, index);
  }
  const missing = (['employee_id', 'activity_id', 'activity', 'share_pct'] as const).filter((column) => !columnOf.has(column));
  if (missing.length > 0) {
    for (const column of missing) {
      issue(
        errors,
        'MISSING_COLUMN',
        1,
        column,
        null,
        `The "${TEAM_SHEET}" sheet has no "${column}" column: keep the template's header row (${TEAM_COLUMNS.join(', ')}).`,
      );
    }
    return result;
  }
  const cell = (cells: readonly string[], column: TeamColumn) => {
    const index = columnOf.get(column);
    const text = index === undefined ? '' : (cells[index] ?? '').trim();
    // Exports put an apostrophe before text a spreadsheet would run as a formula.
    return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
  };

  const byLabel = new Map<string, SurveyActivity[]>();
  for (const activity of context.activities.values()) {
    const key = activityKey(activity.label);
    const list = byLabel.get(key);
    if (list) list.push(activity);
    else byLabel.set(key, [activity]);
  }

  const people = new Map<string, PersonRows>();
  const skippedRows = new Map<string, number[]>();
  for (const { rowNumber: row, cells } of table.rows) {
    const employeeId = cell(cells, 'employee_id');
    const activityId = cell(cells, 'activity_id');
    const label = cell(cells, 'activity');
    const shareText = cell(cells, 'share_pct');
    const hoursText = cell(cells, 'weekly_hours');
    const levelText = cell(cells, 'value_level');
    if (!employeeId) {
      if (activityId || label || shareText || hoursText) {
        issue(
          errors,
          'MISSING_EMPLOYEE_ID',
          row,
          'employee_id',
          null,
          `Row ${row}: give the employee id of the person this row is about.`,
        );
      }
      continue;
    }
    const participant = context.participants.get(employeeId);
    if (!participant) {
      issue(
        errors,
        'UNKNOWN_PERSON',
        row,
        'employee_id',
        employeeId,
        `Row ${row}: nobody with employee id "${employeeId}" is asked in this survey.`,
      );
      continue;
    }
    if (participant.managerEmployeeId !== leaderId) {
      issue(
        errors,
        'NOT_IN_TEAM',
        row,
        'employee_id',
        employeeId,
        `Row ${row}: ${participant.name} (${employeeId}) is not in the team of ${leaderId} this template is for; their manager's template lists them.`,
      );
      continue;
    }
    if (answeredOnline(participant)) {
      const list = skippedRows.get(employeeId);
      if (list) list.push(row);
      else skippedRows.set(employeeId, [row]);
      continue;
    }
    let person = people.get(employeeId);
    if (!person) people.set(employeeId, (person = { employeeId, rows: [], hours: null, badHours: false, lines: [] }));
    person.rows.push(row);

    if (hoursText) {
      const hours = numberOf(hoursText);
      if (hours === null || hours < 1 || hours > MAX_WEEKLY_HOURS) person.badHours = true;
      if (hours === null) {
        issue(
          errors,
          'NOT_A_NUMBER',
          row,
          'weekly_hours',
          hoursText,
          `Row ${row}: weekly hours must be a number (got "${hoursText}").`,
        );
      } else if (hours < 1 || hours > MAX_WEEKLY_HOURS) {
        issue(
          errors,
          'OUT_OF_RANGE',
          row,
          'weekly_hours',
          hoursText,
          `Row ${row}: weekly hours must be from 1 to ${MAX_WEEKLY_HOURS} (got ${hours}).`,
        );
      } else if (person.hours && person.hours.value !== hours) {
        issue(
          errors,
          'CONFLICTING_HOURS',
          row,
          'weekly_hours',
          hoursText,
          `Row ${row}: ${participant.name}'s weekly hours are ${person.hours.value} on row ${person.hours.row}; give them once, or the same on every row.`,
          [person.hours.row, row],
        );
      } else if (!person.hours) {
        person.hours = { row, value: hours };
      }
    }

    if (!activityId && !label) {
      if (shareText)
        issue(
          errors,
          'MISSING_ACTIVITY',
          row,
          'activity',
          null,
          `Row ${row}: a share needs an activity: pick one from the "${DICTIONARY_SHEET}" sheet.`,
        );
      continue;
    }
    let activity: SurveyActivity | undefined;
    let otherText: string | null = null;
    if (activityId.toUpperCase() === OTHER_ACTIVITY) {
      if (!label) {
        issue(
          errors,
          'MISSING_ACTIVITY',
          row,
          'activity',
          null,
          `Row ${row}: describe the written-in (OTHER) activity in the activity column.`,
        );
        continue;
      }
      if (label.length > MAX_OTHER_TEXT) {
        issue(
          errors,
          'TEXT_TOO_LONG',
          row,
          'activity',
          label.slice(0, 60),
          `Row ${row}: a written-in activity has at most ${MAX_OTHER_TEXT} characters (got ${label.length}).`,
        );
        continue;
      }
      otherText = label;
    } else if (activityId) {
      activity = context.activities.get(activityId);
      if (!activity) {
        issue(
          errors,
          'UNKNOWN_ACTIVITY',
          row,
          'activity_id',
          activityId,
          `Row ${row}: activity id "${activityId}" is not in this survey's dictionary (see the "${DICTIONARY_SHEET}" sheet); put ${OTHER_ACTIVITY} there to write an activity in.`,
        );
        continue;
      }
      if (label && activityKey(label) !== activityKey(activity.label)) {
        issue(
          errors,
          'ACTIVITY_MISMATCH',
          row,
          'activity',
          label,
          `Row ${row}: activity id ${activityId} is "${activity.label}", but the activity column says "${label}"; clear activity_id to go by the name.`,
        );
        continue;
      }
    } else {
      const matches = byLabel.get(activityKey(label)) ?? [];
      if (matches.length === 0) {
        issue(
          errors,
          'UNKNOWN_ACTIVITY',
          row,
          'activity',
          label,
          `Row ${row}: "${label}" is not an activity of this survey's dictionary (see the "${DICTIONARY_SHEET}" sheet); put ${OTHER_ACTIVITY} in activity_id to write it in.`,
        );
        continue;
      }
      if (matches.length > 1) {
        issue(
          errors,
          'AMBIGUOUS_ACTIVITY',
          row,
          'activity',
          label,
          `Row ${row}: "${label}" is the name of ${matches.length} activities (${matches.map((match) => match.id).join(', ')}); give its activity_id.`,
        );
        continue;
      }
      activity = matches[0];
    }

    let valueLevel: ValueLevel | null = null;
    if (levelText) {
      const level = parseValueLevel(levelText);
      if (!level) {
        issue(
          errors,
          'UNKNOWN_LEVEL',
          row,
          'value_level',
          levelText,
          `Row ${row}: "${levelText}" is not a value level; pick one of ${VALUE_LEVELS.join(', ')}.`,
        );
        continue;
      }
      if (activity && level !== activity.valueLevel) {
        issue(
          warnings,
          'LEVEL_IGNORED',
          row,
          'value_level',
          levelText,
          `Row ${row}: "${activity.label}" has the level ${activity.valueLevel} in the dictionary, which is kept; write the activity in as ${OTHER_ACTIVITY} to give it another level.`,
        );
      }
      if (!activity) valueLevel = level;
    }

    const share = shareText ? numberOf(shareText) : null;
    if (share === null) {
      issue(
        errors,
        'NOT_A_NUMBER',
        row,
        'share_pct',
        shareText || null,
        shareText
          ? `Row ${row}: the share must be a number of percent (got "${shareText}").`
          : `Row ${row}: give the share of the week (0-100) ${participant.name} spends on this activity.`,
      );
      continue;
    }
    if (share < 0 || share > 100) {
      issue(errors, 'OUT_OF_RANGE', row, 'share_pct', shareText, `Row ${row}: a share must be from 0 to 100% (got ${share}%).`);
      continue;
    }
    const key = activity ? `id:${activity.id}` : `other:${activityKey(otherText as string)}`;
    const twice = person.lines.find((line) =>
      line.activityId ? `id:${line.activityId}` === key : `other:${activityKey(line.otherText ?? '')}` === key,
    );
    if (twice) {
      issue(
        errors,
        'DUPLICATE_ACTIVITY',
        row,
        activity ? 'activity_id' : 'activity',
        activity?.id ?? otherText,
        `Row ${row}: ${participant.name} has "${activity?.label ?? otherText}" on row ${twice.row} already; give it one share.`,
        [twice.row, row],
      );
      continue;
    }
    person.lines.push({
      row,
      activityId: activity?.id ?? null,
      otherText,
      sharePct: share,
      ...(valueLevel ? { valueLevel } : {}),
    });
  }

  for (const [employeeId, rows] of skippedRows) {
    const participant = context.participants.get(employeeId)!;
    result.skipped.push(employeeId);
    issue(
      warnings,
      'ANSWERED_ONLINE',
      rows[0],
      'employee_id',
      employeeId,
      `Rows ${rows.join(', ')}: ${participant.name} (${employeeId}): ${answeredOnline(participant)}`,
      rows,
    );
  }

  const { minTotalPct: min, maxTotalPct: max } = context.acceptedRange;
  for (const person of people.values()) {
    if (person.lines.length === 0) continue;
    const name = context.participants.get(person.employeeId)!.name;
    const lineRows = person.lines.map((line) => line.row);
    if (person.lines.length > MAX_LINES) {
      issue(
        errors,
        'TOO_MANY_LINES',
        lineRows[0],
        'activity',
        null,
        `Rows ${lineRows[0]}-${lineRows.at(-1)}: at most ${MAX_LINES} activities per person (${name} has ${person.lines.length}).`,
        lineRows,
      );
    }
    if (!person.hours && !person.badHours) {
      issue(
        errors,
        'MISSING_HOURS',
        person.rows[0],
        'weekly_hours',
        null,
        `Row ${person.rows[0]}: give ${name}'s hours in a usual week (on any one of their rows).`,
      );
    }
    const total = Math.round(person.lines.reduce((sum, line) => sum + line.sharePct, 0) * 10) / 10;
    if (total < min || total > max) {
      issue(
        errors,
        'TOTAL_OUT_OF_RANGE',
        lineRows[0],
        'share_pct',
        String(total),
        `Rows ${lineRows.join(', ')}: ${name}'s shares add up to ${total}%; they must come to between ${min}% and ${max}% of the week.`,
        lineRows,
      );
    }
    result.answers.set(person.employeeId, {
      weeklyHours: person.hours?.value ?? null,
      lines: person.lines.map(({ row: _row, ...line }) => line),
    });
  }
  if (errors.length > 0) result.answers.clear();
  return result;
}

/** A number as a spreadsheet cell gives it: "25", "25.5", "25,5" or "25%". */
function numberOf(text: string): number | null {
  const cleaned = text
    .replace(/%$/, '')
    .trim()
    .replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
