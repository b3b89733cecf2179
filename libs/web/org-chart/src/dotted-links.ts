import type { Bounds } from '@rolemap/org-chart-layout';
import type { LaidOutNode, Size } from './types';

/** A dashed connector from a card to one of its dotted-line managers, both laid out. */
export interface DottedLink extends Bounds {
  /** `<report id>→<manager id>`: the key of the keyed join. */
  key: string;
  reportId: string;
  managerId: string;
  d: string;
}

/**
 * The dotted lines between cards the layout placed, drawn over the tidy tree without moving it.
 * A report below its dotted-line manager is joined bottom edge to top edge, like a reporting
 * line; one on the same row or above is joined side to side, so the dashes do not run through
 * the manager's own card. Lines to cards that are not laid out (a closed team, a lazy chart's
 * unloaded part, outside a leader's scope) are left out until both ends are drawn.
 */
export function dottedLinksOf(nodes: readonly LaidOutNode[], byId: ReadonlyMap<string, LaidOutNode>, card: Size): DottedLink[] {
  const links: DottedLink[] = [];
  for (const report of nodes) {
    const managers = report.data.dottedLineManagerIds;
    if (!managers?.length) continue;
    for (const managerId of managers) {
      const manager = byId.get(managerId);
      if (!manager || manager === report) continue;
      links.push(link(report, manager, card));
    }
  }
  return links;
}

function link(report: LaidOutNode, manager: LaidOutNode, card: Size): DottedLink {
  const half = card.width / 2;
  let from: [number, number];
  let to: [number, number];
  let d: string;
  if (report.y >= manager.y + card.height) {
    from = [manager.x, manager.y + card.height];
    to = [report.x, report.y];
    const midY = (from[1] + to[1]) / 2;
    d = `M${from[0]},${from[1]}C${from[0]},${midY} ${to[0]},${midY} ${to[0]},${to[1]}`;
  } else {
    const rightward = report.x >= manager.x;
    from = [manager.x + (rightward ? half : -half), manager.y + card.height / 2];
    to = [report.x + (rightward ? -half : half), report.y + card.height / 2];
    const midX = (from[0] + to[0]) / 2;
    d = `M${from[0]},${from[1]}C${midX},${from[1]} ${midX},${to[1]} ${to[0]},${to[1]}`;
  }
  return {
    key: `${report.id}→${manager.id}`,
    reportId: report.id,
    managerId: manager.id,
    d,
    x0: Math.min(from[0], to[0]),
    x1: Math.max(from[0], to[0]),
    y0: Math.min(from[1], to[1]),
    y1: Math.max(from[1], to[1]),
  };
}
