import { createHash } from 'node:crypto';
import { readPdf } from '@rolemap/reports/testing';
import { LOCAL_OPERATOR } from '@rolemap/server-core';
import { DemoSeedService } from '@rolemap/server-imports';
import { resetDatabase, startTestApp, type TestApp } from '../support/test-app';

describe('org chart PDF download (PostgreSQL)', () => {
  let api: TestApp;
  let organizationId: string;
  let snapshotId: string;
  let positions: { id: string; parentId: string | null; name: string; directReports: number }[];

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    await api.app.get(DemoSeedService).seed(LOCAL_OPERATOR);
    const orgs = await api.graphql<{ organizations: { id: string; snapshots: { id: string }[] }[] }>(
      '{ organizations { id snapshots { id } } }',
    );
    organizationId = orgs.data!.organizations[0].id;
    snapshotId = orgs.data!.organizations[0].snapshots[0].id;
    const chart = await api.graphql<{ orgChart: typeof positions }>(
      'query($s: ID!) { orgChart(snapshotId: $s) { id parentId name directReports } }',
      { s: snapshotId },
    );
    positions = chart.data!.orgChart;
  });
  afterAll(() => api?.close());

  const download = (query: string, headers = api.authorized()) =>
    fetch(`${api.url}/api/organizations/${organizationId}/reports/chart?snapshotId=${snapshotId}&${query}`, { headers });

  it('sends a vector PDF of every position, whole (length and digest), on Letter in the compact layout', async () => {
    const response = await download('format=pdf&layout=compact&paper=letter&depth=all');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/filename="northwind-robotics-v1-org-chart\.pdf"/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
    expect(response.headers.get('content-digest')).toBe(`sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`);
    expect(bytes.toString('latin1')).not.toContain('/Subtype /Image');
    for (const box of bytes.toString('latin1').matchAll(/\/MediaBox \[([^\]]+)\]/g)) {
      expect(['0 0 612 792', '0 0 792 612']).toContain(box[1].trim());
    }
    const pdf = await readPdf(bytes);
    expect(pdf.title).toBe('Org chart: Northwind Robotics');
    const text = pdf.text.replace(/\s+/g, ' ');
    for (const position of positions.filter((p) => p.name !== 'Vacant')) expect(text).toContain(position.name);
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('prints only what the web shows: the top levels, one team opened beyond them', async () => {
    const top = positions.find((p) => p.parentId === null)!;
    const below = positions.filter((p) => p.parentId === top.id);
    const opened = below.find((p) => p.directReports > 0)!;
    const closedTeam = below.find((p) => p !== opened && p.directReports > 0)!;
    const response = await download(`depth=1&open=${opened.id}`);
    expect(response.status).toBe(200);
    const text = (await readPdf(Buffer.from(await response.arrayBuffer()))).text.replace(/\s+/g, ' ');
    for (const p of positions.filter((p) => p.parentId === opened.id && p.name !== 'Vacant')) expect(text).toContain(p.name);
    for (const p of positions.filter((p) => p.parentId === closedTeam.id && p.name !== 'Vacant'))
      expect(text).not.toContain(p.name);
  });

  it('refuses bad parameters with a message naming them, and unknown ids with 404', async () => {
    const bad = async (query: string, status: number, message: RegExp) => {
      const response = await download(query);
      expect(response.status).toBe(status);
      expect((await response.json()).message).toMatch(message);
    };
    await bad('format=png', 400, /Export PNG/);
    await bad('layout=tall', 400, /layout must be normal or compact/);
    await bad('paper=a3', 400, /paper must be a4 or letter/);
    await bad('depth=two', 400, /depth must be a whole number/);
    await bad('open=not-a-position', 404, /open: no position not-a-position/);
  });

  it('needs a signed-in HR admin or leader, and leaves the other reports where they were', async () => {
    expect((await download('format=pdf', {})).status).toBe(401);
    const summary = await fetch(`${api.url}/api/organizations/${organizationId}/reports/summary?format=md`, {
      headers: api.authorized(),
    });
    expect(summary.status).toBe(200);
  });
});
