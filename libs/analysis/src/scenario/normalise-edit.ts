import { DomainError, type ScenarioEdit, SCENARIO_EDIT_KINDS } from '@rolemap/domain';

/** The fields each kind of edit keeps; anything else a client sends is dropped. */
const FIELDS: Record<ScenarioEdit['kind'], readonly string[]> = {
  MOVE_RESPONSIBILITY: ['from', 'responsibility', 'to', 'sharePct'],
  ADD_RESPONSIBILITY: ['position', 'responsibility', 'valueLevel', 'sharePct'],
  EDIT_RESPONSIBILITY: ['position', 'responsibility', 'newTitle', 'valueLevel', 'sharePct'],
  REMOVE_RESPONSIBILITY: ['position', 'responsibility'],
  MOVE_POSITION: ['position', 'toManager'],
  MOVE_TEAM: ['fromManager', 'toManager'],
  CREATE_POSITION: ['position', 'title', 'tier', 'manager', 'department'],
  CLOSE_POSITION: ['position'],
  CHANGE_TIER: ['position', 'tier'],
  CHANGE_TITLE: ['position', 'title'],
  PROMOTE: ['position', 'tier', 'title'],
};

/**
 * An edit as stored: only its kind's fields, strings trimmed, absent optional fields null.
 * Whether the values make sense is for `applyScenarioEdits`, which sees the chart.
 */
export function normaliseEdit(input: Record<string, unknown>, number = 1): ScenarioEdit {
  const kind = input?.kind;
  if (typeof kind !== 'string' || !(SCENARIO_EDIT_KINDS as readonly string[]).includes(kind)) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `Edit ${number}: unknown kind "${String(kind)}"; use one of ${SCENARIO_EDIT_KINDS.join(', ')}`,
      { edit: number },
    );
  }
  const edit: Record<string, unknown> = { kind };
  for (const field of FIELDS[kind as ScenarioEdit['kind']]) {
    const value = input[field];
    edit[field] = typeof value === 'string' ? value.trim() : (value ?? null);
  }
  return edit as unknown as ScenarioEdit;
}
