import type { PositionMix } from '@rolemap/analysis';

/**
 * The reporting tree of one analysed snapshot, built once per analysis (the analysis is cached
 * and never changes), so every lazy chart request is a few map look-ups: top levels, a page of a
 * leader's reports, the path to a position.
 */
export interface ChartTree {
  byId: ReadonlyMap<string, PositionMix>;
  /** Top-level positions (no manager, or a manager outside the snapshot), in the analysis' order. */
  roots: readonly PositionMix[];
  /** Direct reports per position id, in the analysis' order (the order the whole-org chart used). */
  children: ReadonlyMap<string, readonly PositionMix[]>;
  /** Position of each id in the chart's reading order (pre-order). */
  rank: ReadonlyMap<string, number>;
  /** Every position in reading order: search hits come in the order the chart shows them. */
  readingOrder: readonly PositionMix[];
}

const NO_CHILDREN: readonly PositionMix[] = [];

export function buildChartTree(mixes: readonly PositionMix[]): ChartTree {
  const byId = new Map<string, PositionMix>();
  for (const mix of mixes) byId.set(mix.positionId, mix);
  const children = new Map<string, PositionMix[]>();
  const roots: PositionMix[] = [];
  for (const mix of mixes) {
    const parentId = mix.parentPositionId;
    if (parentId === null || parentId === mix.positionId || !byId.has(parentId)) {
      roots.push(mix);
      continue;
    }
    const siblings = children.get(parentId);
    if (siblings) siblings.push(mix);
    else children.set(parentId, [mix]);
  }
  const rank = new Map<string, number>();
  const readingOrder: PositionMix[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const mix = stack.pop()!;
    rank.set(mix.positionId, rank.size);
    readingOrder.push(mix);
    const below = children.get(mix.positionId);
    if (below) for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]);
  }
  return { byId, roots, children, rank, readingOrder };
}

export function childrenOf(tree: ChartTree, positionId: string): readonly PositionMix[] {
  return tree.children.get(positionId) ?? NO_CHILDREN;
}

/** The managers above a position, from the top down (the position itself not included). */
export function ancestorsOf(tree: ChartTree, positionId: string): PositionMix[] {
  const chain: PositionMix[] = [];
  const seen = new Set<string>([positionId]);
  for (let up = tree.byId.get(positionId)?.parentPositionId ?? null; up !== null && !seen.has(up); ) {
    const mix = tree.byId.get(up);
    if (!mix) break;
    chain.push(mix);
    seen.add(up);
    up = mix.parentPositionId;
  }
  return chain.reverse();
}

/**
 * The positions the chart draws first: from `roots` down `depth` levels. A leader with more than
 * `spanLimit` reports comes collapsed, so one huge team cannot make the first answer huge; its
 * reports are fetched in pages when it is opened.
 */
export function topLevels(
  tree: ChartTree,
  roots: readonly PositionMix[],
  depth: number,
  spanLimit: number,
  nodeLimit: number,
): PositionMix[] {
  const result: PositionMix[] = [...roots];
  let level: readonly PositionMix[] = roots;
  for (let d = 0; d < depth && level.length > 0; d++) {
    const next: PositionMix[] = [];
    for (const mix of level) {
      const below = childrenOf(tree, mix.positionId);
      if (below.length === 0 || below.length > spanLimit) continue;
      if (result.length + below.length > nodeLimit) return result;
      next.push(...below);
      result.push(...below);
    }
    level = next;
  }
  return result;
}

/**
 * What the chart needs to show positions in place: every manager above them, and all the reports
 * of each of those managers (an opened card always shows its whole team), the positions included.
 */
export function revealPaths(tree: ChartTree, positionIds: readonly string[]): PositionMix[] {
  const result = new Map<string, PositionMix>();
  const opened = new Set<string>();
  for (const id of positionIds) {
    const target = tree.byId.get(id);
    if (!target) continue;
    const chain = ancestorsOf(tree, id);
    const top = chain[0] ?? target;
    for (const root of tree.roots) result.set(root.positionId, root);
    result.set(top.positionId, top);
    for (const manager of chain) {
      result.set(manager.positionId, manager);
      if (opened.has(manager.positionId)) continue;
      opened.add(manager.positionId);
      for (const report of childrenOf(tree, manager.positionId)) result.set(report.positionId, report);
    }
    result.set(target.positionId, target);
  }
  // In reading order, so each team arrives in the order the chart shows it.
  return [...result.values()].sort((a, b) => tree.rank.get(a.positionId)! - tree.rank.get(b.positionId)!);
}
