import { fireEvent } from '@testing-library/dom';
import '@testing-library/jest-dom';
import { OrgChart } from './org-chart';
import {
  HIGHLIGHT_COLOR,
  NO_DATA_COLOR,
  NO_DATA_TINT,
  SELECTED_COLOR,
  tacticalGapColor,
  tacticalGapTint,
} from '@rolemap/org-chart-layout';
import { generateOrg } from './testing/generate-org';
import { person, smallOrg } from './testing/small-org';
import type { OrgChartOptions } from './types';

// A viewport large enough that culling keeps every laid-out card, unless a test shrinks it.
const BIG: OrgChartOptions = { width: 6000, height: 4000, animationMs: 0, overscan: 0 };

let container: HTMLDivElement;
let chart: OrgChart | null = null;

function make(options: OrgChartOptions = {}) {
  chart = new OrgChart(container, { ...BIG, ...options });
  return chart;
}

const cards = () => [...container.querySelectorAll<SVGGElement>('g.rm-node')];
const ids = () =>
  cards()
    .map((card) => card.dataset.id)
    .sort();
const card = (id: string) => container.querySelector<SVGGElement>(`g.rm-node[data-id="${id}"]`);

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
});

afterEach(() => {
  jest.restoreAllMocks();
  chart?.destroy();
  chart = null;
  container.remove();
});

describe('OrgChart rendering', () => {
  it('marks the cards a scenario changes, and only those', () => {
    const nodes = smallOrg().map((node) => (node.id === 'vp2' ? { ...node, changed: true } : node));
    make().setData(nodes).render();
    expect(card('vp2')).toHaveAttribute('data-changed', 'true');
    expect(card('vp2')!.querySelector('.rm-changed')).toHaveTextContent('CHANGED');
    expect(card('vp1')).not.toHaveAttribute('data-changed');
    expect(container.querySelectorAll('.rm-changed')).toHaveLength(1);
  });

  it('draws dashed dotted-line connectors beneath the cards without moving any card', () => {
    const placement = () => Object.fromEntries(cards().map((element) => [element.dataset.id, element.getAttribute('transform')]));
    make().setData(smallOrg()).render();
    const plain = placement();
    chart!.destroy();
    // d3 (under vp2) also answers to vp1; ic3 to d1, but ic3 is in a closed team.
    const dotted = smallOrg().map((node) =>
      node.id === 'd3'
        ? { ...node, dottedLineManagerIds: ['vp1'] }
        : node.id === 'ic3'
          ? { ...node, dottedLineManagerIds: ['d1'] }
          : node,
    );
    make().setData(dotted).render();
    expect(placement()).toEqual(plain);
    const dashed = () => [...container.querySelectorAll<SVGPathElement>('path.rm-dotted-link')];
    expect(dashed()).toHaveLength(1);
    expect(dashed()[0]).toHaveAttribute('stroke-dasharray', '6 4');
    expect(dashed()[0]).toHaveAttribute('data-report', 'd3');
    expect(dashed()[0]).toHaveAttribute('data-manager', 'vp1');
    // Beneath the cards: the layer comes before the cards' layer in the SVG.
    const layers = [...container.querySelectorAll('g.rm-viewport > g')].map((layer) => layer.getAttribute('class'));
    expect(layers.indexOf('rm-dotted-links')).toBeLessThan(layers.indexOf('rm-nodes'));
    // Opening the teams down to ic3 brings its line once both ends are drawn.
    chart!.expandAll();
    chart!.render();
    expect(
      dashed()
        .map((path) => path.getAttribute('data-report'))
        .sort(),
    ).toEqual(['d3', 'ic3']);
  });

  it('draws no dotted lines when told not to', () => {
    const dotted = smallOrg().map((node) => (node.id === 'd3' ? { ...node, dottedLineManagerIds: ['vp1'] } : node));
    make({ dottedLines: false }).setData(dotted).render();
    expect(container.querySelectorAll('path.rm-dotted-link')).toHaveLength(0);
  });

  it('shows the top three levels by default', () => {
    make().setData(smallOrg()).render();
    expect(ids()).toEqual(['ceo', 'd1', 'd2', 'd3', 'vp1', 'vp2']);
    expect(chart!.getStats()).toEqual({ total: 12, laidOut: 6, rendered: 6 });
  });

  it('honours initialDepth and collapseToDepth', () => {
    make({ initialDepth: 0 }).setData(smallOrg()).render();
    expect(ids()).toEqual(['ceo']);
    chart!.collapseToDepth(1);
    expect(ids()).toEqual(['ceo', 'vp1', 'vp2']);
    chart!.collapseToDepth(10);
    expect(cards()).toHaveLength(12);
  });

  it('expand enters the children and collapse removes the subtree, keeping other cards as they were', () => {
    make().setData(smallOrg()).render();
    const ceoCard = card('ceo');
    chart!.expand('d1');
    expect(ids()).toEqual(['ceo', 'd1', 'd2', 'd3', 'm1', 'm2', 'vp1', 'vp2']);
    // Keyed join: the CEO's card is updated in place, not rebuilt.
    expect(card('ceo')).toBe(ceoCard);
    chart!.collapse('vp1');
    expect(ids()).toEqual(['ceo', 'd3', 'vp1', 'vp2']);
    expect(card('vp1')).toHaveAttribute('aria-expanded', 'false');
  });

  it('redraws a card when its data changes, and keeps what the user had opened', () => {
    make().setData(smallOrg()).render();
    chart!.expand('d1');
    expect(card('vp1')!.querySelectorAll('.rm-badge').length).toBeGreaterThan(0);
    // A refetch after an HR edit: same org, Grace's tier and findings changed.
    const edited = smallOrg().map((node) =>
      node.id === 'vp1' ? { ...node, tier: 'IC' as const, title: 'Principal Engineer', badges: [] } : node,
    );
    chart!.setData(edited).render();
    expect(ids()).toEqual(['ceo', 'd1', 'd2', 'd3', 'm1', 'm2', 'vp1', 'vp2']);
    expect(card('vp1')).toHaveTextContent('Principal Engineer');
    expect(card('vp1')!.querySelectorAll('.rm-badge')).toHaveLength(0);
    expect(card('vp1')!.getAttribute('aria-label')).toMatch(/^Grace Hopper, Principal Engineer/);
  });

  it('starts a different org from the initial depth', () => {
    make().setData(smallOrg()).render();
    chart!.expand('d1');
    chart!.setData([{ ...smallOrg()[0], id: 'other-ceo' }]).render();
    expect(ids()).toEqual(['other-ceo']);
  });

  it('shows the hidden head-count on a collapsed toggle and a minus when expanded', () => {
    make().setData(smallOrg()).render();
    expect(card('d1')!.querySelector('.rm-toggle text')).toHaveTextContent('+4');
    expect(card('vp1')!.querySelector('.rm-toggle text')).toHaveTextContent('\u2212');
    expect(card('d2')!.querySelector('.rm-toggle')).toBeNull();
  });

  it('toggles when the +/- pill is clicked', () => {
    const onToggle = jest.fn();
    make({ onToggle }).setData(smallOrg()).render();
    fireEvent.click(card('d3')!.querySelector('.rm-toggle rect')!);
    expect(ids()).toContain('m3');
    expect(onToggle).toHaveBeenCalledWith('d3', true);
  });

  it('draws name, title, tier, both mix bars and the finding badges', () => {
    make().setData(smallOrg()).render();
    const vp1 = card('vp1')!;
    expect(vp1.querySelector('.rm-name')).toHaveTextContent('Grace Hopper');
    expect(vp1.querySelector('.rm-title')).toHaveTextContent('VP Engineering');
    expect(vp1.querySelector('.rm-meta')).toHaveTextContent('Executive');
    const bars = vp1.querySelectorAll('.rm-mix');
    expect(bars).toHaveLength(2);
    expect(bars[0].querySelectorAll('rect')).toHaveLength(4);
    const badges = [...vp1.querySelectorAll<SVGGElement>('.rm-badge')];
    expect(badges.map((badge) => badge.dataset.kind)).toEqual(['PROMOTED_STILL_TACTICAL', 'DELEGATION_GAP']);
    expect(badges[1].querySelector('title')).toHaveTextContent(/Delegation gap/);
  });

  it('colours each card by its tactical gap', () => {
    make().setData(smallOrg()).render();
    const stroke = (id: string) => card(id)!.querySelector('.rm-card')!.getAttribute('stroke');
    expect(stroke('ceo')).toBe(tacticalGapColor(0));
    expect(stroke('d2')).toBe(tacticalGapColor(1));
    expect(stroke('ceo')).not.toBe(stroke('d2'));
  });

  it('joins several top-level people under a hidden root', () => {
    make()
      .setData([person('a', null, 'A One', 'CEO', 'EXECUTIVE'), person('b', 'missing', 'B Two', 'Board', 'EXECUTIVE')])
      .render();
    expect(ids()).toEqual(['a', 'b']);
    expect(cards().map((c) => c.getAttribute('aria-level'))).toEqual(['1', '1']);
  });

  it('rejects duplicate ids with a readable error', () => {
    expect(() =>
      make().setData([person('a', null, 'A', 'CEO', 'EXECUTIVE'), person('a', null, 'B', 'CEO', 'EXECUTIVE')]),
    ).toThrow(/Duplicate node id "a"/);
  });
});

describe('OrgChart missing data', () => {
  it('draws a position with no responsibilities grey "no data", not green "gap 0%"', () => {
    const org = smallOrg().map((node) =>
      node.id === 'vp2' ? { ...node, hasData: false, tacticalGap: 0 } : node.id === 'vp1' ? { ...node, tacticalGap: 0 } : node,
    );
    make().setData(org).render();
    const blank = card('vp2')!;
    expect(blank.querySelector('.rm-card')).toHaveAttribute('fill', NO_DATA_TINT);
    expect(blank.querySelector('.rm-card')).toHaveAttribute('stroke', NO_DATA_COLOR);
    expect(blank.querySelector('.rm-gap')!.firstChild!.textContent).toBe('no data');
    // No actual bar to read as "no work"; the expected one stays.
    expect(blank.querySelector('.rm-mix'))!.toHaveClass('rm-mix--no-data');
    expect(blank.getAttribute('aria-label')).toMatch(/no data: no responsibilities recorded$/);
    // A real gap of 0 stays green and says so.
    const healthy = card('vp1')!;
    expect(healthy.querySelector('.rm-card')).toHaveAttribute('fill', tacticalGapTint(0));
    expect(healthy.querySelector('.rm-gap')!.firstChild!.textContent).toBe('gap 0%');
  });

  it('says what decided the tier in the card tooltip and label', () => {
    const org = smallOrg().map((node) => (node.id === 'vp1' ? { ...node, tierSource: 'GRADE' } : node));
    make().setData(org).render();
    expect(card('vp1')!.querySelector('.rm-meta title')!.textContent).toMatch(/^Executive \(from the grade\)/);
    expect(card('vp1')!.getAttribute('aria-label')).toMatch(/executive from the grade, /);
  });

  it('a collapsed card says how many people below it have no data', () => {
    const org = smallOrg().map((node) => (node.id === 'vp1' ? { ...node, withoutDataBelow: 4 } : node));
    make({ initialDepth: 1 }).setData(org).render();
    const toggle = card('vp1')!.querySelector('.rm-toggle')!;
    expect(toggle.querySelector('.rm-nodata-below')!.textContent).toBe('4 no data');
    expect(toggle.querySelector(':scope > title')!.textContent).toMatch(/, 4 with no data \(not checked\)$/);
    chart!.expand('vp1');
    expect(card('vp1')!.querySelector('.rm-nodata-below')).toBeNull();
  });
});

describe('OrgChart culling', () => {
  it('renders only the cards inside a small viewport, and enters/exits them on pan', () => {
    make({ width: 400, height: 300 }).setData(generateOrg(500, 7)).expandAll().render();
    const stats = chart!.getStats();
    expect(stats.laidOut).toBe(500);
    expect(stats.rendered).toBeLessThan(20);
    expect(cards()).toHaveLength(stats.rendered);
    const before = ids();
    chart!.centerOn('e00400', false);
    expect(ids()).toContain('e00400');
    expect(ids()).not.toEqual(before);
    expect(cards().length).toBeLessThan(20);
  });

  it('draws plain blocks when zoomed far out', () => {
    make({ width: 400, height: 300, lodScale: 0.5 }).setData(smallOrg()).render();
    expect(card('ceo')!.querySelector('.rm-name')).not.toBeNull();
    chart!.expandAll().fit(false);
    expect(chart!.getTransform().k).toBeLessThan(0.5);
    expect(card('ceo')!.querySelector('.rm-name')).toBeNull();
    expect(card('ceo')!.querySelector('.rm-card')).not.toBeNull();
  });
});

describe('OrgChart search, highlight, selection', () => {
  it('finds by id and expands the ancestors of the first match', () => {
    make().setData(smallOrg()).render();
    expect(card('ic3')).toBeNull();
    const matches = chart!.search('ic3');
    expect(matches.map((m) => m.id)).toEqual(['ic3']);
    expect(card('ic3')).toHaveClass('rm-node--highlighted');
    expect(chart!.isExpanded('m3')).toBe(true);
  });

  it('finds by name and by title, case-insensitively', () => {
    make().setData(smallOrg()).render();
    expect(chart!.search('dijkstra').map((m) => m.id)).toEqual(['ic3']);
    expect(chart!.search('DIRECTOR').map((m) => m.id)).toEqual(['d1', 'd2', 'd3']);
    expect(chart!.search('nobody')).toEqual([]);
    expect(chart!.getHighlighted()).toEqual([]);
  });

  it('centres the first match', () => {
    make({ width: 400, height: 300 }).setData(smallOrg()).render();
    chart!.search('Dijkstra');
    const t = chart!.getTransform();
    const ic3 = card('ic3')!;
    const [, x, y] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(ic3.getAttribute('transform')!)!.map(Number);
    // Card centre in screen space sits in the middle of the 400×300 viewport.
    expect((x + 110) * t.k + t.x).toBeCloseTo(200);
    expect((y + 48) * t.k + t.y).toBeCloseTo(150);
  });

  it('highlight marks exactly the given cards', () => {
    make().setData(smallOrg()).render();
    chart!.highlight(['vp1', 'd2', 'unknown']);
    const marked = cards()
      .filter((c) => c.classList.contains('rm-node--highlighted'))
      .map((c) => c.dataset.id);
    expect(marked.sort()).toEqual(['d2', 'vp1']);
    expect(card('vp1')!.querySelector('.rm-ring')).toHaveAttribute('stroke', HIGHLIGHT_COLOR);
    chart!.highlight([]);
    expect(container.querySelectorAll('.rm-node--highlighted')).toHaveLength(0);
  });

  it('select reveals the node, marks it and reports it', () => {
    const onSelect = jest.fn();
    make({ onSelect }).setData(smallOrg()).render();
    chart!.select('ic1');
    expect(card('ic1')).toHaveAttribute('aria-selected', 'true');
    expect(card('ic1')!.querySelector('.rm-ring')).toHaveAttribute('stroke', SELECTED_COLOR);
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'ic1' }));
    chart!.select('ceo', { notify: false });
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(card('ic1')).toHaveAttribute('aria-selected', 'false');
  });

  it('clicking a card selects it', () => {
    const onSelect = jest.fn();
    make({ onSelect }).setData(smallOrg()).render();
    fireEvent.click(card('vp2')!.querySelector('.rm-name')!);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'vp2', name: 'Alan Turing' }));
    expect(chart!.getSelectedId()).toBe('vp2');
  });

  it('ancestorsOf gives the breadcrumb from the top down', () => {
    make().setData(smallOrg());
    expect(chart!.ancestorsOf('ic2').map((n) => n.id)).toEqual(['ceo', 'vp1', 'd1', 'm1', 'ic2']);
    expect(chart!.ancestorsOf('ceo').map((n) => n.id)).toEqual(['ceo']);
    expect(chart!.ancestorsOf('nope')).toEqual([]);
  });
});

describe('OrgChart accessibility and keyboard', () => {
  it('exposes a tree with labelled, levelled tree items and one tab stop', () => {
    make().setData(smallOrg()).render();
    const svg = container.querySelector('svg.rm-svg')!;
    expect(svg).toHaveAttribute('role', 'tree');
    const vp1 = card('vp1')!;
    expect(vp1).toHaveAttribute('role', 'treeitem');
    expect(vp1).toHaveAttribute('aria-level', '2');
    expect(vp1).toHaveAttribute('aria-expanded', 'true');
    expect(vp1).toHaveAttribute('aria-label', 'Grace Hopper, VP Engineering, executive, 2 findings');
    expect(card('d2')).not.toHaveAttribute('aria-expanded');
    expect(
      cards()
        .filter((c) => c.getAttribute('tabindex') === '0')
        .map((c) => c.dataset.id),
    ).toEqual(['ceo']);
    expect(cards().every((c) => c.hasAttribute('tabindex'))).toBe(true);
  });

  it('arrow keys move focus between parent, children and siblings', () => {
    make().setData(smallOrg()).render();
    card('ceo')!.focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(card('vp1'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(card('vp2'));
    expect(card('vp2')).toHaveAttribute('tabindex', '0');
    expect(card('vp1')).toHaveAttribute('tabindex', '-1');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(card('vp1'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(card('ceo'));
  });

  it('+ and - flip aria-expanded, ArrowDown opens a collapsed node, Enter selects', () => {
    const onSelect = jest.fn();
    make({ onSelect }).setData(smallOrg()).render();
    card('d1')!.focus();
    expect(card('d1')).toHaveAttribute('aria-expanded', 'false');
    fireEvent.keyDown(card('d1')!, { key: '+' });
    expect(card('d1')).toHaveAttribute('aria-expanded', 'true');
    expect(card('m1')).not.toBeNull();
    fireEvent.keyDown(card('d1')!, { key: '-' });
    expect(card('d1')).toHaveAttribute('aria-expanded', 'false');
    expect(card('m1')).toBeNull();
    fireEvent.keyDown(card('d1')!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(card('m1'));
    fireEvent.keyDown(card('m1')!, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'm1' }));
    expect(card('m1')).toHaveAttribute('aria-selected', 'true');
  });

  it('keeps the tab stop in the DOM when panned away, and centres a card focused off screen', () => {
    make({ width: 400, height: 300 }).setData(generateOrg(300, 3)).expandAll().render();
    chart!.centerOn('e00290', false);
    const tabStops = cards().filter((c) => c.getAttribute('tabindex') === '0');
    expect(tabStops.map((c) => c.dataset.id)).toEqual(['e00001']);
    tabStops[0].focus();
    const t = chart!.getTransform();
    const [, x, y] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(tabStops[0].getAttribute('transform')!)!.map(Number);
    expect((x + 110) * t.k + t.x).toBeCloseTo(200);
    expect((y + 48) * t.k + t.y).toBeCloseTo(150);
  });

  it('keyboard focus centres the focused card', () => {
    make({ width: 400, height: 300 }).setData(smallOrg()).render();
    card('ceo')!.focus();
    fireEvent.keyDown(card('ceo')!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    const t = chart!.getTransform();
    const [, x, y] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(card('vp2')!.getAttribute('transform')!)!.map(Number);
    expect((x + 110) * t.k + t.x).toBeCloseTo(200);
    expect((y + 48) * t.k + t.y).toBeCloseTo(150);
  });
});

describe('OrgChart export', () => {
  it('exportSvg returns a standalone SVG with every expanded name, even outside the viewport', () => {
    make({ width: 300, height: 200 }).setData(smallOrg()).expandAll().render();
    expect(chart!.getStats().rendered).toBeLessThan(12);
    const text = chart!.exportSvg();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const svg = doc.documentElement;
    expect(svg.tagName).toBe('svg');
    expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    for (const node of smallOrg()) expect(text).toContain(node.name === 'Frances Allen' ? 'Vacant (Frances Allen)' : node.name);
    // Inline styling only: no class-based CSS is needed to read the image.
    expect(text).not.toContain('<style');
    expect(text).toContain(`stroke="${tacticalGapColor(1)}"`);
  });

  it('exportPng fails clearly where there is no canvas', async () => {
    // jsdom logs "not implemented" for getContext; the rejection is what matters here.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    make().setData(smallOrg()).render();
    await expect(chart!.exportPng()).rejects.toThrow(/canvas/);
  });
});

describe('OrgChart as a lazy chart', () => {
  // The top two levels are loaded; vp1's team (2 reports, 6 people below) is not.
  const top = () => [
    person('ceo', null, 'Ada', 'CEO', 'EXECUTIVE', { directReports: 2, descendantCount: 8 }),
    person('vp1', 'ceo', 'Ben', 'VP One', 'EXECUTIVE', { directReports: 2, descendantCount: 6, findingsBelow: 3 }),
    person('vp2', 'ceo', 'Cy', 'VP Two', 'EXECUTIVE', { directReports: 0, descendantCount: 0 }),
  ];
  const team = () => [
    person('d1', 'vp1', 'Dee', 'Director One', 'DIRECTOR', { directReports: 0, descendantCount: 0 }),
    person('d2', 'vp1', 'Eve', 'Director Two', 'DIRECTOR', { directReports: 0, descendantCount: 0 }),
  ];
  const toggleOf = (id: string) => card(id)!.querySelector('.rm-toggle')!;

  it('shows a toggle with the team size it has not loaded, fetches the team on expand and opens it', async () => {
    let release: (nodes: ReturnType<typeof team>) => void = () => undefined;
    const loadChildren = jest.fn(() => new Promise<ReturnType<typeof team>>((resolve) => (release = resolve)));
    make({ loadChildren }).setData(top()).render();
    expect(ids()).toEqual(['ceo', 'vp1', 'vp2']);
    expect(toggleOf('vp1').textContent).toContain('+6');
    expect(toggleOf('vp1').querySelector('title')!.textContent).toBe('6 below, 3 open findings among them');
    expect(card('vp2')!.querySelector('.rm-toggle')).toBeNull();

    fireEvent.click(toggleOf('vp1'));
    expect(loadChildren).toHaveBeenCalledWith('vp1');
    expect(card('vp1')).toHaveAttribute('aria-busy', 'true');
    expect(card('vp1')).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggleOf('vp1')); // a second click while loading does not fetch twice
    expect(loadChildren).toHaveBeenCalledTimes(1);

    release(team());
    await Promise.resolve();
    await Promise.resolve();
    expect(ids()).toEqual(['ceo', 'd1', 'd2', 'vp1', 'vp2']);
    expect(card('vp1')).toHaveAttribute('aria-expanded', 'true');
    expect(card('vp1')).not.toHaveAttribute('aria-busy');
    // Loaded once: collapsing and opening again needs no fetch.
    chart!.collapse('vp1');
    await chart!.expandAsync('vp1');
    expect(loadChildren).toHaveBeenCalledTimes(1);
    expect(chart!.ancestorsOf('d2').map((node) => node.id)).toEqual(['ceo', 'vp1', 'd2']);
  });

  it('keeps the node closed and reports the error when the team cannot be fetched', async () => {
    const onLoadError = jest.fn();
    make({ loadChildren: () => Promise.reject(new Error('offline')), onLoadError })
      .setData(top())
      .render();
    expect(await chart!.expandAsync('vp1')).toBe(false);
    expect(onLoadError).toHaveBeenCalledWith('vp1', expect.objectContaining({ message: 'offline' }));
    expect(card('vp1')).toHaveAttribute('aria-expanded', 'false');
    expect(card('vp1')).not.toHaveAttribute('aria-busy');
  });

  it('adds the path to a search hit and keeps what was open', () => {
    make({ loadChildren: () => Promise.resolve([]) })
      .setData(top())
      .render();
    chart!.addNodes([...team(), person('vp1', 'ceo', 'Changed', 'Ignored', 'IC')]);
    expect(chart!.getNode('vp1')!.name).toBe('Ben');
    chart!.centerOn('d2', false);
    expect(chart!.isExpanded('vp1')).toBe(true);
    expect(ids()).toEqual(['ceo', 'd1', 'd2', 'vp1', 'vp2']);
  });
});

describe('OrgChart compact layout', () => {
  const wideTeam = (reports: number) => [
    person('boss', null, 'Ada Lovelace', 'Chief Executive Officer', 'EXECUTIVE'),
    ...Array.from({ length: reports }, (_, i) => person(`p${i}`, 'boss', `Person ${i}`, 'Engineer', 'IC')),
  ];
  const position = (id: string) =>
    /translate\(([-\d.]+),([-\d.]+)\)/.exec(card(id)!.getAttribute('transform')!)!.slice(1).map(Number);

  it('stacks a wide team in columns, switchable back and forth, keeping selection and what is open', () => {
    make().setData(wideTeam(40)).render();
    chart!.select('p7');
    const rowWidth = parseFloat(chart!.exportSvg().match(/<svg[^>]*\swidth="(\d+)"/)![1]);
    expect(new Set(cards().map((c) => position(c.dataset.id!)[1])).size).toBe(2);

    chart!.setCompact(true);
    expect(chart!.isCompact()).toBe(true);
    const rows = new Set(cards().map((c) => position(c.dataset.id!)[1]));
    expect(rows.size).toBeGreaterThan(5);
    const gridWidth = parseFloat(chart!.exportSvg().match(/<svg[^>]*\swidth="(\d+)"/)![1]);
    expect(gridWidth).toBeLessThan(rowWidth / 5);
    expect(chart!.getStats().laidOut).toBe(41);
    chart!.fit(false);
    expect(cards()).toHaveLength(41);
    expect(card('p7')).toHaveAttribute('aria-selected', 'true');
    // Every card is still a tree item with its level and place among its siblings.
    expect(card('p39')).toHaveAttribute('role', 'treeitem');
    expect(card('p39')).toHaveAttribute('aria-level', '2');
    expect(card('p39')).toHaveAttribute('aria-posinset', '40');

    chart!.setCompact(false);
    chart!.fit(false);
    expect(new Set(cards().map((c) => position(c.dataset.id!)[1])).size).toBe(2);
  });

  it('keeps the selected card where it was on screen when the layout switches', () => {
    make({ width: 1200, height: 800 }).setData(wideTeam(30)).render();
    chart!.select('p20');
    chart!.centerOn('p20', false);
    const before = chart!.getTransform();
    const screen = () => {
      const [x, y] = position('p20');
      const { x: tx, y: ty, k } = chart!.getTransform();
      return [x * k + tx, y * k + ty];
    };
    const at = screen();
    chart!.setCompact(true);
    expect(chart!.getTransform()).not.toEqual(before);
    expect(screen()[0]).toBeCloseTo(at[0]);
    expect(screen()[1]).toBeCloseTo(at[1]);
  });

  it('keyboard navigation, search and lazy expansion work in the compact layout', async () => {
    const team = wideTeam(12).map((node) => (node.id === 'p3' ? { ...node, directReports: 2 } : node));
    const loadChildren = jest.fn(async () => [
      person('q1', 'p3', 'Quinn One', 'Analyst', 'IC'),
      person('q2', 'p3', 'Quinn Two', 'Analyst', 'IC'),
    ]);
    make({ compact: true, loadChildren }).setData(team).render();
    card('p0')!.focus();
    fireEvent.keyDown(card('p0')!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(card('p1'));
    fireEvent.keyDown(card('p1')!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(card('boss'));

    expect(chart!.search('person 11').map((n) => n.id)).toEqual(['p11']);
    expect(card('p11')!.querySelector('.rm-ring')).toHaveAttribute('stroke', HIGHLIGHT_COLOR);

    await chart!.expandAsync('p3');
    expect(loadChildren).toHaveBeenCalledWith('p3');
    // p3's team is open now: it leaves the grid and its team hangs below it.
    const [, p3y] = position('p3');
    expect(position('q1')[1]).toBeGreaterThan(p3y);
    const [, bossY] = position('boss');
    expect(p3y).toBe(bossY + 96 + 48);
  });
});

describe('OrgChart card drags (onCardDrop)', () => {
  it('still selects a card on a plain click: pressing the button leaves the card where it is in the DOM', () => {
    const onSelect = jest.fn();
    make({ onCardDrop: jest.fn(), onSelect }).setData(smallOrg()).render();
    const before = cards().map((node) => node.dataset.id);
    fireEvent.mouseDown(card('d1')!.querySelector('text')!, { button: 0, clientX: 10, clientY: 10, view: window });
    // Moved in the DOM between mousedown and mouseup, a card gets no click from the browser.
    expect(cards().map((node) => node.dataset.id)).toEqual(before);
    fireEvent.mouseUp(window, { button: 0, clientX: 10, clientY: 10, view: window });
    fireEvent.click(card('d1')!.querySelector('text')!);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'd1' }));
  });
});
