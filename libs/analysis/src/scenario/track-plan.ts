import type { EditProgress, Responsibility, ScenarioEdit } from '@rolemap/domain';
import type { PositionNode, SnapshotIndex } from '../snapshot/snapshot-index';
import { describeEdit } from './describe-edit';
import { normaliseTitle } from './apply-edits';

/** How far one edit of an approved plan shows in a later snapshot. */
export interface EditTracking {
  number: number;
  edit: ScenarioEdit;
  description: string;
  progress: EditProgress;
  /** What was found, in words: "E111 spends 10% of the 20% planned on it". */
  detail: string;
}

/** Within this many points a share counts as what was planned (surveys are answered in round numbers). */
const SHARE_TOLERANCE = 2.5;

/**
 * Compares an approved plan with a later snapshot, edit by edit: done, partly done or not done.
 * `planned` is the chart the plan was made on; people are matched across snapshots by employee id
 * (post reference for vacancies) and work by its wording. Pure.
 */
export function trackPlan(planned: SnapshotIndex, later: SnapshotIndex, edits: readonly ScenarioEdit[]): EditTracking[] {
  const laterByExternal = externalIndex(later);
  const plannedByExternal = externalIndex(planned);
  return edits.map((edit, i) => {
    const [progress, detail] = judge(edit, plannedByExternal, laterByExternal);
    return { number: i + 1, edit, description: describeEdit(edit), progress, detail };
  });
}

type Judgement = [EditProgress, string];

function judge(
  edit: ScenarioEdit,
  planned: ReadonlyMap<string, PositionNode>,
  later: ReadonlyMap<string, PositionNode>,
): Judgement {
  const gone = (ref: string): Judgement => ['NOT_DONE', `${ref} is not in the later chart`];
  switch (edit.kind) {
    case 'MOVE_RESPONSIBILITY': {
      const to = later.get(edit.to);
      const from = later.get(edit.from);
      if (!to) return gone(edit.to);
      const before = planned.get(edit.from);
      const plannedShare = edit.sharePct ?? shareOf(before, edit.responsibility) ?? 0;
      const taken = shareOf(to, edit.responsibility) ?? 0;
      const takenBefore = shareOf(planned.get(edit.to), edit.responsibility) ?? 0;
      const gained = taken - takenBefore;
      const leftWithFrom = shareOf(from, edit.responsibility) ?? 0;
      const heldBefore = shareOf(before, edit.responsibility) ?? plannedShare;
      const released = heldBefore - leftWithFrom;
      if (gained >= plannedShare - SHARE_TOLERANCE && released >= plannedShare - SHARE_TOLERANCE) {
        return ['DONE', `${edit.to} now spends ${taken}% on it and ${edit.from} ${leftWithFrom}%`];
      }
      if (gained > SHARE_TOLERANCE || released > SHARE_TOLERANCE) {
        return [
          'PARTLY_DONE',
          `${edit.to} took on ${round(Math.max(0, gained))}% of the ${plannedShare}% planned; ${edit.from} still spends ${leftWithFrom}% on it`,
        ];
      }
      return ['NOT_DONE', `${edit.from} still spends ${leftWithFrom}% on it and ${edit.to} ${taken}%`];
    }
    case 'ADD_RESPONSIBILITY': {
      const node = later.get(edit.position);
      if (!node) return gone(edit.position);
      const share = shareOf(node, edit.responsibility);
      if (share === null) return ['NOT_DONE', `${edit.position} does not hold it`];
      return Math.abs(share - edit.sharePct) <= SHARE_TOLERANCE
        ? ['DONE', `${edit.position} spends ${share}% on it`]
        : ['PARTLY_DONE', `${edit.position} spends ${share}% on it, ${edit.sharePct}% planned`];
    }
    case 'EDIT_RESPONSIBILITY': {
      const node = later.get(edit.position);
      if (!node) return gone(edit.position);
      const found = responsibilityOf(node, edit.newTitle ?? edit.responsibility) ?? responsibilityOf(node, edit.responsibility);
      if (!found) return ['NOT_DONE', `${edit.position} holds neither "${edit.responsibility}" nor its new wording`];
      const checks = [
        edit.newTitle == null || normaliseTitle(found.title) === normaliseTitle(edit.newTitle),
        edit.valueLevel == null || found.valueLevel === edit.valueLevel,
        edit.sharePct == null || Math.abs(found.sharePct - edit.sharePct) <= SHARE_TOLERANCE,
      ];
      const met = checks.filter(Boolean).length;
      if (met === checks.length) return ['DONE', `"${found.title}": ${found.valueLevel}, ${found.sharePct}%`];
      return [met > 1 ? 'PARTLY_DONE' : 'NOT_DONE', `"${found.title}" is ${found.valueLevel} at ${found.sharePct}%`];
    }
    case 'REMOVE_RESPONSIBILITY': {
      const node = later.get(edit.position);
      if (!node) return ['DONE', `${edit.position} is not in the later chart, nor is their work`];
      const share = shareOf(node, edit.responsibility);
      return share === null
        ? ['DONE', `${edit.position} no longer holds it`]
        : ['NOT_DONE', `${edit.position} still spends ${share}% on it`];
    }
    case 'MOVE_POSITION': {
      const node = later.get(edit.position);
      if (!node) return gone(edit.position);
      const manager = node.parent?.position.externalId ?? null;
      return manager === edit.toManager
        ? ['DONE', `${edit.position} reports to ${edit.toManager}`]
        : ['NOT_DONE', `${edit.position} reports to ${manager ?? 'nobody'}`];
    }
    case 'MOVE_TEAM': {
      const team = planned.get(edit.fromManager)?.children.map((child) => child.position.externalId) ?? [];
      if (team.length === 0) return ['NOT_DONE', `${edit.fromManager} had no team in the planned chart`];
      const moved = team.filter((member) => later.get(member)?.parent?.position.externalId === edit.toManager).length;
      const detail = `${moved} of ${team.length} now report to ${edit.toManager}`;
      return [moved === team.length ? 'DONE' : moved > 0 ? 'PARTLY_DONE' : 'NOT_DONE', detail];
    }
    case 'CREATE_POSITION': {
      const node = later.get(edit.position);
      if (node) return ['DONE', `${edit.position} is in the chart`];
      const manager = later.get(edit.manager);
      const same = manager?.children.find((child) => normaliseTitle(child.position.title) === normaliseTitle(edit.title));
      return same
        ? ['DONE', `${edit.manager} has a ${same.position.title} (${same.position.externalId})`]
        : ['NOT_DONE', `no ${edit.title} under ${edit.manager}`];
    }
    case 'CLOSE_POSITION':
      return later.has(edit.position)
        ? ['NOT_DONE', `${edit.position} is still in the chart`]
        : ['DONE', `${edit.position} is closed`];
    case 'CHANGE_TIER': {
      const node = later.get(edit.position);
      if (!node) return gone(edit.position);
      return node.position.tier === edit.tier
        ? ['DONE', `${edit.position} is ${edit.tier}`]
        : ['NOT_DONE', `${edit.position} is ${node.position.tier}`];
    }
    case 'CHANGE_TITLE': {
      const node = later.get(edit.position);
      if (!node) return gone(edit.position);
      return normaliseTitle(node.position.title) === normaliseTitle(edit.title)
        ? ['DONE', `${edit.position} is "${node.position.title}"`]
        : ['NOT_DONE', `${edit.position} is "${node.position.title}"`];
    }
    case 'PROMOTE': {
      const node = later.get(edit.position);
      if (!node) return gone(edit.position);
      const tierDone = node.position.tier === edit.tier;
      const titleDone = edit.title == null || normaliseTitle(node.position.title) === normaliseTitle(edit.title);
      const detail = `${edit.position} is ${node.position.tier}, "${node.position.title}"`;
      return [
        tierDone && titleDone ? 'DONE' : tierDone || (titleDone && edit.title != null) ? 'PARTLY_DONE' : 'NOT_DONE',
        detail,
      ];
    }
  }
}

function externalIndex(index: SnapshotIndex): Map<string, PositionNode> {
  const map = new Map<string, PositionNode>();
  for (const node of index.nodes) if (!map.has(node.position.externalId)) map.set(node.position.externalId, node);
  return map;
}

function responsibilityOf(node: PositionNode | undefined, title: string): Responsibility | undefined {
  if (!node) return undefined;
  const wanted = normaliseTitle(title);
  return node.responsibilities.find((r) => normaliseTitle(r.title) === wanted);
}

function shareOf(node: PositionNode | undefined, title: string): number | null {
  const found = responsibilityOf(node, title);
  return found ? found.sharePct : null;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
