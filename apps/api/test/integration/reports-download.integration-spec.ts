import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import os from 'node:os';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DEMO_CAST } from '@rolemap/demo-data';
import { readPdf } from '@rolemap/reports/testing';
import { LOCAL_OPERATOR } from '@rolemap/server-core';
import { DemoSeedService } from '@rolemap/server-imports';
import { resetDatabase, startTestApp, type TestApp } from '../support/test-app';

describe('report downloads over HTTP (PostgreSQL)', () => {
  let api: TestApp;
  let organizationId: string;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    await api.app.get(DemoSeedService).seed(LOCAL_OPERATOR);
    const result = await api.graphql<{ organizations: { id: string }[] }>('{ organizations { id } }');
    organizationId = result.data!.organizations[0].id;
  });
  afterAll(() => api?.close());

  const download = (path: string) =>
    fetch(`${api.url}/api/organizations/${organizationId}/reports/${path}`, { headers: api.authorized() });

  it('streams a role-definition PDF that an independent reader can open', async () => {
    const response = await download(`role?format=pdf&employeeId=${DEMO_CAST.promotedDirector}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="northwind-robotics-v1-role\.pdf"/);
    const pdf = await readPdf(Buffer.from(await response.arrayBuffer()));
    expect(pdf.text).toMatch(/Director of Engineering, Platform/);
    expect(pdf.text).toMatch(/Maya Lindqvist/);
    expect(pdf.text).toMatch(/Page 1 of \d+/);
  });

  it('streams a delegation review as XLSX with typed cells', async () => {
    const response = await download(`delegation?format=xlsx&employeeId=${DEMO_CAST.vpSales}`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheetNames = workbook.worksheets.map((sheet) => sheet.name);
    expect(sheetNames).toEqual(expect.arrayContaining(['Delegations']));
    const sheet = workbook.getWorksheet('Delegations')!;
    const values = sheet.getSheetValues().flat().map(String).join(' ');
    expect(values).toMatch(/pipeline/i);
  });

  it('streams the organization summary as CSV', async () => {
    const response = await download('summary?format=csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await response.text();
    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    expect(parsed.data.length).toBeGreaterThan(2);
    expect(text).toMatch(/Engineering/);
  });

  it('answers 400 for a bad format and 404 for an unknown employee', async () => {
    expect((await download('summary?format=docx')).status).toBe(400);
    const missing = await download('role?format=md&employeeId=NOBODY');
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toMatch(/NOBODY/);
  });
});

describe('report downloads a client can check for completeness (PostgreSQL)', () => {
  let api: TestApp;
  let organizationId: string;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    api.app.getHttpServer().on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await api.app.get(DemoSeedService).seed(LOCAL_OPERATOR);
    const result = await api.graphql<{ organizations: { id: string }[] }>('{ organizations { id } }');
    organizationId = result.data!.organizations[0].id;
  });
  afterAll(() => api?.close());

  const reportPath = (query: string) => `/api/organizations/${organizationId}/reports/${query}`;

  it.each([
    'role?format=pdf&all=true',
    'summary?format=xlsx',
    'summary?format=csv',
    'delegation?format=md&employeeId=' + DEMO_CAST.vpSales,
  ])('sends %s with its length and SHA-256 (Content-Length, Content-Digest)', async (query) => {
    const response = await fetch(`${api.url}${reportPath(query)}`, { headers: api.authorized() });
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
    expect(response.headers.get('content-digest')).toBe(`sha-256=:${createHash('sha256').update(body).digest('base64')}:`);
    expect(response.headers.get('transfer-encoding')).toBeNull();
  });

  it('a download cut mid-stream (the server socket destroyed, as by a restart) is visibly short, and fetch fails', async () => {
    const url = `${api.url}${reportPath('role?format=pdf&all=true')}`;
    // A raw client: read the first chunk, then the server drops every connection.
    const { expected, received, failed } = await new Promise<{ expected: number; received: number; failed: boolean }>(
      (resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the cut download neither ended nor failed within 10 s')), 10_000);
        http
          .get(url, { headers: api.authorized() }, (res) => {
            const expected = Number(res.headers['content-length']);
            let received = 0;
            let cut = false;
            const finish = (failed: boolean) => {
              clearTimeout(timer);
              resolve({ expected, received, failed });
            };
            res.on('data', (chunk: Buffer) => {
              received += chunk.length;
              if (!cut) {
                cut = true;
                for (const socket of sockets) socket.destroy();
              }
            });
            res.on('error', () => finish(true));
            res.on('aborted', () => finish(true));
            res.on('end', () => finish(!res.complete));
          })
          .on('error', () => resolve({ expected: NaN, received: 0, failed: true }));
      },
    );
    expect(expected).toBeGreaterThan(100_000);
    expect(failed).toBe(true);
    expect(received).toBeLessThan(expected);

    // The same cut through fetch: reading the body rejects instead of resolving with a short file.
    const response = await fetch(url, { headers: api.authorized() });
    const reader = response.body!.getReader();
    await reader.read();
    for (const socket of sockets) socket.destroy();
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return 'complete';
      })(),
    ).rejects.toThrow();
  });

  it('leaves no temporary report files behind', async () => {
    const before = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('rolemap-report-'));
    await (await fetch(`${api.url}${reportPath('summary?format=pdf')}`, { headers: api.authorized() })).arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('rolemap-report-'));
    expect(after.filter((name) => !before.includes(name))).toEqual([]);
  });
});
