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

/** The HTML5 drag type of a responsibility dragged from the "Move…" panel onto the chart (lower case, as browsers keep it). */
export const RESPONSIBILITY_DRAG_TYPE = 'application/x-rolemap-responsibility';

/** What a dragged responsibility carries: its holder (employee id), its title and the holder's share of time. */
export type DraggedResponsibility = { from: string; responsibility: string; sharePct: number };

/** A responsibility dropped onto someone's card, waiting for the share to move to be confirmed. */
export type ResponsibilityDrop = DraggedResponsibility & { to: string; toName: string };

export function responsibilityDragData(dragged: DraggedResponsibility): string {
  return JSON.stringify(dragged);
}

function parseDragged(data: string): DraggedResponsibility | null {
  try {
    const value = JSON.parse(data) as Partial<DraggedResponsibility> | null;
    if (typeof value?.from !== 'string' || typeof value.responsibility !== 'string' || typeof value.sharePct !== 'number') {
      return null;
    }
    return { from: value.from, responsibility: value.responsibility, sharePct: value.sharePct };
  } catch {
    return null;
  }
}

/**
 * Where a responsibility dropped on the chart goes, from the drag data and the chart id of the card
 * dropped on: null (with the reason) onto its own holder, a vacancy or a post the scenario creates
 * (no employee id to give it to), or for data that is no responsibility from this page.
 */
export function responsibilityDrop(
  data: string,
  targetId: string,
  nodes: ReadonlyMap<string, { employeeId: string | null; name: string }>,
): { drop: ResponsibilityDrop } | { reason: string } {
  const dragged = parseDragged(data);
  if (!dragged) return { reason: 'Drag a responsibility from the list under the chart.' };
  const target = nodes.get(targetId);
  if (!target) return { reason: 'That card is not part of the base chart; use “Move to…” instead.' };
  if (!target.employeeId)
    return { reason: `${target.name} is a vacant post: nobody there can take on “${dragged.responsibility}”.` };
  if (target.employeeId === dragged.from) return { reason: `${target.name} already holds “${dragged.responsibility}”.` };
  return { drop: { ...dragged, to: target.employeeId, toName: target.name } };
}
