import type { Tier } from './tier';
import type { ResponsibilityLevel } from './value-level';

/**
 * A scenario's life: a leader or HR drafts it, the leader submits it (PROPOSED), HR approves or
 * rejects it. Only drafts take edits; a rejected scenario can be reopened as a draft.
 */
export const SCENARIO_STATUSES = ['DRAFT', 'PROPOSED', 'APPROVED', 'REJECTED'] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

export const SCENARIO_EDIT_KINDS = [
  'MOVE_RESPONSIBILITY',
  'ADD_RESPONSIBILITY',
  'EDIT_RESPONSIBILITY',
  'REMOVE_RESPONSIBILITY',
  'MOVE_POSITION',
  'MOVE_TEAM',
  'CREATE_POSITION',
  'CLOSE_POSITION',
  'CHANGE_TIER',
  'CHANGE_TITLE',
  'PROMOTE',
] as const;
export type ScenarioEditKind = (typeof SCENARIO_EDIT_KINDS)[number];

/*
 * Edits name positions by their stable key (`externalId`: the holder's employee id, or the post
 * reference of a vacancy) and responsibilities by holder and title, never by row id: a scenario
 * outlives its snapshot (rebased onto the next one, tracked against the next import).
 */

/** Hand `sharePct` points of `from`'s time on `responsibility` (all of it when null) to `to`. */
export interface MoveResponsibilityEdit {
  kind: 'MOVE_RESPONSIBILITY';
  from: string;
  responsibility: string;
  to: string;
  sharePct: number | null;
}

export interface AddResponsibilityEdit {
  kind: 'ADD_RESPONSIBILITY';
  position: string;
  responsibility: string;
  valueLevel: ResponsibilityLevel;
  sharePct: number;
}

/** Change a responsibility's wording, level or share; fields left null stay as they are. */
export interface EditResponsibilityEdit {
  kind: 'EDIT_RESPONSIBILITY';
  position: string;
  responsibility: string;
  newTitle: string | null;
  valueLevel: ResponsibilityLevel | null;
  sharePct: number | null;
}

export interface RemoveResponsibilityEdit {
  kind: 'REMOVE_RESPONSIBILITY';
  position: string;
  responsibility: string;
}

/** A person (with everyone under them) reports to `toManager`. */
export interface MovePositionEdit {
  kind: 'MOVE_POSITION';
  position: string;
  toManager: string;
}

/** Every direct report of `fromManager` (with their teams) reports to `toManager`. */
export interface MoveTeamEdit {
  kind: 'MOVE_TEAM';
  fromManager: string;
  toManager: string;
}

/** A new vacant post under `manager`; `position` is its post reference (unique in the chart). */
export interface CreatePositionEdit {
  kind: 'CREATE_POSITION';
  position: string;
  title: string;
  tier: Tier;
  manager: string;
  department: string | null;
}

/** Close a vacant post: its reports move up to its manager, its responsibilities go with it. */
export interface ClosePositionEdit {
  kind: 'CLOSE_POSITION';
  position: string;
}

export interface ChangeTierEdit {
  kind: 'CHANGE_TIER';
  position: string;
  tier: Tier;
}

export interface ChangeTitleEdit {
  kind: 'CHANGE_TITLE';
  position: string;
  title: string;
}

/** A promotion: new tier (and title, when given), dated the snapshot's date; the old title is kept as the previous one. */
export interface PromoteEdit {
  kind: 'PROMOTE';
  position: string;
  tier: Tier;
  title: string | null;
}

export type ScenarioEdit =
  | MoveResponsibilityEdit
  | AddResponsibilityEdit
  | EditResponsibilityEdit
  | RemoveResponsibilityEdit
  | MovePositionEdit
  | MoveTeamEdit
  | CreatePositionEdit
  | ClosePositionEdit
  | ChangeTierEdit
  | ChangeTitleEdit
  | PromoteEdit;

/** Whether an approved plan's edit shows in a later snapshot. */
export const EDIT_PROGRESS = ['DONE', 'PARTLY_DONE', 'NOT_DONE'] as const;
export type EditProgress = (typeof EDIT_PROGRESS)[number];

/** Most edits one scenario holds: enough for a reorganisation, small enough to score in a second at 100k. */
export const SCENARIO_MAX_EDITS = 500;
