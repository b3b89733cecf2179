import { type DictionaryRow, buildDictionary } from './build-dictionary';

let nextRow = 2;
function row(id: string, parentId: string, label: string, level = '', description = ''): DictionaryRow {
  return { rowNumber: nextRow++, id, parentId, label, description, level };
}

function sample(): DictionaryRow[] {
  nextRow = 2;
  return [
    row('ENG', '', 'Engineering'),
    row('ENG-01', 'ENG', 'Building software'),
    row('ENG-01-01', 'ENG-01', 'Write code', 'implementation'),
    row('MGT', '', 'Management'),
    row('MGT-01', 'MGT', 'People'),
    row('MGT-01-01', 'MGT-01', 'Hold 1:1s', '2'),
    // A child listed before its parent still lands under it.
    row('ENG-01-02', 'ENG-01', 'Review code', 'IMPLEMENTATION', 'Pull requests'),
  ];
}

describe('buildDictionary', () => {
  it('builds the tree in order: function, its processes, each followed by its activities', () => {
    const { entries, errors } = buildDictionary(sample(), { file: 'd.csv' });
    expect(errors).toEqual([]);
    expect(entries.map((entry) => `${entry.kind}:${entry.key}`)).toEqual([
      'FUNCTION:ENG',
      'PROCESS:ENG-01',
      'ACTIVITY:ENG-01-01',
      'ACTIVITY:ENG-01-02',
      'FUNCTION:MGT',
      'PROCESS:MGT-01',
      'ACTIVITY:MGT-01-01',
    ]);
    expect(entries.find((entry) => entry.key === 'MGT-01-01')).toMatchObject({
      valueLevel: 'UNIFICATION',
      levelSource: 'CONFIRMED',
      parentKey: 'MGT-01',
    });
    expect(entries.find((entry) => entry.key === 'ENG-01-02')?.description).toBe('Pull requests');
    expect(entries.find((entry) => entry.key === 'ENG')?.valueLevel).toBeNull();
  });

  it('rejects duplicate ids naming every row that uses them', () => {
    const rows = sample();
    rows.push({ ...rows[2], rowNumber: 20, label: 'Again' });
    const { entries, errors } = buildDictionary(rows, { file: 'd.csv', columns: { id: 'Code' } });
    expect(entries).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'DUPLICATE_ID',
        row: 20,
        column: 'Code',
        value: 'ENG-01-01',
        message: expect.stringContaining('rows 4 and 20'),
      }),
    ]);
  });

  it('rejects unknown parents, cycles and self-parents with their rows', () => {
    nextRow = 2;
    const rows = [
      row('A', '', 'Function'),
      row('P', 'A', 'Process'),
      row('X', 'NOPE', 'Orphan'),
      row('C1', 'C2', 'Loop one'),
      row('C2', 'C3', 'Loop two'),
      row('C3', 'C1', 'Loop three'),
      row('S', 'S', 'Self'),
      row('UNDER', 'C1', 'Below the loop', 'IMPLEMENTATION'),
    ];
    const { errors } = buildDictionary(rows, { file: 'd.csv' });
    const byCode = (code: string) => errors.filter((issue) => issue.code === code);
    expect(byCode('UNKNOWN_PARENT')).toEqual([expect.objectContaining({ row: 4, column: 'parent_id', value: 'NOPE' })]);
    expect(byCode('CYCLE')).toHaveLength(2);
    expect(byCode('CYCLE').find((issue) => issue.row === 5)).toMatchObject({
      row: 5,
      message: expect.stringContaining('C1 → C2 → C3 → C1 (rows 5, 6 and 7)'),
    });
    expect(byCode('CYCLE').find((issue) => issue.row === 8)).toMatchObject({
      row: 8,
      message: expect.stringContaining('its own parent'),
    });
    // Nothing else is claimed about the rows below a broken chain.
    expect(errors.filter((issue) => issue.row === 9)).toEqual([]);
  });

  it('rejects unknown levels, levels on functions and processes, and activities below activities', () => {
    nextRow = 2;
    const rows = [
      row('A', '', 'Function', 'LEADERSHIP'),
      row('P', 'A', 'Process'),
      row('X', 'P', 'Activity', 'strategic'),
      row('Y', 'P', 'Activity two', 'UNIFICATION'),
      row('Z', 'Y', 'Too deep', 'UNIFICATION'),
      row('Z2', 'Z', 'Deeper still', 'UNIFICATION'),
    ];
    const { errors } = buildDictionary(rows, { file: 'd.csv' });
    expect(errors.map((issue) => [issue.code, issue.row])).toEqual([
      ['TOO_DEEP', 6],
      ['LEVEL_NOT_ALLOWED', 2],
      ['UNKNOWN_LEVEL', 4],
    ]);
    expect(errors[2].message).toContain('IMPLEMENTATION, UNIFICATION, COMMUNICATION, LEADERSHIP');
  });

  it('rejects empty ids and labels, and over-long text', () => {
    nextRow = 2;
    const rows = [row('A', '', ''), row('', 'A', 'No id'), row('P', 'A', 'x'.repeat(301))];
    const { errors } = buildDictionary(rows, { file: 'd.csv' });
    expect(errors.map((issue) => [issue.code, issue.row, issue.column])).toEqual([
      ['EMPTY_LABEL', 2, 'label'],
      ['MISSING_ID', 3, 'id'],
      ['LABEL_TOO_LONG', 4, 'label'],
    ]);
    expect(buildDictionary([], { file: 'd.csv' }).errors[0].code).toBe('EMPTY_DICTIONARY');
  });

  it('fills an empty activity level with the suggestion, marked SUGGESTED, and refuses it without one', () => {
    nextRow = 2;
    const rows = [
      row('A', '', 'F'),
      row('P', 'A', 'P'),
      row('X', 'P', 'Set the strategy', '', 'for the year'),
      row('Y', 'P', 'zzz'),
    ];
    const suggestLevel = (text: string) => (text.startsWith('Set the strategy') ? ('LEADERSHIP' as const) : null);
    const seen: string[] = [];
    const { errors } = buildDictionary(rows, {
      file: 'd.csv',
      suggestLevel: (text) => {
        seen.push(text);
        return suggestLevel(text);
      },
    });
    expect(seen).toEqual(['Set the strategy: for the year', 'zzz']);
    expect(errors).toEqual([expect.objectContaining({ code: 'MISSING_LEVEL', row: 5 })]);
    const { entries } = buildDictionary(rows.slice(0, 3), { file: 'd.csv', suggestLevel });
    expect(entries[2]).toMatchObject({ valueLevel: 'LEADERSHIP', levelSource: 'SUGGESTED' });
  });

  it('handles a long chain below an unknown parent in linear time', () => {
    const rows: DictionaryRow[] = [];
    for (let index = 0; index < 10_000; index++) {
      rows.push({ rowNumber: index + 2, id: `N${index}`, parentId: `N${index + 1}`, label: 'x', description: '', level: '' });
    }
    const started = Date.now();
    const { errors } = buildDictionary(rows, { file: 'd.csv' });
    expect(errors.map((issue) => issue.code)).toEqual(['UNKNOWN_PARENT']);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
