import ExcelJS from 'exceljs';
import type { SurveyActivity } from '../survey-types';
import {
  ABOUT_KEYS,
  TEAM_COLUMNS,
  type TeamTemplate,
  type TemplateParticipant,
  type TemplateTable,
  type TemplateUploadContext,
  readTemplateUpload,
} from './team-template';
import { readTeamTemplateFile, writeTeamTemplate } from './team-template-file';

const activities: SurveyActivity[] = [
  { id: 'ENG-1', label: 'Write code', valueLevel: 'IMPLEMENTATION', functionName: 'Engineering' },
  { id: 'ENG-2', label: 'Review code', valueLevel: 'IMPLEMENTATION', functionName: 'Engineering' },
  { id: 'MGT-1', label: 'Run 1:1s', valueLevel: 'UNIFICATION', functionName: 'Management' },
  { id: 'MGT-2', label: 'Set strategy', valueLevel: 'LEADERSHIP', functionName: 'Management' },
  { id: 'OPS-1', label: 'Review code', valueLevel: 'UNIFICATION', functionName: 'Operations' },
];

function participant(employeeId: string, name: string, changes: Partial<TemplateParticipant> = {}): TemplateParticipant {
  return {
    employeeId,
    name,
    managerEmployeeId: 'L1',
    mode: 'MANAGER',
    selfStatus: 'NOT_STARTED',
    managerStatus: 'NOT_STARTED',
    ...changes,
  };
}

const context: TemplateUploadContext = {
  fileName: 'team.xlsx',
  campaignId: 'c-1',
  acceptedRange: { minTotalPct: 95, maxTotalPct: 105 },
  activities: new Map(activities.map((activity) => [activity.id, activity])),
  participants: new Map(
    [
      participant('E1', 'Ada'),
      participant('E2', 'Bo', { mode: 'BOTH', selfStatus: 'SUBMITTED' }),
      participant('E3', 'Cy', { mode: 'SELF', selfStatus: 'SUBMITTED' }),
      participant('E9', 'Outsider', { managerEmployeeId: 'L2' }),
    ].map((p) => [p.employeeId, p]),
  ),
};

const about = new Map([
  [ABOUT_KEYS.campaignId, 'c-1'],
  [ABOUT_KEYS.leaderId, 'L1'],
]);

/** A Team sheet from rows of cells in the template's column order (row 1 is the header). */
function table(rows: (string | number | null)[][]): TemplateTable {
  return {
    headers: [...TEAM_COLUMNS],
    rows: rows.map((cells, index) => ({ rowNumber: index + 2, cells: cells.map((cell) => (cell === null ? '' : String(cell))) })),
  };
}

describe('team template uploads', () => {
  it('turns a person’s rows into answers: ids, names, written-in work with its level', () => {
    const upload = readTemplateUpload(
      table([
        ['E1', 'Ada', 'Engineer', 40, 'ENG-1', 'Write code', 'IMPLEMENTATION', 60],
        ['E1', '', '', null, '', 'run 1:1S', '', '30'],
        ['E1', '', '', null, 'other', 'Mentoring juniors', 'unification', '10%'],
        ['E2', 'Bo', '', '37,5', 'MGT-2', '', '', 100],
        ['E1', '', '', null, '', '', '', ''],
      ]),
      about,
      context,
    );
    expect(upload.errors).toEqual([]);
    expect(upload.leaderEmployeeId).toBe('L1');
    expect(upload.answers.get('E1')).toEqual({
      weeklyHours: 40,
      lines: [
        { activityId: 'ENG-1', otherText: null, sharePct: 60 },
        { activityId: 'MGT-1', otherText: null, sharePct: 30 },
        { activityId: null, otherText: 'Mentoring juniors', sharePct: 10, valueLevel: 'UNIFICATION' },
      ],
    });
    expect(upload.answers.get('E2')).toEqual({
      weeklyHours: 37.5,
      lines: [{ activityId: 'MGT-2', otherText: null, sharePct: 100 }],
    });
  });

  it('skips people who answered online, with a warning naming their rows', () => {
    const upload = readTemplateUpload(
      table([
        ['E3', 'Cy', '', 40, 'ENG-1', '', '', 100],
        ['E3', 'Cy', '', null, 'ENG-2', '', '', 5],
        ['E1', 'Ada', '', 40, 'ENG-1', '', 'LEADERSHIP', 100],
      ]),
      about,
      context,
    );
    expect(upload.errors).toEqual([]);
    expect(upload.skipped).toEqual(['E3']);
    expect(upload.warnings.map((w) => [w.code, w.row, w.column, w.rows])).toEqual([
      ['LEVEL_IGNORED', 4, 'value_level', undefined],
      ['ANSWERED_ONLINE', 2, 'employee_id', [2, 3]],
    ]);
    expect([...upload.answers.keys()]).toEqual(['E1']);
  });

  it('names the row and column of every problem, and takes nothing', () => {
    const upload = readTemplateUpload(
      table([
        ['X404', 'Nobody', '', 40, 'ENG-1', '', '', 100],
        ['E9', 'Outsider', '', 40, 'ENG-1', '', '', 100],
        ['E1', 'Ada', '', 40, 'NOPE', '', '', 50],
        ['E1', '', '', null, '', 'Juggling', '', 10],
        ['E1', '', '', null, 'ENG-1', '', '', -5],
        ['E1', '', '', null, 'ENG-2', '', '', 'lots'],
        ['E1', '', '', null, 'MGT-1', '', '', 101],
        ['E1', '', '', null, 'ENG-1', '', '', 20],
        ['E1', '', '', null, '', 'Review code', '', 10],
        ['E1', '', '', null, 'MGT-2', 'Run 1:1s', '', 10],
        ['E1', '', '', null, 'OTHER', 'Triage', 'huge', 10],
        ['E2', 'Bo', '', null, 'MGT-2', '', '', 50],
        ['', '', '', null, 'ENG-1', '', '', 50],
      ]),
      about,
      context,
    );
    expect(upload.answers.size).toBe(0);
    expect(upload.errors.map((e) => [e.code, e.row, e.column])).toEqual([
      ['UNKNOWN_PERSON', 2, 'employee_id'],
      ['NOT_IN_TEAM', 3, 'employee_id'],
      ['UNKNOWN_ACTIVITY', 4, 'activity_id'],
      ['UNKNOWN_ACTIVITY', 5, 'activity'],
      ['OUT_OF_RANGE', 6, 'share_pct'],
      ['NOT_A_NUMBER', 7, 'share_pct'],
      ['OUT_OF_RANGE', 8, 'share_pct'],
      ['AMBIGUOUS_ACTIVITY', 10, 'activity'],
      ['ACTIVITY_MISMATCH', 11, 'activity'],
      ['UNKNOWN_LEVEL', 12, 'value_level'],
      ['MISSING_EMPLOYEE_ID', 14, 'employee_id'],
      ['TOTAL_OUT_OF_RANGE', 9, 'share_pct'],
      ['MISSING_HOURS', 13, 'weekly_hours'],
      ['TOTAL_OUT_OF_RANGE', 13, 'share_pct'],
    ]);
    const duplicate = readTemplateUpload(
      table([
        ['E1', 'Ada', '', 40, 'ENG-1', '', '', 50],
        ['E1', 'Ada', '', 40, '', 'Write code', '', 50],
      ]),
      about,
      context,
    );
    expect(duplicate.errors.map((e) => [e.code, e.row, e.column, e.rows])).toEqual([
      ['DUPLICATE_ACTIVITY', 3, 'activity_id', [2, 3]],
      // What is left without the second copy is 50%.
      ['TOTAL_OUT_OF_RANGE', 2, 'share_pct', undefined],
    ]);
    expect(upload.errors.filter((e) => e.code === 'TOTAL_OUT_OF_RANGE').map((e) => e.message)).toEqual([
      expect.stringContaining("Ada's shares add up to 20%"),
      expect.stringContaining("Bo's shares add up to 50%"),
    ]);
  });

  it('refuses another campaign’s template and a workbook that is not one', () => {
    const other = readTemplateUpload(table([]), new Map([...about, [ABOUT_KEYS.campaignId, 'c-2']]), context);
    expect(other.errors.map((e) => e.code)).toEqual(['WRONG_CAMPAIGN']);
    const none = readTemplateUpload(table([]), new Map(), context);
    expect(none.errors.map((e) => e.code)).toEqual(['NOT_A_TEMPLATE']);
  });
});

describe('team template workbook', () => {
  const template: TeamTemplate = {
    campaignId: 'c-1',
    campaignName: 'Spring survey',
    leaderEmployeeId: 'L1',
    leaderName: 'Lee',
    dictionaryVersionId: 'v-1',
    acceptedRange: { minTotalPct: 95, maxTotalPct: 105 },
    closesAt: new Date('2027-01-31T17:00:00Z'),
    downloadedAt: new Date('2027-01-10T09:00:00Z'),
    activities,
    members: [
      {
        employeeId: 'E1',
        name: '=Ada',
        title: 'Engineer',
        weeklyHours: 40,
        status: null,
        lines: [
          { activityId: 'ENG-1', label: 'Write code', valueLevel: 'IMPLEMENTATION', sharePct: 70 },
          { activityId: 'MGT-1', label: 'Run 1:1s', valueLevel: 'UNIFICATION', sharePct: 30 },
        ],
      },
      { employeeId: 'E2', name: 'Bo', title: null, weeklyHours: null, status: null, lines: [] },
    ],
  };

  it('is pre-filled, carries its dictionary and picklists, and reads back as it was written', async () => {
    const data = await writeTeamTemplate(template);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Team', 'Dictionary', 'Instructions']);
    const team = workbook.getWorksheet('Team')!;
    expect(team.getCell('G2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"IMPLEMENTATION,UNIFICATION,COMMUNICATION,LEADERSHIP"'],
    });
    expect(team.getCell('H2').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    expect(team.getCell('B2').value).toBe("'=Ada");
    expect(workbook.getWorksheet('Dictionary')!.getRow(2).values).toEqual([
      undefined,
      'ENG-1',
      'Engineering',
      'Write code',
      'IMPLEMENTATION',
    ]);

    const read = await readTeamTemplateFile({ fileName: 'team.xlsx', data });
    expect(read.errors).toEqual([]);
    expect(read.table.headers).toEqual([...TEAM_COLUMNS]);
    expect(read.table.rows.map((row) => [row.rowNumber, row.cells[0], row.cells[4], row.cells[7]])).toEqual([
      [2, 'E1', 'ENG-1', '70'],
      [3, 'E1', 'MGT-1', '30'],
      [4, 'E2', '', ''],
    ]);
    expect(read.about.get(ABOUT_KEYS.campaignId)).toBe('c-1');
    expect(read.about.get(ABOUT_KEYS.leaderId)).toBe('L1');

    // Unchanged, Ada's rows are accepted as they stand and Bo's blank row is left out.
    const upload = readTemplateUpload(read.table, read.about, context);
    expect(upload.errors).toEqual([]);
    expect([...upload.answers.keys()]).toEqual(['E1']);
  });

  it('refuses a file that is not a workbook', async () => {
    const read = await readTeamTemplateFile({ fileName: 'team.csv', data: Buffer.from('employee_id\nE1\n') });
    expect(read.errors.map((e) => e.code)).toEqual(['UNSUPPORTED_FORMAT']);
  });
});
