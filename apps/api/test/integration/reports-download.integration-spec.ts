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

  const download = (path: string) => fetch(`${api.url}/api/organizations/${organizationId}/reports/${path}`);

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
