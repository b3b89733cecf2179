import ExcelJS from 'exceljs';
import { starterDictionary } from '../starter/starter-dictionary';
import { readDictionaryFile } from './read-dictionary-file';
import { dictionaryCsv, dictionaryXlsx } from './write-dictionary-file';

function csv(text: string) {
  return { fileName: 'dictionary.csv', data: Buffer.from(text, 'utf8') };
}

describe('dictionary files', () => {
  it('round-trips the starter dictionary through CSV and XLSX unchanged', async () => {
    const entries = starterDictionary();
    const fromCsv = await readDictionaryFile({ fileName: 'd.csv', data: Buffer.from(dictionaryCsv(entries), 'utf8') });
    expect(fromCsv.errors).toEqual([]);
    expect(fromCsv.entries).toEqual(entries);
    const fromXlsx = await readDictionaryFile({ fileName: 'd.xlsx', data: await dictionaryXlsx(entries) });
    expect(fromXlsx.errors).toEqual([]);
    expect(fromXlsx.entries).toEqual(entries);
  });

  it('keeps formula-like text as text and reads it back as written', async () => {
    const entries = [
      {
        key: 'F',
        parentKey: null,
        kind: 'FUNCTION' as const,
        label: '=HYPERLINK("x")',
        description: null,
        valueLevel: null,
        levelSource: null,
      },
      {
        key: 'P',
        parentKey: 'F',
        kind: 'PROCESS' as const,
        label: 'P, with "quotes"',
        description: '@mention',
        valueLevel: null,
        levelSource: null,
      },
      {
        key: 'A',
        parentKey: 'P',
        kind: 'ACTIVITY' as const,
        label: '-5 things',
        description: null,
        valueLevel: 'IMPLEMENTATION' as const,
        levelSource: 'CONFIRMED' as const,
      },
    ];
    const text = dictionaryCsv(entries);
    expect(text).toContain(`'=HYPERLINK(""x"")`);
    const read = await readDictionaryFile(csv(text));
    expect(read.entries).toEqual(entries);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await dictionaryXlsx(entries)) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getRow(2).getCell(3).value).toBe(`'=HYPERLINK("x")`);
  });

  it('finds columns by header in any order and spelling', async () => {
    const read = await readDictionaryFile(
      csv('Value Level;Name;Parent ID;Code\n;Sales;;S\n;Deals;S;S-1\nimpl;Run demos;S-1;S-1-1\n'),
    );
    expect(read.errors).toEqual([]);
    expect(read.entries.map((entry) => [entry.key, entry.kind, entry.valueLevel])).toEqual([
      ['S', 'FUNCTION', null],
      ['S-1', 'PROCESS', null],
      ['S-1-1', 'ACTIVITY', 'IMPLEMENTATION'],
    ]);
  });

  it('reports row-numbered errors as a spreadsheet numbers rows', async () => {
    const read = await readDictionaryFile(
      csv('id,parent_id,label,level\nS,,Sales,\n\nS-1,S,Deals,\nS-1-1,S-1,,huge\nS-1-1,S-9,Again,1\n'),
    );
    expect(read.entries).toEqual([]);
    expect(read.errors.map((issue) => [issue.code, issue.row, issue.column, issue.value])).toEqual([
      ['EMPTY_LABEL', 5, 'label', null],
      ['DUPLICATE_ID', 6, 'id', 'S-1-1'],
      ['UNKNOWN_LEVEL', 5, 'level', 'huge'],
    ]);
  });

  it('names the missing columns and refuses JSON', async () => {
    const read = await readDictionaryFile(csv('name,level\nSales,\n'));
    expect(read.errors.map((issue) => issue.message)).toEqual([
      expect.stringContaining('No "id" column'),
      expect.stringContaining('No "parent_id" column'),
    ]);
    const json = await readDictionaryFile({ fileName: 'd.json', data: Buffer.from('[{"id":"A"}]') });
    expect(json.errors[0].code).toBe('UNSUPPORTED_FORMAT');
  });
});
