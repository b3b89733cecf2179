import ExcelJS from 'exceljs';
import { parsePeopleFile } from '../people/parse-people-file';
import { csvWithNul, csvWithOneWideRow, xlsxRepeatingSheet, xlsxWithValueInColumnXfd } from '../testing/hostile-files';
import { codes, issueWith, upload } from '../testing/upload';
import { DelimitedRowGuard } from './delimited-row-guard';

// Each of these once froze a reader for a minute, took gigabytes or failed with a raw TypeError.
// Every one must now end in one clear error, quickly (the timeouts are the bound).
const QUICKLY = 10_000;

describe('hostile CSV files', () => {
  it(
    'refuses a 2 MB row of a million columns at the column limit',
    async () => {
      const data = csvWithOneWideRow(1_000_000);
      expect(data.length).toBeGreaterThan(1_900_000);
      const result = await parsePeopleFile(upload('wide.csv', data));
      expect(result.errors).toEqual([
        expect.objectContaining({ file: 'wide.csv', row: 1, column: 'Column 1001', code: 'TOO_MANY_COLUMNS' }),
      ]);
      expect(result.errors[0].message).toContain('has more than 1,000 columns');
      expect(result.records).toEqual([]);
    },
    QUICKLY,
  );

  it('reads 1,000 columns and refuses 1,001, with quoted delimiters and line breaks counted as the parser does', async () => {
    const row = (columns: number) => Array.from({ length: columns }, (_, index) => `"c${index},\n"`).join(',');
    const header = 'employee_id,name,title,manager_id';
    const fits = await parsePeopleFile(upload('fits.csv', `${header}\n${row(1_000)}\n`));
    expect(codes(fits.errors)).not.toContain('TOO_MANY_COLUMNS');
    const over = await parsePeopleFile(upload('over.csv', `${header}\nE1,Ada,CEO,\n${row(1_001)}\n`));
    expect(issueWith(over.errors, 'TOO_MANY_COLUMNS')).toMatchObject({ row: 3 });
  });

  it(
    'refuses megabytes without a line break as one overlong row',
    async () => {
      const result = await parsePeopleFile(upload('long.csv', `employee_id,name\nE1,${'x'.repeat(3_000_000)}`));
      expect(result.errors).toEqual([expect.objectContaining({ code: 'ROW_TOO_LONG', row: 2 })]);
    },
    QUICKLY,
  );

  it('refuses a NUL character with its row and column, counting the others', async () => {
    const result = await parsePeopleFile(upload('nul.csv', csvWithNul()));
    const nul = issueWith(result.errors, 'NUL_CHARACTER');
    expect(nul).toMatchObject({ file: 'nul.csv', row: 3, column: 'name', value: 'Grace␀Hopper' });
    expect(nul.message).toContain('1 more cell have one too');
  });

  it('applies the row and cell limits', async () => {
    const rows = ['employee_id,name,title,manager_id', 'E1,Ada,CEO,'];
    for (let index = 2; index <= 100; index++) rows.push(`E${index},P${index},Engineer,E1`);
    const text = rows.join('\n');
    expect((await parsePeopleFile(upload('org.csv', text), { limits: { maxRows: 101 } })).errors).toEqual([]);
    expect(
      issueWith((await parsePeopleFile(upload('org.csv', text), { limits: { maxRows: 100 } })).errors, 'TOO_MANY_ROWS'),
    ).toMatchObject({ row: 101 });
    expect(codes((await parsePeopleFile(upload('org.csv', text), { limits: { maxCells: 399 } })).errors)).toEqual([
      'TOO_MANY_CELLS',
    ]);
  });

  it('keeps row numbers across chunks, CRLF split between them and quoted line breaks', () => {
    const guard = new DelimitedRowGuard('f.csv', ',', { maxColumns: 3, maxRowCharacters: 1_000 });
    const scan = (text: string) => (guard as unknown as { scan(text: string): Error | null }).scan(text);
    expect(scan('a,b,c\r')).toBeNull();
    expect(scan('\n"x\n,y",b,c\r\na,b')).toBeNull();
    const problem = scan(',c,d\n') as Error & { location: { row: number } };
    expect(problem?.message).toContain('f.csv, row 3, has more than 3 columns');
  });
});

describe('hostile XLSX files', () => {
  it(
    'refuses a value in column XFD by its row and column instead of reading 16,384 columns',
    async () => {
      const result = await parsePeopleFile(upload('far.xlsx', await xlsxWithValueInColumnXfd()));
      expect(result.errors).toEqual([expect.objectContaining({ code: 'TOO_MANY_COLUMNS', row: 3, column: 'Column XFD' })]);
      expect(result.errors[0].message).toContain('has 16,384 columns (a value in Column XFD)');
    },
    QUICKLY,
  );

  it('takes the width from the cells holding values, not from formatting out to XFD', async () => {
    const result = await parsePeopleFile(upload('styled.xlsx', await xlsxWithValueInColumnXfd({ valueInXfd: false })));
    expect(result.errors).toEqual([]);
    expect(result.records.map((record) => record.employeeId)).toEqual(['E1', 'E2']);
    expect(result.mapping.unmappedHeaders).toEqual([]);
  });

  it(
    'refuses a 1 MB zip bomb that unpacks to a gigabyte, from its zip directory',
    async () => {
      const unit = '<row/>'.repeat(200_000);
      const bomb = xlsxRepeatingSheet(unit, Math.ceil(2 ** 30 / unit.length));
      expect(bomb.length).toBeLessThan(2_000_000);
      const result = await parsePeopleFile(upload('bomb.xlsx', bomb));
      expect(result.errors).toEqual([expect.objectContaining({ file: 'bomb.xlsx', code: 'WORKBOOK_TOO_LARGE', row: null })]);
      expect(result.errors[0].message).toMatch(/unpacks to more than 256 MB in a worksheet \(1,024(\.\d)? MB\)/);
    },
    QUICKLY,
  );

  it(
    'refuses a bomb whose zip directory claims a small size, as soon as it unpacks past it',
    async () => {
      const unit = '<row><c><v>1</v></c></row>'.repeat(40_000);
      const lying = xlsxRepeatingSheet(unit, 1_000, { declaredBytes: 5_000_000 });
      const result = await parsePeopleFile(upload('lying.xlsx', lying));
      expect(result.errors).toEqual([expect.objectContaining({ code: 'UNREADABLE_FILE' })]);
      expect(result.errors[0].message).toContain('unpacks to a different size than its zip directory says');
    },
    QUICKLY,
  );

  it(
    'refuses a small workbook of 5 million rows: by its packing ratio, and by counting its rows',
    async () => {
      const rows = xlsxRepeatingSheet('<row><c><v>1</v></c></row>'.repeat(10_000), 500);
      expect(rows.length).toBeLessThan(1024 * 1024);
      const packed = await parsePeopleFile(upload('rows.xlsx', rows));
      expect(packed.errors).toEqual([expect.objectContaining({ code: 'WORKBOOK_TOO_LARGE' })]);
      expect(packed.errors[0].message).toContain('as zip bombs do');
      const counted = await parsePeopleFile(upload('rows.xlsx', rows), { limits: { maxCompressionRatio: Infinity } });
      expect(counted.errors).toEqual([expect.objectContaining({ code: 'TOO_MANY_ROWS' })]);
      expect(counted.errors[0].message).toBe(
        'rows.xlsx: sheet "Staff" has more than 2,000,000 rows; split it into smaller files.',
      );
    },
    QUICKLY,
  );

  it('applies the row limit to small workbooks read whole too', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Staff');
    sheet.addRow(['employee_id', 'name', 'title', 'manager_id']);
    for (let index = 1; index <= 30; index++) sheet.addRow([`E${index}`, `P${index}`, 'Engineer', index > 1 ? 'E1' : null]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await parsePeopleFile(upload('small.xlsx', data), { streamXlsx: false, limits: { maxRows: 20 } });
    expect(codes(result.errors)).toEqual(['TOO_MANY_ROWS']);
    expect((await parsePeopleFile(upload('small.xlsx', data), { streamXlsx: false })).errors).toEqual([]);
  });
});

describe('hostile JSON files', () => {
  it('refuses items with more different keys than the column limit', async () => {
    const items = Array.from({ length: 2_000 }, (_, index) => ({ id: `E${index}`, [`key${index}`]: 'x' }));
    const result = await parsePeopleFile(upload('keys.json', JSON.stringify(items)));
    expect(result.errors).toEqual([expect.objectContaining({ code: 'TOO_MANY_COLUMNS', row: 1_000 })]);
  });
});
