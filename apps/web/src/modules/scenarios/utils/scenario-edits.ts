import type { ScenarioEditInput } from '../../../gql/graphql';

/** A person (with their team) reports to another manager. */
export function moveCardEdit(employeeId: string, toManagerEmployeeId: string): ScenarioEditInput {
  return { kind: 'MOVE_POSITION', position: employeeId, toManager: toManagerEmployeeId };
}

/** A responsibility (all of it, or `sharePct` points of the holder's time) goes to another person. */
export function moveResponsibilityEdit(
  from: string,
  responsibility: string,
  to: string,
  sharePct: number | null = null,
): ScenarioEditInput {
  return { kind: 'MOVE_RESPONSIBILITY', from, to, responsibility, ...(sharePct === null ? {} : { sharePct }) };
}

/**
 * The edit a drop on the chart makes, from the chart ids of the dragged card and the card it was
 * dropped on: null (with the reason) when it is no move — onto itself, onto the current manager,
 * or a card without an employee id (a vacancy, a post the scenario creates).
 */
export function dropEdit(
  draggedId: string,
  targetId: string,
  nodes: ReadonlyMap<string, { employeeId: string | null; parentId: string | null; name: string }>,
): { edit: ScenarioEditInput } | { reason: string } {
  const dragged = nodes.get(draggedId);
  const target = nodes.get(targetId);
  if (!dragged || !target) return { reason: 'That card is not part of the base chart; move it with “Move to…”.' };
  if (draggedId === targetId) return { reason: 'Drop the card onto the new manager’s card.' };
  if (!dragged.employeeId) return { reason: `${dragged.name} has no employee id (a vacant post) and cannot be moved here.` };
  if (!target.employeeId) return { reason: `${target.name} is a vacant post: it cannot manage anyone yet.` };
  if (dragged.parentId === targetId) return { reason: `${dragged.name} already reports to ${target.name}.` };
  return { edit: moveCardEdit(dragged.employeeId, target.employeeId) };
}
