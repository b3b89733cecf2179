import { parsePeopleFile } from '../people/parse-people-file';
import { contentHash } from '../hash/content-hash';
import { upload } from '../testing/upload';
import { splitIdList } from './people-rows';

function people(header: string, ...rows: string[]) {
  return parsePeopleFile(upload('people.csv', [header, ...rows].join('\n')));
}

const HEADER = 'Employee ID,Name,Title,Manager ID,Dotted Line Manager ID';

describe('dotted-line managers', () => {
  it('reads one or more ids per cell, separated by ; | or ,', async () => {
    const result = await people(
      HEADER,
      '1,Ann,CEO,,',
      '2,Bob,CTO,1,',
      '3,Cy,CFO,1,',
      '4,Di,Dev,2,3',
      '5,Ed,Analyst,3,"2; 4"',
      '6,Flo,Designer,2,3|1',
      '7,Gus,Tester,2,"3,4"',
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const byId = new Map(result.records.map((record) => [record.employeeId, record.dottedLineManagerIds]));
    expect(Object.fromEntries(byId)).toEqual({
      '1': undefined,
      '2': undefined,
      '3': undefined,
      '4': ['3'],
      '5': ['2', '4'],
      '6': ['3', '1'],
      '7': ['3', '4'],
    });
    expect(result.mapping.columns.find((column) => column.target === 'dotted_line_manager_id')).toEqual(
      expect.objectContaining({ header: 'Dotted Line Manager ID', method: 'synonym' }),
    );
  });

  it.each(['dotted_line_manager', 'Matrix Manager ID', 'secondary_manager_id', 'Functional Manager'])(
    'detects the column headed %s',
    async (header) => {
      const result = await people(`Employee ID,Name,Title,Manager ID,${header}`, '1,Ann,CEO,,', '2,Bob,CTO,1,', '3,Cy,Dev,2,1');
      expect(result.records.find((record) => record.employeeId === '3')?.dottedLineManagerIds).toEqual(['1']);
      // The solid-line manager column is still the manager.
      expect(result.mapping.fields.manager_id?.header).toBe('Manager ID');
    },
  );

  it('warns about an unknown id, the row itself and the solid-line manager, drops those lines and goes on', async () => {
    const result = await people(HEADER, '1,Ann,CEO,,', '2,Bob,CTO,1,', '3,Cy,Dev,2,"X9;3;2;1"');
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((issue) => [issue.code, issue.row, issue.column, issue.value])).toEqual([
      ['UNKNOWN_DOTTED_LINE_MANAGER', 4, 'Dotted Line Manager ID', 'X9'],
      ['DOTTED_LINE_SELF', 4, 'Dotted Line Manager ID', '3'],
      ['DOTTED_LINE_IS_MANAGER', 4, 'Dotted Line Manager ID', '2'],
    ]);
    expect(result.warnings[0].message).toBe(
      'Row 4: dotted-line manager "X9" is not the employee id of anyone in this file; that dotted line is left out.',
    );
    expect(result.records.find((record) => record.employeeId === '3')?.dottedLineManagerIds).toEqual(['1']);
  });

  it('leaves records without the column as they were, and their content hash too', async () => {
    const plain = await people('Employee ID,Name,Title,Manager ID', '1,Ann,CEO,', '2,Bob,CTO,1');
    const empty = await people(HEADER, '1,Ann,CEO,,', '2,Bob,CTO,1,');
    const dotted = await people(HEADER, '1,Ann,CEO,,', '2,Bob,CTO,1,', '3,Cy,Dev,1,2');
    const undotted = await people(HEADER, '1,Ann,CEO,,', '2,Bob,CTO,1,', '3,Cy,Dev,1,');
    expect(plain.records.every((record) => !('dottedLineManagerIds' in record))).toBe(true);
    expect(contentHash(empty.records, [])).toBe(contentHash(plain.records, []));
    expect(contentHash(dotted.records, [])).not.toBe(contentHash(undotted.records, []));
  });

  it('splits cells, dropping blanks, markers and repeats', () => {
    expect(splitIdList('')).toEqual([]);
    expect(splitIdList(' A1 ; ;A2|A1 , n/a')).toEqual(['A1', 'A2']);
  });
});
