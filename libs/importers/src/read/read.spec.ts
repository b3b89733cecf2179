import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parsePeopleFile } from '../people/parse-people-file';
import { codes, issueWith, upload } from '../testing/upload';
import type { ImportProgress } from '../types';

const HEADER = 'Employee ID,Name,Title,Manager ID';
const ROWS = ['1,Ann Boss,CEO,', '2,Müller Jürgen,CTO,1', '3,Chloé Dupont,Engineer,2'];

describe('reading delimited text', () => {
  it('reads plain UTF-8 CSV with LF', async () => {
    const result = await parsePeopleFile(upload('org.csv', [HEADER, ...ROWS].join('\n')));
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', hasHeader: true, rowCount: 3 });
    expect(result.records.map((record) => record.name)).toEqual(['Ann Boss', 'Müller Jürgen', 'Chloé Dupont']);
    expect(result.records.map((record) => record.rowNumber)).toEqual([2, 3, 4]);
  });

  it('strips a UTF-8 BOM and reads CRLF line endings', async () => {
    const result = await parsePeopleFile(upload('org.csv', `\uFEFF${[HEADER, ...ROWS].join('\r\n')}\r\n`));
    expect(result.encoding).toBe('utf-8-bom');
    expect(result.mapping.fields.employee_id?.header).toBe('Employee ID');
    expect(result.records.map((record) => record.managerId)).toEqual([null, '1', '2']);
    expect(result.records[2].title).toBe('Engineer');
  });

  it('reads UTF-16 LE and BE with a BOM', async () => {
    const text = [HEADER, ...ROWS].join('\r\n');
    const little = await parsePeopleFile(
      upload('org.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])),
    );
    const big = await parsePeopleFile(
      upload('org.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')])),
    );
    for (const result of [little, big]) {
      expect(result.errors).toEqual([]);
      expect(result.records[1].name).toBe('Müller Jürgen');
    }
    expect(little.encoding).toBe('utf-16le');
    expect(big.encoding).toBe('utf-16be');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (Müller as 0xFC)', async () => {
    const bytes = iconv.encode([HEADER, ...ROWS].join('\r\n'), 'win1252');
    expect(bytes.includes(0xfc)).toBe(true);
    const result = await parsePeopleFile(upload('org.csv', bytes));
    expect(result.encoding).toBe('windows-1252');
    expect(result.records.map((record) => record.name)).toEqual(['Ann Boss', 'Müller Jürgen', 'Chloé Dupont']);
  });

  it('detects Windows-1252 even when the first non-UTF-8 byte is far past the sniffing window', async () => {
    const filler = Array.from({ length: 3000 }, (_, index) => `${index + 10},Person ${index},Engineer,1`);
    const text = [HEADER, '1,Ann Boss,CEO,', ...filler, '9999,Müller,Engineer,1'].join('\n');
    const directory = mkdtempSync(path.join(tmpdir(), 'rolemap-'));
    try {
      const file = path.join(directory, 'big.csv');
      writeFileSync(file, iconv.encode(text, 'win1252'));
      const result = await parsePeopleFile({ fileName: 'big.csv', path: file });
      expect(result.encoding).toBe('windows-1252');
      expect(result.records[result.records.length - 1].name).toBe('Müller');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it.each([
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])('detects the %s (%s) delimiter', async (delimiter) => {
    const text = ['Employee ID;Name;Title;Manager ID', '1;Ann, the boss;CEO;', '2;Bob;CTO;1']
      .map((line) => line.replace(/;/g, delimiter))
      .join('\n');
    const result = await parsePeopleFile(upload('org.txt', text));
    expect(result.delimiter).toBe(delimiter);
    expect(result.records.map((record) => record.name)).toEqual(['Ann, the boss', 'Bob']);
  });

  it('keeps quoted commas, doubled quotes and newlines inside a field, and counts rows as records', async () => {
    const text = [
      'Employee ID,Name,Title,Manager ID',
      '1,"Fuller, Andrew","Vice President, Sales",',
      '2,"Nancy ""Nan"" Davolio","Sales\nRepresentative",1',
      '3,Janet,Rep,1',
    ].join('\r\n');
    const result = await parsePeopleFile(upload('org.csv', text));
    expect(result.errors).toEqual([]);
    expect(result.records.map((record) => [record.rowNumber, record.name, record.title])).toEqual([
      [2, 'Fuller, Andrew', 'Vice President, Sales'],
      [3, 'Nancy "Nan" Davolio', 'Sales\nRepresentative'],
      [4, 'Janet', 'Rep'],
    ]);
  });

  it('keeps spreadsheet row numbers across blank lines', async () => {
    const result = await parsePeopleFile(upload('org.csv', `${HEADER}\n1,Ann,CEO,\n\n,Bob,CTO,1\n`));
    expect(result.rowCount).toBe(2);
    expect(issueWith(result.errors, 'REQUIRED').row).toBe(4);
  });

  it('reports an unterminated quote with its row', async () => {
    const result = await parsePeopleFile(upload('org.csv', `${HEADER}\n1,Ann,CEO,\n2,"Bob,CTO,1\n`));
    expect(issueWith(result.errors, 'MALFORMED_ROW').row).toBe(3);
  });

  it('skips a title line above the header', async () => {
    const result = await parsePeopleFile(upload('org.csv', `Worker report 2024\n${HEADER}\n1,Ann,CEO,\n2,Bob,CTO,1\n`));
    expect(result.errors).toEqual([]);
    expect(issueWith(result.warnings, 'ROWS_ABOVE_HEADER').row).toBe(1);
    expect(result.records.map((record) => record.rowNumber)).toEqual([3, 4]);
  });

  it('reports progress with rows and bytes', async () => {
    const progress: ImportProgress[] = [];
    const rows = Array.from({ length: 2500 }, (_, index) => `${index + 2},P${index},Dev,1`);
    const text = [HEADER, '1,Ann,CEO,', ...rows].join('\n');
    const result = await parsePeopleFile(upload('org.csv', text), { onProgress: (step) => progress.push(step) });
    expect(result.errors).toEqual([]);
    const last = progress[progress.length - 1];
    expect(last).toEqual({ rowsRead: 2502, bytesRead: Buffer.byteLength(text), totalBytes: Buffer.byteLength(text) });
    expect(progress.length).toBeGreaterThan(2);
    for (let index = 1; index < progress.length; index++)
      expect(progress[index].rowsRead).toBeGreaterThanOrEqual(progress[index - 1].rowsRead);
  });
});

describe('headerless files', () => {
  it('detects a pipe-delimited dump without header and maps columns by number', async () => {
    const text = [
      '1|18|Guy|Gilbert|Production Technician|2006-01-28',
      '18||Jo|Brown|Production Manager|2005-03-01',
      '7|18|Kevin|Brown|Marketing Assistant|2006-08-26',
    ].join('\n');
    const unmapped = await parsePeopleFile(upload('DimEmployee.csv', text));
    expect(unmapped.hasHeader).toBe(false);
    expect(unmapped.delimiter).toBe('|');
    expect(codes(unmapped.warnings)).toContain('NO_HEADER');
    const missing = issueWith(unmapped.errors, 'MISSING_COLUMN');
    expect(missing.message).toContain('Column 1');
    expect(missing.message).toContain('1="1", 2="18", 3="Guy"');

    const mapped = await parsePeopleFile(upload('DimEmployee.csv', text), {
      map: { '1': 'employee_id', 'Column 2': 'manager_id', '3': 'first_name', '4': 'last_name', '5': 'title', '6': 'hire_date' },
    });
    expect(mapped.errors).toEqual([]);
    expect(
      mapped.records.map((record) => [record.rowNumber, record.employeeId, record.name, record.managerId, record.hireDate]),
    ).toEqual([
      [1, '1', 'Guy Gilbert', '18', '2006-01-28'],
      [2, '18', 'Jo Brown', null, '2005-03-01'],
      [3, '7', 'Kevin Brown', '18', '2006-08-26'],
    ]);
    expect(mapped.mapping.fields.name).toMatchObject({ header: 'Column 3 + Column 4', method: 'explicit' });
  });

  it('detects a tab-delimited dump whose first row is data', async () => {
    const text = [
      '1\t295847284\tChief Executive Officer\t2009-01-14\t99',
      '2\t245797967\tVice President of Engineering\t2008-01-31\t1',
      '3\t509647174\tEngineering Manager\t2007-11-11\t2',
    ].join('\n');
    const result = await parsePeopleFile(upload('Employee.csv', text), {
      map: { '1': 'employee_id', '3': 'title', '5': 'ignore' },
    });
    expect(result.hasHeader).toBe(false);
    expect(result.delimiter).toBe('\t');
    expect(result.rowCount).toBe(3);
    expect(result.records[0]).toMatchObject({ rowNumber: 1, employeeId: '1', title: 'Chief Executive Officer', name: '1' });
    expect(codes(result.errors)).toEqual(['MULTIPLE_ROOTS']);
  });

  it('still finds a header when the first row names known columns', async () => {
    const result = await parsePeopleFile(upload('org.tsv', 'id\tparentId\tname\tpositionName\n1\t\tAnn\tCEO\n2\t1\tBob\tCTO\n'));
    expect(result.hasHeader).toBe(true);
    expect(result.records).toHaveLength(2);
  });
});

describe('reading XLSX', () => {
  async function workbookWithMergedHeader(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['not this one']);
    const sheet = workbook.addWorksheet('People');
    sheet.getCell('A1').value = 'Title';
    sheet.mergeCells('A1:A2');
    sheet.getCell('B1').value = 'Employee';
    sheet.mergeCells('B1:C1');
    sheet.getCell('B2').value = 'ID';
    sheet.getCell('C2').value = 'Name';
    sheet.getCell('D1').value = 'Manager';
    sheet.mergeCells('D1:E1');
    sheet.getCell('D2').value = 'ID';
    sheet.getCell('E2').value = 'Email';
    sheet.getCell('F1').value = 'Hire Date';
    sheet.getCell('G1').value = 'FTE';
    sheet.addRow(['CEO', 'E1', 'Ann Boss', null, 'board@example.com', new Date(Date.UTC(2015, 2, 31)), 1]);
    sheet.addRow(['CTO', 'E2', 'Bob Tech', 'E1', 'ann@example.com', new Date(Date.UTC(2018, 10, 5)), 0.5]);
    sheet.getCell('G4').numFmt = '0%';
    sheet.addRow(['Engineer', 'E3', 'Cy Dev', 'E9', 'bob@example.com', 'not a date', 0.8]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('combines a two-row merged header, converts dates and keeps Excel row numbers', async () => {
    const data = await workbookWithMergedHeader();
    const result = await parsePeopleFile(upload('org.xlsx', data), { sheet: 'People' });
    expect(result.format).toBe('xlsx');
    expect(result.mapping.fields.employee_id?.header).toBe('Employee ID');
    expect(result.mapping.fields.name?.header).toBe('Employee Name');
    expect(result.mapping.fields.manager_id?.header).toBe('Manager ID');
    expect(result.mapping.fields.title?.header).toBe('Title');
    expect(result.mapping.columns.find((column) => column.header === 'Manager Email')).toMatchObject({
      target: 'manager_email',
      note: expect.stringContaining('not used: "Manager ID" is used instead'),
    });
    expect(
      result.records.map((record) => [record.rowNumber, record.employeeId, record.name, record.hireDate, record.fte]),
    ).toEqual([
      [3, 'E1', 'Ann Boss', '2015-03-31', 1],
      [4, 'E2', 'Bob Tech', '2018-11-05', 0.5],
      [5, 'E3', 'Cy Dev', null, 0.8],
    ]);
    expect(result.errors.map((issue) => [issue.code, issue.row, issue.column, issue.value])).toEqual([
      ['BAD_DATE', 5, 'Hire Date', 'not a date'],
      ['UNKNOWN_MANAGER', 5, 'Manager ID', 'E9'],
    ]);
  });

  it('reads the first sheet by default and names a missing sheet', async () => {
    const data = await workbookWithMergedHeader();
    const first = await parsePeopleFile(upload('org.xlsx', data));
    expect(codes(first.errors)).toEqual(['EMPTY_FILE']);
    const missing = await parsePeopleFile(upload('org.xlsx', data), { sheet: 'Staff' });
    expect(issueWith(missing.errors, 'SHEET_NOT_FOUND').message).toBe(
      'org.xlsx has no sheet "Staff"; its sheets are "Notes", "People".',
    );
  });
});

describe('reading large XLSX workbooks as a stream', () => {
  async function flatWorkbook(rows: number): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Cover').addRow(['Exported from the HRIS']);
    const sheet = workbook.addWorksheet('Staff');
    sheet.addRow(['Employee ID', 'Name', 'Job Title', 'Manager ID', 'Hire Date', 'FTE']);
    sheet.addRow(['E1', 'Ann Boss', 'Chief Executive Officer', null, new Date(Date.UTC(2015, 2, 31)), 1]);
    for (let i = 2; i <= rows; i++) {
      sheet.addRow([
        `E${i}`,
        `Person ${i}`,
        'Engineer',
        `E${Math.floor(i / 2)}`,
        new Date(Date.UTC(2020, i % 12, 1 + (i % 28))),
        i % 5 === 0 ? 0.5 : 1,
      ]);
    }
    sheet.getCell('F3').numFmt = '0%';
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('gives the same records, row numbers and dates streamed as loaded whole', async () => {
    const data = await flatWorkbook(2_000);
    const loaded = await parsePeopleFile(upload('staff.xlsx', data), { sheet: 'Staff', streamXlsx: false });
    const streamed = await parsePeopleFile(upload('staff.xlsx', data), { sheet: 'staff', streamXlsx: true });
    expect(loaded.errors).toEqual([]);
    expect(streamed.errors).toEqual([]);
    expect(streamed.records).toHaveLength(2_000);
    expect(streamed.records).toEqual(loaded.records);
    expect(streamed.records[0]).toMatchObject({ rowNumber: 2, employeeId: 'E1', hireDate: '2015-03-31', managerId: null });
  });

  it('refuses a workbook with more rows than the limit instead of reading on', async () => {
    const data = await flatWorkbook(50);
    const result = await parsePeopleFile(upload('huge.xlsx', data), {
      sheet: 'Staff',
      streamXlsx: true,
      limits: { maxRows: 20 },
    });
    expect(issueWith(result.errors, 'TOO_MANY_ROWS').message).toBe(
      'huge.xlsx: sheet "Staff" has more than 20 rows; split it into smaller files.',
    );
    expect(result.records).toEqual([]);
  });

  it('names a missing sheet when streaming too', async () => {
    const data = await flatWorkbook(5);
    const missing = await parsePeopleFile(upload('staff.xlsx', data), { sheet: 'People', streamXlsx: true });
    expect(issueWith(missing.errors, 'SHEET_NOT_FOUND').message).toBe(
      'staff.xlsx has no sheet "People"; its sheets are "Cover", "Staff".',
    );
  });
});

describe('reading JSON', () => {
  it('flattens a nested children tree, using the parent as manager and items in document order', async () => {
    const tree = {
      id: 'A',
      name: 'Ann',
      title: 'CEO',
      children: [
        { id: 'B', name: 'Bob', title: 'CTO', children: [{ id: 'D', name: 'Dee', title: 'Dev' }] },
        { id: 'C', name: 'Cy', title: 'CFO', children: [{ id: 'E', name: '', title: '' }] },
      ],
    };
    const result = await parsePeopleFile(upload('org.json', JSON.stringify(tree)));
    expect(result.records.map((record) => [record.rowNumber, record.employeeId, record.managerId])).toEqual([
      [1, 'A', null],
      [2, 'B', 'A'],
      [3, 'D', 'B'],
      [4, 'C', 'A'],
      [5, 'E', 'C'],
    ]);
    expect(result.mapping.fields.manager_id?.method).toBe('derived');
    const required = issueWith(result.errors, 'REQUIRED');
    expect(required.row).toBe(5);
    expect(required.message).toMatch(/^Item 5 /);
  });

  it('reads an object holding one array, with nested objects as dotted columns', async () => {
    const document = {
      employees: [
        { employeeId: 1, fullName: 'Ann', jobTitle: 'CEO', manager: { id: null } },
        { employeeId: 2, fullName: 'Bob', jobTitle: 'CTO', manager: { id: 1 } },
      ],
    };
    const result = await parsePeopleFile(upload('org.json', JSON.stringify(document)), { map: { 'manager.id': 'manager_id' } });
    expect(result.errors).toEqual([]);
    expect(result.records.map((record) => [record.employeeId, record.name, record.managerId])).toEqual([
      ['1', 'Ann', null],
      ['2', 'Bob', '1'],
    ]);
  });

  it('reports broken JSON with line and column', async () => {
    const result = await parsePeopleFile(upload('org.json', '[\n  {"id": 1,}\n]'));
    const issue = issueWith(result.errors, 'BAD_JSON');
    expect(issue.row).toBeNull();
    expect(issue.message).toMatch(/line 2, column \d+/);
  });
});

describe('file-level problems', () => {
  it('reports a missing file', async () => {
    const result = await parsePeopleFile({ fileName: 'nope.csv', path: path.join(tmpdir(), 'rolemap-does-not-exist.csv') });
    expect(result.errors).toEqual([expect.objectContaining({ code: 'FILE_NOT_FOUND', row: null, file: 'nope.csv' })]);
  });

  it('rejects old .xls workbooks and binary files', async () => {
    const xls = await parsePeopleFile(upload('org.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])));
    expect(issueWith(xls.errors, 'UNSUPPORTED_FORMAT').message).toContain('save it as .xlsx or CSV');
    const binary = await parsePeopleFile(
      upload('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00])),
    );
    expect(codes(binary.errors)).toEqual(['UNSUPPORTED_FORMAT']);
  });

  it('reports an empty file and a header without rows', async () => {
    expect(codes((await parsePeopleFile(upload('org.csv', ''))).errors)).toEqual(['EMPTY_FILE']);
    expect(codes((await parsePeopleFile(upload('org.csv', `${HEADER}\n`))).errors)).toEqual(['EMPTY_FILE']);
  });
});
