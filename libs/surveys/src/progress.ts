import type { ValueLevel } from '@rolemap/domain';
import type { SurveyActivity, SurveyAnswers, SurveyMode } from './survey-types';

/** Groups smaller than this are shown only inside an aggregate, never on their own. */
export const MIN_GROUP_SIZE = 5;

export type ResponseStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED';

export interface ProgressRow {
  employeeId: string;
  department: string | null;
  managerEmployeeId: string | null;
  managerName: string | null;
  mode: SurveyMode;
  selfStatus: ResponseStatus;
  managerStatus: ResponseStatus;
  selfAnswers: SurveyAnswers | null;
  managerAnswers: SurveyAnswers | null;
}

export interface RateGroup {
  /** The department or the manager's name; `null` key for the aggregate of the small groups. */
  key: string | null;
  label: string;
  /** How many groups an aggregate stands for (1 for a group shown on its own). */
  groups: number;
  invited: number;
  responded: number;
  rate: number;
}

export interface AdjustmentGap {
  /** Forms both the person and their manager submitted. */
  compared: number;
  /** Mean share of the week the manager moved (half the sum of absolute differences), in points. */
  meanPoints: number;
  /** Forms where the manager moved 10 points or more. */
  largeAdjustments: number;
  /** Mean self-reported and manager-given mix per value level (written-in activities left out). */
  selfMix: Record<ValueLevel, number>;
  managerMix: Record<ValueLevel, number>;
  byDepartment: { key: string | null; label: string; compared: number; meanPoints: number }[];
}

export interface CampaignProgress {
  invited: number;
  responded: number;
  rate: number;
  inProgress: number;
  /** Forms waiting for their manager's review (BOTH mode, the person has submitted). */
  awaitingReview: number;
  byDepartment: RateGroup[];
  byManager: RateGroup[];
  gap: AdjustmentGap;
}

/** Whether a person counts as having answered: their own form in SELF mode, the manager's in MANAGER mode, their own in BOTH. */
export function hasResponded(row: Pick<ProgressRow, 'mode' | 'selfStatus' | 'managerStatus'>): boolean {
  return row.mode === 'MANAGER' ? row.managerStatus === 'SUBMITTED' : row.selfStatus === 'SUBMITTED';
}

/** The answers a closing takes: the manager's once they reviewed or filled in the form, else the person's own. */
export function finalAnswers(
  row: Pick<ProgressRow, 'mode' | 'selfStatus' | 'managerStatus' | 'selfAnswers' | 'managerAnswers'>,
): SurveyAnswers | null {
  if (row.mode !== 'SELF' && row.managerStatus === 'SUBMITTED' && row.managerAnswers) return row.managerAnswers;
  if (row.mode !== 'MANAGER' && row.selfStatus === 'SUBMITTED' && row.selfAnswers) return row.selfAnswers;
  return null;
}

/**
 * HR's view of a campaign: response rates overall, by department and by manager, and how far
 * managers moved their people's own answers. A department or a manager's team of fewer than
 * `MIN_GROUP_SIZE` people is never shown on its own: all such groups are pooled into one row.
 */
export function campaignProgress(
  rows: readonly ProgressRow[],
  activities: ReadonlyMap<string, SurveyActivity>,
  minGroupSize = MIN_GROUP_SIZE,
): CampaignProgress {
  const responded = rows.filter(hasResponded).length;
  return {
    invited: rows.length,
    responded,
    rate: ratio(responded, rows.length),
    inProgress: rows.filter(
      (row) => !hasResponded(row) && (row.selfStatus === 'IN_PROGRESS' || row.managerStatus === 'IN_PROGRESS'),
    ).length,
    awaitingReview: rows.filter(
      (row) => row.mode === 'BOTH' && row.selfStatus === 'SUBMITTED' && row.managerStatus !== 'SUBMITTED',
    ).length,
    byDepartment: rateGroups(
      rows,
      (row) => row.department,
      (key) => key ?? '(no department)',
      minGroupSize,
    ),
    byManager: rateGroups(
      rows,
      (row) => row.managerEmployeeId,
      (key, row) => (key === null ? '(no manager)' : (row.managerName ?? key)),
      minGroupSize,
    ),
    gap: adjustmentGap(rows, activities, minGroupSize),
  };
}

function rateGroups(
  rows: readonly ProgressRow[],
  keyOf: (row: ProgressRow) => string | null,
  labelOf: (key: string | null, row: ProgressRow) => string,
  minGroupSize: number,
): RateGroup[] {
  const groups = new Map<string | null, { label: string; invited: number; responded: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    let group = groups.get(key);
    if (!group) {
      group = { label: labelOf(key, row), invited: 0, responded: 0 };
      groups.set(key, group);
    }
    group.invited++;
    if (hasResponded(row)) group.responded++;
  }
  const shown: RateGroup[] = [];
  const small = { groups: 0, invited: 0, responded: 0 };
  for (const [key, group] of groups) {
    if (group.invited < minGroupSize) {
      small.groups++;
      small.invited += group.invited;
      small.responded += group.responded;
    } else {
      shown.push({
        key,
        label: group.label,
        groups: 1,
        invited: group.invited,
        responded: group.responded,
        rate: ratio(group.responded, group.invited),
      });
    }
  }
  shown.sort((a, b) => a.rate - b.rate || a.label.localeCompare(b.label));
  if (small.groups > 0) {
    shown.push({
      key: null,
      label: `${small.groups} smaller group${small.groups === 1 ? '' : 's'} (under ${minGroupSize} people each)`,
      groups: small.groups,
      invited: small.invited,
      responded: small.responded,
      rate: ratio(small.responded, small.invited),
    });
  }
  return shown;
}

function adjustmentGap(
  rows: readonly ProgressRow[],
  activities: ReadonlyMap<string, SurveyActivity>,
  minGroupSize: number,
): AdjustmentGap {
  const selfMix = zeroMix();
  const managerMix = zeroMix();
  let compared = 0;
  let totalPoints = 0;
  let large = 0;
  const byDepartment = new Map<string | null, { compared: number; points: number }>();
  for (const row of rows) {
    if (row.mode !== 'BOTH' || row.selfStatus !== 'SUBMITTED' || row.managerStatus !== 'SUBMITTED') continue;
    if (!row.selfAnswers || !row.managerAnswers) continue;
    const points = movedPoints(row.selfAnswers, row.managerAnswers);
    compared++;
    totalPoints += points;
    if (points >= 10) large++;
    addMix(selfMix, row.selfAnswers, activities);
    addMix(managerMix, row.managerAnswers, activities);
    const department = byDepartment.get(row.department) ?? { compared: 0, points: 0 };
    department.compared++;
    department.points += points;
    byDepartment.set(row.department, department);
  }
  const departments: AdjustmentGap['byDepartment'] = [];
  const small = { compared: 0, points: 0, groups: 0 };
  for (const [key, group] of byDepartment) {
    if (group.compared < minGroupSize) {
      small.compared += group.compared;
      small.points += group.points;
      small.groups++;
    } else {
      departments.push({
        key,
        label: key ?? '(no department)',
        compared: group.compared,
        meanPoints: round1(group.points / group.compared),
      });
    }
  }
  departments.sort((a, b) => b.meanPoints - a.meanPoints || a.label.localeCompare(b.label));
  if (small.groups > 0) {
    departments.push({
      key: null,
      label: `${small.groups} smaller group${small.groups === 1 ? '' : 's'} (under ${minGroupSize} forms each)`,
      compared: small.compared,
      meanPoints: round1(small.points / small.compared),
    });
  }
  // Too few compared forms overall would point at the people behind them: pooled figures only from the minimum on.
  const enough = compared >= minGroupSize;
  return {
    compared,
    meanPoints: enough ? round1(totalPoints / compared) : 0,
    largeAdjustments: enough ? large : 0,
    selfMix: enough ? meanMix(selfMix, compared) : zeroMix(),
    managerMix: enough ? meanMix(managerMix, compared) : zeroMix(),
    byDepartment: enough ? departments : [],
  };
}

/** Half the sum of absolute share differences: how much of the week changed hands, in points. */
export function movedPoints(self: SurveyAnswers, manager: SurveyAnswers): number {
  const shares = new Map<string, [number, number]>();
  const add = (answers: SurveyAnswers, side: 0 | 1) => {
    for (const line of answers.lines) {
      const key = line.activityId ? `a:${line.activityId}` : `o:${(line.otherText ?? '').trim().toLowerCase()}`;
      const pair = shares.get(key) ?? [0, 0];
      pair[side] += line.sharePct;
      shares.set(key, pair);
    }
  };
  add(self, 0);
  add(manager, 1);
  let sum = 0;
  for (const [a, b] of shares.values()) sum += Math.abs(a - b);
  return round1(sum / 2);
}

function addMix(mix: Record<ValueLevel, number>, answers: SurveyAnswers, activities: ReadonlyMap<string, SurveyActivity>): void {
  for (const line of answers.lines) {
    const activity = line.activityId ? activities.get(line.activityId) : undefined;
    if (activity) mix[activity.valueLevel] += line.sharePct;
  }
}

function meanMix(mix: Record<ValueLevel, number>, count: number): Record<ValueLevel, number> {
  return {
    IMPLEMENTATION: round1(mix.IMPLEMENTATION / count),
    UNIFICATION: round1(mix.UNIFICATION / count),
    COMMUNICATION: round1(mix.COMMUNICATION / count),
    LEADERSHIP: round1(mix.LEADERSHIP / count),
  };
}

function zeroMix(): Record<ValueLevel, number> {
  return { IMPLEMENTATION: 0, UNIFICATION: 0, COMMUNICATION: 0, LEADERSHIP: 0 };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
