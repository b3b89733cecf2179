import { inflateSync } from 'node:zlib';
import type { Tier } from '@rolemap/domain';
import { readPdf } from '../testing/read-pdf';
import { collect } from '../testing/report-fixtures';
import { type ChartExportRequest, type PrintedChartNode, buildChartExport } from './chart-export';
import { MIN_READABLE_SCALE } from './chart-pages';
import { writeChartPdf } from './write-chart-pdf';

const MIX = { IMPLEMENTATION: 40, UNIFICATION: 30, COMMUNICATION: 20, LEADERSHIP: 10 };
const HEADER = { organizationName: 'Northwind Robotics', snapshotVersion: 3, asOf: '2026-11-01' };
const ALL: ChartExportRequest = { depth: null, open: [], closed: [], compact: false, paper: 'a4' };

function card(id: string, parentId: string | null, name: string, tier: Tier = 'IC'): PrintedChartNode {
  return {
    id,
    parentId,
    name,
    title: tier === 'IC' ? 'Engineer' : 'Head of Engineering',
    tier,
    department: 'Engineering',
    actualMix: MIX,
    expectedMix: MIX,
    tacticalGap: 0.3,
    badges: tier === 'IC' ? [] : ['DELEGATION_GAP'],
    directReports: 0,
  };
}

/** A top, `managers` managers under it, each with `team` people. */
function org(managers: number, team: number): PrintedChartNode[] {
  const nodes = [card('ceo', null, 'Ada Lovelace', 'EXECUTIVE')];
  for (let m = 0; m < managers; m++) {
    nodes.push(card(`m${m}`, 'ceo', `Manager Number${m}`, 'MANAGER'));
    for (let p = 0; p < team; p++) nodes.push(card(`m${m}p${p}`, `m${m}`, `Person M${m}P${p}`));
  }
  return nodes.map((node) => ({ ...node, directReports: nodes.filter((n) => n.parentId === node.id).length }));
}

async function pdfOf(nodes: PrintedChartNode[], request: ChartExportRequest) {
  const { out, done } = collect();
  const plan = await writeChartPdf(buildChartExport(nodes, request, HEADER), out);
  const bytes = await done;
  return { bytes, plan, pdf: await readPdf(bytes) };
}

/** Every content stream, decompressed: what the pages draw, operator by operator. */
function contentOf(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const streams: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const end = raw.indexOf('endstream', start);
    const chunk = bytes.subarray(start, end);
    try {
      streams.push(inflateSync(chunk).toString('latin1'));
    } catch {
      streams.push(chunk.toString('latin1'));
    }
  }
  return streams.join('\n');
}

const mediaBoxes = (bytes: Buffer) => [...bytes.toString('latin1').matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1].trim());

describe('writeChartPdf', () => {
  it('fits a small chart on one page, in vector: text operators for the names, paths for cards, no image', async () => {
    const { bytes, plan, pdf } = await pdfOf(org(2, 3), ALL);
    expect(plan.mode).toBe('fit');
    expect(plan.scale).toBeGreaterThanOrEqual(MIN_READABLE_SCALE);
    expect(pdf.total).toBe(1);
    expect(pdf.title).toBe('Org chart: Northwind Robotics');
    const text = pdf.pages[0].replace(/\s+/g, ' ');
    for (const name of ['Ada Lovelace', 'Manager Number0', 'Person M1P2']) expect(text).toContain(name);
    expect(text).toContain('Page 1 of 1');
    const content = contentOf(bytes);
    expect(content).toMatch(/\bTJ\b/);
    expect(content).toMatch(/\bBT\b[\s\S]*\bET\b/);
    // Rounded cards are Bézier curves; connectors are lines.
    expect(content).toMatch(/ c\n/);
    expect(bytes.toString('latin1')).not.toContain('/Subtype /Image');
    expect(mediaBoxes(bytes)).toEqual(['0 0 841.89 595.28']);
  }, 30_000);

  it('tiles a large chart over A4 pages at a readable size, labelled by row and column, after an overview', async () => {
    const nodes = org(12, 30);
    const { bytes, plan, pdf } = await pdfOf(nodes, ALL);
    expect(plan.mode).toBe('tiles');
    expect(plan.scale).toBe(MIN_READABLE_SCALE);
    expect(pdf.total).toBeGreaterThan(3);
    expect(pdf.total).toBe(plan.tiles.length + 1);
    expect(pdf.pages[0]).toContain(`Page 1 of ${pdf.total}, overview`);
    const first = plan.tiles[0];
    expect(pdf.pages[1].replace(/\s+/g, ' ')).toContain(`Page 2 of ${pdf.total}, row ${first.row} column ${first.column}`);
    const labels = pdf.pages
      .slice(1)
      .map((page) => /Page (\d+) of (\d+), row (\d+) column (\d+)/.exec(page.replace(/\s+/g, ' ')));
    expect(labels.every(Boolean)).toBe(true);
    // Every person is printed somewhere, as text.
    const all = pdf.text.replace(/\s+/g, ' ');
    for (const node of nodes) expect(all).toContain(node.name);
    for (const box of mediaBoxes(bytes)) expect(['0 0 595.28 841.89', '0 0 841.89 595.28']).toContain(box);
    expect(bytes.toString('latin1')).not.toContain('/Subtype /Image');
  }, 60_000);

  it('prints on Letter when asked', async () => {
    const { bytes } = await pdfOf(org(2, 2), { ...ALL, paper: 'letter' });
    expect(mediaBoxes(bytes)).toEqual(['0 0 792 612']);
  }, 30_000);

  it('needs fewer pages in the compact layout for wide teams', async () => {
    const nodes = org(3, 40);
    const normal = await pdfOf(nodes, ALL);
    const compact = await pdfOf(nodes, { ...ALL, compact: true });
    expect(compact.pdf.total).toBeLessThan(normal.pdf.total);
  }, 60_000);

  it('prints what is drawn: the levels shown, plus cards opened beyond them, minus the ones closed', async () => {
    const nodes = org(3, 2);
    const { pdf } = await pdfOf(nodes, { ...ALL, depth: 1, open: ['m1'], closed: [] });
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('Person M1P0');
    expect(text).not.toContain('Person M0P0');
    // A closed card says how many it hides.
    expect(text).toContain('+2');
  }, 30_000);
});

describe('buildChartExport', () => {
  it('refuses ids the snapshot does not have, naming the field', () => {
    expect(() => buildChartExport(org(1, 1), { ...ALL, open: ['nobody'] }, HEADER)).toThrow(
      'open: no position nobody in snapshot v3',
    );
    expect(() => buildChartExport(org(1, 1), { ...ALL, closed: ['x'] }, HEADER)).toThrow('closed: no position x');
    expect(() => buildChartExport(org(1, 1), { ...ALL, depth: -1 }, HEADER)).toThrow(/depth must be a whole number/);
    const many = Array.from({ length: 501 }, () => 'ceo');
    expect(() => buildChartExport(org(1, 1), { ...ALL, open: many }, HEADER)).toThrow(/at most 500 ids/);
  });
});
