import { type ImportIssue, VALUE_LEVELS } from '@rolemap/domain';
import { type ImportInput, readPlainTable } from '@rolemap/importers';
import { spreadsheetSafe } from '@rolemap/reports';
import ExcelJS from 'exceljs';
import {
  ABOUT_KEYS,
  ABOUT_SHEET,
  DICTIONARY_SHEET,
  OTHER_ACTIVITY,
  TEAM_COLUMNS,
  TEAM_SHEET,
  type TeamTemplate,
  type TemplateTable,
  memberRows,
} from './team-template';

/** Rows below the team's that keep the picklists, for activities the manager adds. */
const SPARE_ROWS = 200;

const safe = (value: string | number | null) => (typeof value === 'string' ? spreadsheetSafe(value) : value);

/**
 * The team's workbook: the Team sheet (a row per person and activity, pre-filled, with a
 * value-level picklist and share checks), the campaign's dictionary version, and instructions
 * with the campaign and team it belongs to (read back on upload).
 */
export async function writeTeamTemplate(template: TeamTemplate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'rolemap';
  workbook.created = template.downloadedAt;
  const team = workbook.addWorksheet(TEAM_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths: Record<(typeof TEAM_COLUMNS)[number], number> = {
    employee_id: 14,
    name: 26,
    title: 26,
    weekly_hours: 13,
    activity_id: 14,
    activity: 48,
    value_level: 18,
    share_pct: 11,
    status: 44,
  };
  team.columns = TEAM_COLUMNS.map((header) => ({ header, width: widths[header] }));
  team.getRow(1).font = { bold: true };
  for (const member of template.members) for (const row of memberRows(member)) team.addRow(row.map(safe));
  const last = team.rowCount + SPARE_ROWS;
  const letter = (column: (typeof TEAM_COLUMNS)[number]) => String.fromCharCode(65 + TEAM_COLUMNS.indexOf(column));
  const activityCount = template.activities.length;
  for (let row = 2; row <= last; row++) {
    team.getCell(`${letter('value_level')}${row}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${VALUE_LEVELS.join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Value level',
      error: `Pick one of ${VALUE_LEVELS.join(', ')}.`,
    };
    team.getCell(`${letter('share_pct')}${row}`).dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 100],
      showErrorMessage: true,
      errorTitle: 'Share of the week',
      error: 'A share is a percentage from 0 to 100.',
    };
    team.getCell(`${letter('weekly_hours')}${row}`).dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [1, 100],
      showErrorMessage: true,
      errorTitle: 'Weekly hours',
      error: 'Hours in a usual week, from 1 to 100.',
    };
    if (activityCount > 0) {
      // The activity's name from the dictionary sheet; a warning only, so OTHER rows can say their own.
      team.getCell(`${letter('activity')}${row}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`'${DICTIONARY_SHEET}'!$C$2:$C$${activityCount + 1}`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: 'Activity',
        error: `Not in the dictionary: put ${OTHER_ACTIVITY} in activity_id to write it in.`,
      };
    }
  }

  const dictionary = workbook.addWorksheet(DICTIONARY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  dictionary.columns = [
    { header: 'activity_id', width: 14 },
    { header: 'function', width: 28 },
    { header: 'activity', width: 60 },
    { header: 'value_level', width: 18 },
  ];
  dictionary.getRow(1).font = { bold: true };
  for (const activity of template.activities) {
    dictionary.addRow([activity.id, activity.functionName ?? '', activity.label, activity.valueLevel].map(safe));
  }

  const about = workbook.addWorksheet(ABOUT_SHEET);
  about.columns = [
    { header: 'about', width: 26 },
    { header: 'value', width: 90 },
  ];
  about.getRow(1).font = { bold: true };
  const range = template.acceptedRange;
  const facts: [string, string][] = [
    [ABOUT_KEYS.campaign, template.campaignName],
    [ABOUT_KEYS.campaignId, template.campaignId],
    [ABOUT_KEYS.leaderName, template.leaderName],
    [ABOUT_KEYS.leaderId, template.leaderEmployeeId],
    [ABOUT_KEYS.dictionaryVersion, template.dictionaryVersionId ?? ''],
    [ABOUT_KEYS.acceptedTotal, `${range.minTotalPct}-${range.maxTotalPct}%`],
    [ABOUT_KEYS.closes, `${template.closesAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`],
    [ABOUT_KEYS.downloaded, `${template.downloadedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`],
  ];
  for (const [key, value] of facts) about.addRow([key, safe(value)]);
  about.addRow([]);
  const steps = [
    `On the "${TEAM_SHEET}" sheet, one row is one activity of one person. Add a row per activity (copy the person's employee_id); leave the header row as it is.`,
    'weekly_hours: the hours the person works in a usual week, on any one of their rows.',
    `activity: pick from the list (the "${DICTIONARY_SHEET}" sheet); activity_id may stay empty then. To clear a pre-filled activity, clear both cells.`,
    `Work the dictionary does not have: put ${OTHER_ACTIVITY} in activity_id, describe it in activity, and pick its value_level.`,
    `share_pct: the percentage of the week (0-100). Each person's shares must add up to ${range.minTotalPct}-${range.maxTotalPct}%.`,
    'A person with no activity and no share is left out. Rows marked in the status column were answered online already and are not read.',
    'Send the file back to HR. Nothing is taken if any row has an error: the upload lists each one with its row and column.',
  ];
  steps.forEach((step, index) => about.addRow([`Step ${index + 1}`, step]));
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface TemplateFile {
  table: TemplateTable;
  /** The Instructions sheet's facts, by their label. */
  about: Map<string, string>;
  errors: ImportIssue[];
}

/** Reads a team template back with the import's guards (hostile workbooks, reading limits, NUL bytes). */
export async function readTeamTemplateFile(input: ImportInput): Promise<TemplateFile> {
  const empty: TemplateTable = { headers: [], rows: [] };
  if (!/\.xlsx$/i.test(input.fileName)) {
    return {
      table: empty,
      about: new Map(),
      errors: [
        {
          file: input.fileName,
          row: null,
          column: null,
          value: null,
          code: 'UNSUPPORTED_FORMAT',
          message: `${input.fileName}: upload the team's template as the .xlsx workbook it was downloaded as.`,
        },
      ],
    };
  }
  const team = await readPlainTable(input, { sheet: TEAM_SHEET });
  if (team.errors.length > 0) return { table: empty, about: new Map(), errors: team.errors };
  // Without it (another workbook) the facts are missing, and the upload says it is not a template.
  const aboutSheet = await readPlainTable(input, { sheet: ABOUT_SHEET });
  const about = new Map<string, string>();
  for (const row of aboutSheet.rows) {
    const [key, value] = row.cells;
    if (key?.trim()) about.set(key.trim(), (value ?? '').trim());
  }
  return { table: { headers: team.headers, rows: team.rows }, about, errors: [] };
}
