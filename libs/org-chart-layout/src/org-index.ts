import { stratify, type HierarchyNode } from 'd3-hierarchy';
import type { ChartDatum } from './chart-types';

/** Id of the hidden node that joins several top-level people into one tree. */
export const VIRTUAL_ROOT_ID = '__rolemap_virtual_root__';

export type IndexNode<T extends ChartDatum = ChartDatum> = HierarchyNode<T>;

/**
 * Everything derived from the data once, in setData: the full hierarchy, an id map,
 * subtree sizes (node.value, self included), 0-based levels and search keys.
 * Renders and expand/collapse only read it.
 */
export interface OrgIndex<T extends ChartDatum = ChartDatum> {
  root: IndexNode<T>;
  /** True when `root` is the hidden join node (more than one top-level person or orphans). */
  virtualRoot: boolean;
  byId: Map<string, IndexNode<T>>;
  /** Lower-cased "name\ntitle\nid" per node, for search; built by searchKeysOf on the first search. */
  searchKeys: Map<string, string> | null;
  /** Real nodes in pre-order (reading order of the chart). */
  preorder: IndexNode<T>[];
  /** Deepest 0-based level. */
  maxLevel: number;
}

export class OrgDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrgDataError';
  }
}

/**
 * The hidden join node's datum. Nothing ever draws it (every reader skips VIRTUAL_ROOT_ID), so it
 * carries only what the index reads, plus empty card fields for code that reads them blindly.
 */
function virtualDatum<T extends ChartDatum>(): T {
  const empty = { IMPLEMENTATION: 0, UNIFICATION: 0, COMMUNICATION: 0, LEADERSHIP: 0 };
  const datum = {
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
  return datum as unknown as T;
}

export function buildOrgIndex<T extends ChartDatum>(nodes: readonly T[]): OrgIndex<T> | null {
  if (nodes.length === 0) return null;
  const ids = new Set<string>();
  for (const node of nodes) {
    if (ids.has(node.id)) throw new OrgDataError(`Duplicate node id "${node.id}"`);
    ids.add(node.id);
  }
  // People whose manager is missing from the data still show, as extra top-level nodes.
  const isTop = (node: T) => node.parentId === null || node.parentId === node.id || !ids.has(node.parentId);
  let topCount = 0;
  for (const node of nodes) if (isTop(node)) topCount++;
  if (topCount === 0) throw new OrgDataError('The reporting lines form a cycle: nobody is at the top');
  const virtualRoot = topCount > 1;

  const rows: T[] = virtualRoot ? [virtualDatum<T>(), ...nodes] : [...nodes];
  let root: IndexNode<T>;
  try {
    root = stratify<T>()
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

  const byId = new Map<string, IndexNode<T>>();
  const preorder: IndexNode<T>[] = [];
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
export function searchKeysOf<T extends ChartDatum & { name: string; title: string }>(index: OrgIndex<T>): Map<string, string> {
  if (!index.searchKeys) {
    index.searchKeys = new Map();
    for (const node of index.preorder) {
      index.searchKeys.set(node.data.id, `${node.data.name}\n${node.data.title}\n${node.data.id}`.toLowerCase());
    }
  }
  return index.searchKeys;
}

/** 0-based level of a node ignoring the hidden join node. */
export function levelOf<T extends ChartDatum>(index: OrgIndex<T>, node: IndexNode<T>): number {
  return node.depth - (index.virtualRoot ? 1 : 0);
}

/** Ids of nodes to expand so that levels 0..depth are visible. */
export function expandedToDepth<T extends ChartDatum>(index: OrgIndex<T>, depth: number): Set<string> {
  const expanded = new Set<string>();
  if (index.virtualRoot) expanded.add(VIRTUAL_ROOT_ID);
  for (const node of index.preorder) {
    if (node.children && levelOf(index, node) < depth) expanded.add(node.data.id);
  }
  return expanded;
}

/** Real ancestors from the top down, excluding the node itself. */
export function realAncestors<T extends ChartDatum>(node: IndexNode<T>): IndexNode<T>[] {
  const chain: IndexNode<T>[] = [];
  for (let current = node.parent; current; current = current.parent) {
    if (current.data.id !== VIRTUAL_ROOT_ID) chain.push(current);
  }
  return chain.reverse();
}
