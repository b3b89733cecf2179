import type { LayersFinding } from '@rolemap/domain';
import type { AnalysisContext } from '../context/analysis-context';
import type { PositionNode } from '../snapshot/snapshot-index';
import { type AnalysisFinding, findingBase, nameWithTitle } from './finding-text';

export const LAYERS_MAX_SEVERITY = 0.4;
/** Longest chain shown in full; longer ones keep both ends and say how many were skipped. */
const CHAIN_SHOWN = 6;

/**
 * Layers under a leader: reporting levels from the leader down to their deepest report
 * (a manager whose reports have no reports has 1). Flagged above `maxLayers`.
 *
 * Reported once, at the top of the reporting line (the root). Every leader above a too-deep
 * chain also has too many layers beneath, so flagging each would repeat one problem once per
 * ancestor; the root's finding names the longest chain, which shows where the depth is, and
 * how many people sit below the limit.
 * Severity: 0.2 + 0.05 per layer over the limit, at most 0.4.
 */
export function layersFor(root: PositionNode, context: AnalysisContext): AnalysisFinding<LayersFinding> | null {
  const limit = context.policy.thresholds.maxLayers;
  const layers = root.layersBelow;
  if (layers <= limit) return null;
  const chain = longestChain(root);
  const tooDeep = countDeeperThan(root, limit, context);
  const shown =
    chain.length <= CHAIN_SHOWN
      ? chain.map(nameWithTitle)
      : [...chain.slice(0, 3).map(nameWithTitle), `… ${chain.length - 5} more …`, ...chain.slice(-2).map(nameWithTitle)];
  const explanation =
    `There are ${layers} reporting layers beneath ${nameWithTitle(root)}, ${layers - limit} more than the ${limit} the policy allows; ` +
    `${tooDeep} ${tooDeep === 1 ? 'person sits' : 'people sit'} deeper than that. The longest chain: ${shown.join(' → ')}. ` +
    'Every layer slows decisions and filters information; look for managers with one or two reports to merge.';
  const severity = Math.min(LAYERS_MAX_SEVERITY, 0.2 + 0.05 * (layers - limit));
  return { ...findingBase('LAYERS', root, severity, explanation), layers, limit };
}

export function layersFindings(context: AnalysisContext): AnalysisFinding<LayersFinding>[] {
  const findings: AnalysisFinding<LayersFinding>[] = [];
  for (const root of context.index.roots) {
    const finding = layersFor(root, context);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** From the root down, always into a child on the deepest path. */
function longestChain(root: PositionNode): PositionNode[] {
  const chain = [root];
  let node = root;
  while (node.layersBelow > 0) {
    const next = node.children.find((child) => child.layersBelow === node.layersBelow - 1);
    if (!next) break;
    chain.push(next);
    node = next;
  }
  return chain;
}

/** Positions more than `limit` levels below the root: a contiguous slice of the depth-first order. */
function countDeeperThan(root: PositionNode, limit: number, context: AnalysisContext): number {
  const order = context.index.preorder;
  let count = 0;
  for (let i = root.preorder; i < root.preorder + root.subtreeSize; i++) {
    if (order[i].depth - root.depth > limit) count++;
  }
  return count;
}
