import type { Assignment, Person, Position, Responsibility, SnapshotData } from '@rolemap/domain';

// Frozen so an accidental push into the shared list throws instead of corrupting every leaf.
const NONE = Object.freeze([]) as unknown as never[];

/** Everything the analysis needs about one position, linked to its neighbours. */
export interface PositionNode {
  position: Position;
  /** Index in `SnapshotIndex.nodes` (the snapshot's position order). */
  ordinal: number;
  parent: PositionNode | null;
  children: PositionNode[];
  /** Root = 0. */
  depth: number;
  /** Reporting levels beneath: 0 without reports, 1 when only direct reports, and so on. */
  layersBelow: number;
  /** Positions in the subtree, this one included. */
  subtreeSize: number;
  /** Place in a depth-first walk; a subtree occupies [preorder, preorder + subtreeSize). */
  preorder: number;
  person: Person | null;
  assignment: Assignment | null;
  responsibilities: Responsibility[];
}

/**
 * Lookups over one snapshot, built once in O(n) so no rule ever scans the whole org per
 * position. All walks are iterative: real org charts can be hundreds of levels deep after
 * a bad import, and recursion would overflow the stack.
 */
export class SnapshotIndex {
  readonly nodes: readonly PositionNode[];
  readonly roots: readonly PositionNode[];
  /** Nodes in depth-first order, parents before their subtree. */
  readonly preorder: readonly PositionNode[];
  private readonly byId = new Map<string, PositionNode>();
  private byEmployeeId: Map<string, PositionNode> | null = null;
  /** 1 at each held node that is its holder's first post, by ordinal (built with byEmployeeId). */
  private firstPosts: Uint8Array | null = null;

  constructor(readonly snapshot: SnapshotData) {
    const nodes: PositionNode[] = new Array(snapshot.positions.length);
    for (let ordinal = 0; ordinal < nodes.length; ordinal++) {
      const position = snapshot.positions[ordinal];
      const node: PositionNode = {
        position,
        ordinal,
        parent: null,
        // Most positions have no reports: they share one empty list until they get some.
        children: NONE,
        depth: 0,
        layersBelow: 0,
        subtreeSize: 1,
        preorder: -1,
        person: null,
        assignment: null,
        responsibilities: NONE,
      };
      nodes[ordinal] = node;
      this.byId.set(position.id, node);
    }
    for (const node of nodes) {
      const parent = node.position.reportsToId === null ? undefined : this.byId.get(node.position.reportsToId);
      if (parent && parent !== node) {
        node.parent = parent;
        if (parent.children === NONE) parent.children = [];
        parent.children.push(node);
      }
    }

    const personById = new Map<string, Person>();
    for (const person of snapshot.people) personById.set(person.id, person);
    for (const assignment of snapshot.assignments) {
      const node = this.byId.get(assignment.positionId);
      // A shared post keeps its first holder; the analysis reasons about one person per post.
      if (!node || node.assignment) continue;
      node.assignment = assignment;
      node.person = personById.get(assignment.personId) ?? null;
    }
    // A person's responsibilities usually come one after another: skip the lookup for those
    // (loaders hand them one string for their position's id, so most checks compare pointers).
    let lastNode: PositionNode | undefined;
    let lastPositionId: string | undefined;
    for (const responsibility of snapshot.responsibilities) {
      const node = responsibility.positionId === lastPositionId ? lastNode : this.byId.get(responsibility.positionId);
      lastPositionId = responsibility.positionId;
      lastNode = node;
      if (!node) continue;
      if (node.responsibilities === NONE) node.responsibilities = [];
      node.responsibilities.push(responsibility);
    }

    this.nodes = nodes;
    const { roots, preorder } = orderTree(nodes);
    this.roots = roots;
    this.preorder = preorder;
  }

  node(positionId: string): PositionNode | undefined {
    return this.byId.get(positionId);
  }

  position(positionId: string): Position | undefined {
    return this.byId.get(positionId)?.position;
  }

  /** The position the employee holds (their first, if the snapshot gives them several). */
  nodeOfEmployee(employeeId: string): PositionNode | undefined {
    return this.employeeLookup().get(employeeId);
  }

  /** True when the node is held and is its holder's first position (the one `nodeOfEmployee` gives). */
  isFirstPostOfHolder(node: PositionNode): boolean {
    this.employeeLookup();
    return (this.firstPosts as Uint8Array)[node.ordinal] === 1;
  }

  private employeeLookup(): Map<string, PositionNode> {
    if (!this.byEmployeeId) {
      // Built on first use: the analysis itself never needs it, snapshot diffs do.
      const byEmployeeId = new Map<string, PositionNode>();
      const firstPosts = new Uint8Array(this.nodes.length);
      for (const node of this.nodes) {
        if (!node.person || byEmployeeId.has(node.person.employeeId)) continue;
        byEmployeeId.set(node.person.employeeId, node);
        firstPosts[node.ordinal] = 1;
      }
      this.byEmployeeId = byEmployeeId;
      this.firstPosts = firstPosts;
    }
    return this.byEmployeeId;
  }

  childrenOf(positionId: string): readonly Position[] {
    return this.byId.get(positionId)?.children.map((child) => child.position) ?? [];
  }

  depthOf(positionId: string): number | undefined {
    return this.byId.get(positionId)?.depth;
  }

  personAt(positionId: string): Person | null {
    return this.byId.get(positionId)?.person ?? null;
  }

  assignmentAt(positionId: string): Assignment | null {
    return this.byId.get(positionId)?.assignment ?? null;
  }

  responsibilitiesOf(positionId: string): readonly Responsibility[] {
    return this.byId.get(positionId)?.responsibilities ?? [];
  }

  /** True when `positionId` is `ancestorId` or anywhere beneath it. O(1). */
  isInSubtree(ancestorId: string, positionId: string): boolean {
    const ancestor = this.byId.get(ancestorId);
    const node = this.byId.get(positionId);
    if (!ancestor || !node) return false;
    return node.preorder >= ancestor.preorder && node.preorder < ancestor.preorder + ancestor.subtreeSize;
  }

  /**
   * The position and everyone beneath it, breadth-first (direct reports before their
   * reports). `maxDepth` counts levels below the position: 1 = the position and its direct
   * reports. Unknown ids give an empty list.
   */
  subtreeOf(positionId: string, maxDepth = Infinity): Position[] {
    const start = this.byId.get(positionId);
    if (!start) return [];
    const result: Position[] = [];
    walkBreadthFirst(start, maxDepth, (node) => {
      result.push(node.position);
      return true;
    });
    return result;
  }
}

/**
 * Visits `start` and its subtree breadth-first, up to `maxDepth` levels below it. Stops
 * early when `visit` returns false. Uses a flat array as the queue: no recursion, no shifts.
 */
export function walkBreadthFirst(start: PositionNode, maxDepth: number, visit: (node: PositionNode) => boolean): void {
  const queue: PositionNode[] = [start];
  const limitDepth = start.depth + maxDepth;
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    if (!visit(node)) return;
    if (node.depth >= limitDepth) continue;
    for (const child of node.children) queue.push(child);
  }
}

/**
 * Depth-first order, depths, subtree sizes and layers in one iterative pass. Reporting
 * cycles should never reach the analysis (the importer rejects them) but must not hang it:
 * a cycle is cut at the first position found on it, which is then treated as a root.
 */
function orderTree(nodes: PositionNode[]): { roots: PositionNode[]; preorder: PositionNode[] } {
  const roots: PositionNode[] = nodes.filter((node) => node.parent === null);
  const preorder: PositionNode[] = [];
  const visitRoot = (root: PositionNode) => {
    const stack: PositionNode[] = [root];
    while (stack.length > 0) {
      const node = stack.pop() as PositionNode;
      node.preorder = preorder.length;
      node.depth = node.parent ? node.parent.depth + 1 : 0;
      preorder.push(node);
      // Reverse so children come out in their original order.
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  };
  for (const root of roots) visitRoot(root);

  if (preorder.length < nodes.length) {
    for (const node of nodes) {
      if (node.preorder !== -1) continue;
      const cutAt = firstRepeatGoingUp(node);
      if (cutAt.parent) {
        const siblings = cutAt.parent.children;
        siblings.splice(siblings.indexOf(cutAt), 1);
        cutAt.parent = null;
      }
      roots.push(cutAt);
      visitRoot(cutAt);
    }
  }

  // Children sit after their parent in preorder, so one backward pass sums sizes and layers.
  for (let i = preorder.length - 1; i >= 0; i--) {
    const node = preorder[i];
    const parent = node.parent;
    if (!parent) continue;
    parent.subtreeSize += node.subtreeSize;
    if (node.layersBelow + 1 > parent.layersBelow) parent.layersBelow = node.layersBelow + 1;
  }
  return { roots, preorder };
}

/** Walks up from an unvisited node until a node repeats (it lies on the cycle). */
function firstRepeatGoingUp(start: PositionNode): PositionNode {
  const seen = new Set<PositionNode>();
  let node = start;
  while (node.parent && !seen.has(node) && node.parent.preorder === -1) {
    seen.add(node);
    node = node.parent;
  }
  return node;
}
