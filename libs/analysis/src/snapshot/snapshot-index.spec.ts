import { buildSnapshot, chain, positionIdOf as pos, team } from '../testing/org-builder';
import { SnapshotIndex } from './snapshot-index';

describe('SnapshotIndex', () => {
  const snapshot = buildSnapshot([
    { id: 'ceo', title: 'CEO', name: 'Ana' },
    { id: 'cto', title: 'CTO', manager: 'ceo', work: [['Set strategy', 'LEADERSHIP', 50]] },
    { id: 'cfo', title: 'CFO', manager: 'ceo' },
    ...team('cto', 'eng', 3),
    { id: 'vac', title: 'Engineer', manager: 'cto', vacant: true },
    { id: 'jr', title: 'Engineer', manager: 'eng1' },
  ]);
  const index = new SnapshotIndex(snapshot);

  it('finds positions, parents and children by id', () => {
    expect(index.position(pos('cto'))?.title).toBe('CTO');
    expect(index.node(pos('eng1'))?.parent?.position.id).toBe(pos('cto'));
    expect(index.childrenOf(pos('cto')).map((p) => p.id)).toEqual([pos('eng1'), pos('eng2'), pos('eng3'), pos('vac')]);
    expect(index.childrenOf('nope')).toEqual([]);
    expect(index.roots.map((n) => n.position.id)).toEqual([pos('ceo')]);
  });

  it('knows depths (root = 0) and layers beneath', () => {
    expect(index.depthOf(pos('ceo'))).toBe(0);
    expect(index.depthOf(pos('cto'))).toBe(1);
    expect(index.depthOf(pos('jr'))).toBe(3);
    expect(index.node(pos('ceo'))?.layersBelow).toBe(3);
    expect(index.node(pos('cfo'))?.layersBelow).toBe(0);
    expect(index.node(pos('cto'))?.subtreeSize).toBe(6);
  });

  it('links people, assignments and responsibilities to their position', () => {
    expect(index.personAt(pos('ceo'))?.name).toBe('Ana');
    expect(index.personAt(pos('vac'))).toBeNull();
    expect(index.assignmentAt(pos('cto'))?.personId).toBe('per-cto');
    expect(index.responsibilitiesOf(pos('cto')).map((r) => r.title)).toEqual(['Set strategy']);
    expect(index.responsibilitiesOf(pos('cfo'))).toEqual([]);
    expect(index.nodeOfEmployee('eng2')?.position.id).toBe(pos('eng2'));
  });

  it("tells a holder's first post from their later ones, as nodeOfEmployee picks it", () => {
    const eng2 = snapshot.assignments.find((assignment) => assignment.positionId === pos('eng2'));
    const twoPosts = new SnapshotIndex({
      ...snapshot,
      assignments: [...snapshot.assignments, { ...eng2!, positionId: pos('vac') }],
    });
    const node = (id: string) => twoPosts.node(pos(id))!;
    expect(twoPosts.nodeOfEmployee('eng2')).toBe(node('eng2'));
    expect(twoPosts.isFirstPostOfHolder(node('eng2'))).toBe(true);
    expect(twoPosts.isFirstPostOfHolder(node('vac'))).toBe(false);
    expect(twoPosts.isFirstPostOfHolder(node('ceo'))).toBe(true);
    expect(index.isFirstPostOfHolder(index.node(pos('vac'))!)).toBe(false);
  });

  it('lists a subtree breadth-first, optionally only a few levels deep', () => {
    expect(index.subtreeOf(pos('cto')).map((p) => p.externalId)).toEqual(['cto', 'eng1', 'eng2', 'eng3', 'vac', 'jr']);
    expect(index.subtreeOf(pos('cto'), 1).map((p) => p.externalId)).toEqual(['cto', 'eng1', 'eng2', 'eng3', 'vac']);
    expect(index.subtreeOf(pos('cto'), 0).map((p) => p.externalId)).toEqual(['cto']);
    expect(index.subtreeOf('unknown')).toEqual([]);
  });

  it('answers subtree membership in constant time', () => {
    expect(index.isInSubtree(pos('cto'), pos('jr'))).toBe(true);
    expect(index.isInSubtree(pos('cto'), pos('cto'))).toBe(true);
    expect(index.isInSubtree(pos('cto'), pos('cfo'))).toBe(false);
    expect(index.isInSubtree(pos('jr'), pos('cto'))).toBe(false);
  });

  it('handles a reporting line far deeper than the call stack allows', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `p${i}`);
    const deep = new SnapshotIndex(buildSnapshot(chain(ids)));
    expect(deep.node(pos('p0'))?.layersBelow).toBe(49_999);
    expect(deep.depthOf(pos('p49999'))).toBe(49_999);
    expect(deep.subtreeOf(pos('p49990')).length).toBe(10);
  });

  it('does not hang on a reporting cycle: it cuts the cycle and treats that position as a root', () => {
    const snapshot = buildSnapshot([
      { id: 'a', manager: 'c' },
      { id: 'b', manager: 'a' },
      { id: 'c', manager: 'b' },
      { id: 'd', manager: 'c' },
      { id: 'solo' },
    ]);
    const cyclic = new SnapshotIndex(snapshot);
    expect(cyclic.preorder).toHaveLength(5);
    expect(cyclic.roots).toHaveLength(2);
    const root = cyclic.roots.find((r) => r.position.externalId !== 'solo')!;
    expect(root.subtreeSize).toBe(4);
    expect(cyclic.subtreeOf(root.position.id)).toHaveLength(4);
  });
});
