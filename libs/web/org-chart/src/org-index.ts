import { stratify, type HierarchyNode } from 'd3-hierarchy';
import type { OrgChartNode } from './types';

/** Id of the hidden node that joins several top-level people into one tree. */
export const VIRTUAL_ROOT_ID = '__rolemap_virtual_root__';

export type IndexNode = HierarchyNode<OrgChartNode>;

/**
 * Everything derived from the data once, in setData: the full hierarchy, an id map,
 * subtree sizes (node.value, self included), 0-based levels and search keys.
 * Renders and expand/collapse only read it.
 */
export interface OrgIndex {
  root: IndexNode;
  /** True when `root` is the hidden join node (more than one top-level person or orphans). */
  virtualRoot: boolean;
  byId: Map<string, IndexNode>;
  /** Lower-cased "name\ntitle\nid" per node, for search; built by searchKeysOf on the first search. */
  searchKeys: Map<string, string> | null;
  /** Real nodes in pre-order (reading order of the chart). */
  preorder: IndexNode[];
  /** Deepest 0-based level. */
  maxLevel: number;
}

export class OrgDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrgDataError';
  }
}

function virtualDatum(): OrgChartNode {
  const empty = { IMPLEMENTATION: 0, UNIFICATION: 0, COMMUNICATION: 0, LEADERSHIP: 0 };
  return {
    id: VIRTUAL_ROOT_ID,
    parentId: null,
    name: '',
    title: '',
    tier: 'EXECUTIVE',
    actualMix: empty,
    expectedMix: empty,
    tacticalGap: 0,
    badges: [],
  };
}

export function buildOrgIndex(nodes: readonly OrgChartNode[]): OrgIndex | null {
  if (nodes.length === 0) return null;
  const ids = new Set<string>();
  for (const node of nodes) {
    if (ids.has(node.id)) throw new OrgDataError(`Duplicate node id "${node.id}"`);
    ids.add(node.id);
  }
  // People whose manager is missing from the data still show, as extra top-level nodes.
  const isTop = (node: OrgChartNode) => node.parentId === null || node.parentId === node.id || !ids.has(node.parentId);
  let topCount = 0;
  for (const node of nodes) if (isTop(node)) topCount++;
  if (topCount === 0) throw new OrgDataError('The reporting lines form a cycle: nobody is at the top');
  const virtualRoot = topCount > 1;

  const rows: OrgChartNode[] = virtualRoot ? [virtualDatum(), ...nodes] : [...nodes];
  let root: IndexNode;
  try {
    root = stratify<OrgChartNode>()
      .id((d) => d.id)
      .parentId((d) => {
        if (d.id === VIRTUAL_ROOT_ID) return null;
        if (isTop(d)) return virtualRoot ? VIRTUAL_ROOT_ID : null;
        return d.parentId;
      })(rows);
  } catch (error) {
    throw new OrgDataError(`Cannot build the org tree: ${(error as Error).message}`);
  }
  // Subtree sizes including self; the toggle shows value - 1 as the hidden count.
  root.sum(() => 1);

  const byId = new Map<string, IndexNode>();
  const preorder: IndexNode[] = [];
  const offset = virtualRoot ? 1 : 0;
  let maxLevel = 0;
  root.eachBefore((node) => {
    if (node.data.id === VIRTUAL_ROOT_ID) return;
    byId.set(node.data.id, node);
    preorder.push(node);
    maxLevel = Math.max(maxLevel, node.depth - offset);
  });
  return { root, virtualRoot, byId, searchKeys: null, preorder, maxLevel };
}

/** Search keys are built once, on the first search, so the first render does not pay for them. */
export function searchKeysOf(index: OrgIndex): Map<string, string> {
  if (!index.searchKeys) {
    index.searchKeys = new Map();
    for (const node of index.preorder) {
      index.searchKeys.set(node.data.id, `${node.data.name}\n${node.data.title}\n${node.data.id}`.toLowerCase());
    }
  }
  return index.searchKeys;
}

/** 0-based level of a node ignoring the hidden join node. */
export function levelOf(index: OrgIndex, node: IndexNode): number {
  return node.depth - (index.virtualRoot ? 1 : 0);
}

/** Ids of nodes to expand so that levels 0..depth are visible. */
export function expandedToDepth(index: OrgIndex, depth: number): Set<string> {
  const expanded = new Set<string>();
  if (index.virtualRoot) expanded.add(VIRTUAL_ROOT_ID);
  for (const node of index.preorder) {
    if (node.children && levelOf(index, node) < depth) expanded.add(node.data.id);
  }
  return expanded;
}

/** Real ancestors from the top down, excluding the node itself. */
export function realAncestors(node: IndexNode): IndexNode[] {
  const chain: IndexNode[] = [];
  for (let current = node.parent; current; current = current.parent) {
    if (current.data.id !== VIRTUAL_ROOT_ID) chain.push(current);
  }
  return chain.reverse();
}
