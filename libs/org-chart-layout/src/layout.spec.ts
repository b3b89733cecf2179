import type { ChartDatum } from './chart-types';
import { COMPACT_MIN_PEOPLE, compactColumns, computeLayout, type LayoutOptions, type OrgLayout } from './layout';
import { buildOrgIndex, expandedToDepth } from './org-index';

const SPACING = { cardWidth: 220, cardHeight: 96, gapX: 24, gapY: 48 };
const NORMAL: LayoutOptions = { ...SPACING };
const COMPACT: LayoutOptions = { ...SPACING, compact: true };

const node = (id: string, parentId: string | null): ChartDatum => ({ id, parentId });

/** A manager with `reports` people, none of whom has a team. */
function wideTeam(reports: number): ChartDatum[] {
  return [node('boss', null), ...Array.from({ length: reports }, (_, i) => node(`p${i}`, 'boss'))];
}

/** A random org: each new person reports to someone already there, biased to wide teams. */
function randomOrg(size: number, seed: number): ChartDatum[] {
  let state = seed;
  const random = () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
  const nodes = [node('n0', null)];
  for (let i = 1; i < size; i++) {
    const managers = Math.max(1, Math.floor(i * 0.15));
    nodes.push(node(`n${i}`, `n${Math.floor(random() * managers)}`));
  }
  return nodes;
}

function layoutOf(nodes: ChartDatum[], options: LayoutOptions, depth = Infinity): OrgLayout {
  const index = buildOrgIndex(nodes)!;
  return computeLayout(index, expandedToDepth(index, depth), options);
}

function overlaps(layout: OrgLayout): [string, string][] {
  const found: [string, string][] = [];
  const { cardWidth: w, cardHeight: h } = SPACING;
  const sorted = [...layout.nodes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].x - sorted[i].x < w; j++) {
      if (Math.abs(sorted[j].y - sorted[i].y) < h) found.push([sorted[i].id, sorted[j].id]);
    }
  }
  return found;
}

const width = (layout: OrgLayout) => layout.bounds.x1 - layout.bounds.x0;

describe('compact layout', () => {
  it('stacks a 40-person team in an even number of columns under the manager, far narrower than a row', () => {
    const normal = layoutOf(wideTeam(40), NORMAL);
    const compact = layoutOf(wideTeam(40), COMPACT);
    expect(width(normal)).toBeGreaterThan(40 * SPACING.cardWidth);
    expect(width(compact)).toBeLessThan(width(normal) / 5);
    const columns = new Set(compact.nodes.filter((n) => n.id !== 'boss').map((n) => n.x));
    expect(columns.size).toBe(compactColumns(40, SPACING));
    expect(columns.size % 2).toBe(0);
    expect(columns.size).toBeGreaterThanOrEqual(2);
    expect(overlaps(compact)).toEqual([]);
    // Every report sits below the manager, within the manager's grid.
    const boss = compact.byId.get('boss')!;
    for (const person of compact.nodes.filter((n) => n.id !== 'boss')) {
      expect(person.y).toBeGreaterThanOrEqual(boss.y + SPACING.cardHeight + SPACING.gapY);
      expect(Math.abs(person.x - boss.x)).toBeLessThanOrEqual(width(compact) / 2);
      expect(person.level).toBe(2);
      expect(person.parentId).toBe('boss');
    }
    // The manager is centred over the grid, so the trunk runs down the gap between the middle columns.
    const xs = [...columns].sort((a, b) => a - b);
    expect(boss.x).toBeCloseTo((xs[0] + xs[xs.length - 1]) / 2);
    const middleGap = [xs[xs.length / 2 - 1] + SPACING.cardWidth / 2, xs[xs.length / 2] - SPACING.cardWidth / 2];
    expect(boss.x).toBeGreaterThan(middleGap[0]);
    expect(boss.x).toBeLessThan(middleGap[1]);
  });

  it('keeps reading order (pre-order) and one fan per manager, the grid inside its bounding box', () => {
    const compact = layoutOf(wideTeam(9), COMPACT);
    expect(compact.nodes.map((n) => n.id)).toEqual(['boss', ...Array.from({ length: 9 }, (_, i) => `p${i}`)]);
    expect(compact.fans).toHaveLength(1);
    const [fan] = compact.fans;
    for (const person of compact.nodes.slice(1)) {
      expect(person.x).toBeGreaterThanOrEqual(fan.x0);
      expect(person.x).toBeLessThanOrEqual(fan.x1);
      expect(person.y).toBeLessThanOrEqual(fan.y1);
    }
    // A drop line ends on top of every card.
    for (const person of compact.nodes.slice(1)) expect(fan.d).toContain(`M${person.x},`);
    expect(fan.d).toMatch(new RegExp(`V${compact.nodes[9].y}`));
  });

  it(`leaves a team of fewer than ${COMPACT_MIN_PEOPLE} in a row`, () => {
    expect(layoutOf(wideTeam(2), COMPACT).nodes).toEqual(layoutOf(wideTeam(2), NORMAL).nodes);
  });

  it('puts open teams beside the grid of the people without one', () => {
    const nodes = [...wideTeam(12), node('m1', 'p3'), node('m2', 'p3'), node('m3', 'p3'), node('x', 'p7')];
    const compact = layoutOf(nodes, COMPACT);
    expect(overlaps(compact)).toEqual([]);
    const p3 = compact.byId.get('p3')!;
    const boss = compact.byId.get('boss')!;
    // p3 and p7 have open teams: they stay on the first row below the manager, with their teams under them.
    expect(p3.y).toBe(boss.y + SPACING.cardHeight + SPACING.gapY);
    for (const id of ['m1', 'm2', 'm3']) expect(compact.byId.get(id)!.y).toBeGreaterThan(p3.y);
  });

  it('never overlaps cards on random orgs, whatever is open', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const nodes = randomOrg(400, seed);
      for (const depth of [1, 2, 3, Infinity]) {
        const compact = layoutOf(nodes, COMPACT, depth);
        expect(overlaps(compact)).toEqual([]);
        // Children always below their manager.
        for (const placed of compact.nodes) {
          if (placed.parentId) expect(placed.y).toBeGreaterThan(compact.byId.get(placed.parentId)!.y);
        }
        expect(width(compact)).toBeLessThanOrEqual(width(layoutOf(nodes, NORMAL, depth)));
      }
    }
  });

  it('lays out several tops (a hidden join node) and drops nobody', () => {
    const nodes = [...wideTeam(6), node('other', null), node('o1', 'other'), node('o2', 'other'), node('o3', 'other')];
    const compact = layoutOf(nodes, COMPACT);
    expect(compact.nodes).toHaveLength(nodes.length);
    expect(compact.byId.get('boss')!.level).toBe(1);
    expect(compact.byId.get('boss')!.y).toBe(0);
    expect(overlaps(compact)).toEqual([]);
  });
});

describe('normal layout', () => {
  it('puts a team on one row and never overlaps cards', () => {
    const layout = layoutOf(wideTeam(5), NORMAL);
    expect(new Set(layout.nodes.slice(1).map((n) => n.y)).size).toBe(1);
    expect(overlaps(layout)).toEqual([]);
    expect(overlaps(layoutOf(randomOrg(300, 7), NORMAL))).toEqual([]);
  });
});
