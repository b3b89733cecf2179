// Bench page: drives our OrgChart and d3-org-chart on the same generated org, timing in-page.
import { OrgChart as D3OrgChart } from 'd3-org-chart';
import { OrgChart } from '../../libs/web/org-chart/src/org-chart';
import { generateOrg } from '../../libs/web/org-chart/src/testing/generate-org';
import type { OrgChartNode } from '../../libs/web/org-chart/src/types';

const WIDTH = 1280;
const HEIGHT = 800;
const CARD_W = 220;
const CARD_H = 96;
const DEPTH = 2;

interface Sample {
  /** Call → after the double rAF (script, style, layout, paint). */
  ms: number;
  /** Call → the call returned (synchronous script only). */
  scriptMs: number;
  /** Cards in the DOM after the step. */
  domCards: number;
  /** Nodes in the expanded part of the tree (ours only; d3-org-chart renders all of them). */
  laidOut?: number;
}

const stage = document.getElementById('stage')!;
let data: OrgChartNode[] = [];
let ours: OrgChart | null = null;
let theirs: InstanceType<typeof D3OrgChart> | null = null;

/** Resolves after the frame that paints the work done before the call (style, layout and paint included). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

function freshContainer(): HTMLDivElement {
  ours?.destroy();
  ours = null;
  theirs = null;
  stage.textContent = '';
  const div = document.createElement('div');
  div.style.width = `${WIDTH}px`;
  div.style.height = `${HEIGHT}px`;
  stage.appendChild(div);
  return div;
}

// d3-org-chart writes _expanded and friends into the rows, so every run gets its own copies.
const copyData = () => data.map((row) => ({ ...row }));

function theirCard(d: { data: OrgChartNode }): string {
  const node = d.data;
  const colours = ['#D55E00', '#E69F00', '#56B4E9', '#0072B2'];
  const levels = ['IMPLEMENTATION', 'UNIFICATION', 'COMMUNICATION', 'LEADERSHIP'] as const;
  const bar = (mix: OrgChartNode['actualMix'], h: number) =>
    `<div style="display:flex;height:${h}px;margin-top:2px">${levels
      .map((level, i) => `<div style="width:${mix[level]}%;background:${colours[i]}"></div>`)
      .join('')}</div>`;
  const badges = node.badges
    .map((b) => `<span style="font-size:9px;background:#444;color:#fff;border-radius:7px;padding:0 4px">${b.slice(0, 2)}</span>`)
    .join(' ');
  return `<div style="width:${CARD_W}px;height:${CARD_H}px;box-sizing:border-box;padding:8px 12px;border:2px solid #d73027;border-radius:8px;background:#fdeee6;font-size:11px">
    <div style="font-weight:600;font-size:13px">${node.name}</div><div>${node.title}</div><div>${node.tier}</div>
    ${bar(node.actualMix, 8)}${bar(node.expectedMix, 3)}<div style="margin-top:4px">${badges}</div></div>`;
}

function countTheirCards(): number {
  return stage.querySelectorAll('g.node').length;
}

const api = {
  /** Median interval between animation frames: the floor under any double-rAF timing. */
  async frameMs(): Promise<number> {
    const stamps: number[] = [];
    for (let i = 0; i < 31; i++) stamps.push(await new Promise<number>((resolve) => requestAnimationFrame(resolve)));
    const deltas = stamps
      .slice(1)
      .map((t, i) => t - stamps[i])
      .sort((a, b) => a - b);
    return deltas[deltas.length >> 1];
  },

  setup(size: number, seed: number) {
    data = generateOrg(size, seed);
    return { size: data.length };
  },

  /** The level-DEPTH node (collapsed at start) with the most people below it. */
  expandTarget(): { id: string; descendants: number; directReports: number } {
    const children = new Map<string, string[]>();
    for (const row of data) if (row.parentId) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row.id]);
    const size = (id: string): number => 1 + (children.get(id) ?? []).reduce((sum, child) => sum + size(child), 0);
    let level = [data.find((row) => row.parentId === null)!.id];
    for (let i = 0; i < DEPTH; i++) level = level.flatMap((id) => children.get(id) ?? []);
    const best = level
      .map((id) => ({ id, descendants: size(id) - 1, directReports: children.get(id)?.length ?? 0 }))
      .sort((a, b) => b.descendants - a.descendants)[0];
    return best;
  },

  async oursFirstRender(depth = DEPTH): Promise<Sample> {
    const container = freshContainer();
    const rows = copyData();
    await afterPaint();
    const t0 = performance.now();
    ours = new OrgChart(container, { initialDepth: depth, cardWidth: CARD_W, cardHeight: CARD_H, animationMs: 0 });
    ours.setData(rows).render();
    const scriptMs = performance.now() - t0;
    await afterPaint();
    const ms = performance.now() - t0;
    return { ms, scriptMs, domCards: container.querySelectorAll('g.rm-node').length, laidOut: ours.getStats().laidOut };
  },

  async oursExpand(id: string): Promise<Sample> {
    const chart = ours!;
    const t0 = performance.now();
    chart.expand(id);
    const scriptMs = performance.now() - t0;
    await afterPaint();
    const ms = performance.now() - t0;
    const sample = { ms, scriptMs, domCards: stage.querySelectorAll('g.rm-node').length, laidOut: chart.getStats().laidOut };
    chart.collapse(id);
    await afterPaint();
    return sample;
  },

  async oursExpandAll(): Promise<Sample> {
    await api.oursFirstRender();
    const chart = ours!;
    const t0 = performance.now();
    chart.expandAll();
    const scriptMs = performance.now() - t0;
    await afterPaint();
    const ms = performance.now() - t0;
    return { ms, scriptMs, domCards: stage.querySelectorAll('g.rm-node').length, laidOut: chart.getStats().laidOut };
  },

  async oursExports(): Promise<{ svgChars: number; pngBytes: number; pngType: string }> {
    const chart = ours!;
    const svg = chart.exportSvg();
    const png = await chart.exportPng(1);
    return { svgChars: svg.length, pngBytes: png.size, pngType: png.type };
  },

  async theirsFirstRender(depth = DEPTH): Promise<Sample> {
    const container = freshContainer();
    const rows = copyData();
    await afterPaint();
    const t0 = performance.now();
    theirs = new D3OrgChart()
      .container(container)
      .data(rows)
      .svgWidth(WIDTH)
      .svgHeight(HEIGHT)
      .nodeWidth(() => CARD_W)
      .nodeHeight(() => CARD_H)
      // Same start state as ours: levels 0..2 visible, everything deeper collapsed.
      .initialExpandLevel(depth)
      // Same tidy top-down layout as ours, and no animation to wait for.
      .compact(false)
      .duration(0)
      .setActiveNodeCentered(false)
      .nodeContent(theirCard)
      .render();
    const scriptMs = performance.now() - t0;
    await afterPaint();
    const ms = performance.now() - t0;
    return { ms, scriptMs, domCards: countTheirCards() };
  },

  async theirsExpand(id: string): Promise<Sample> {
    const button = () =>
      [...stage.querySelectorAll<SVGGElement>('g.node')]
        .find((g) => (g as unknown as { __data__: { id: string } }).__data__.id === id)!
        .querySelector('.node-button-g')!;
    // The user path: a click on the node's expand button.
    const t0 = performance.now();
    button().dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const scriptMs = performance.now() - t0;
    await afterPaint();
    const ms = performance.now() - t0;
    const sample = { ms, scriptMs, domCards: countTheirCards() };
    button().dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await afterPaint();
    await afterPaint();
    return sample;
  },

  async theirsExpandAll(): Promise<Sample> {
    await api.theirsFirstRender();
    const t0 = performance.now();
    theirs!.expandAll();
    const scriptMs = performance.now() - t0;
    await afterPaint();
    const ms = performance.now() - t0;
    return { ms, scriptMs, domCards: countTheirCards() };
  },
};

(window as unknown as { bench: typeof api }).bench = api;
document.title = 'ready';
