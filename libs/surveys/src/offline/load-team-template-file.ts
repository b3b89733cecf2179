import type { ImportInput } from '@rolemap/importers';
import type { TeamTemplate } from './team-template';
import type { TemplateFile } from './team-template-file';

// The team template's workbook, as `@rolemap/surveys/files`: apart from the main entry, which the
// browser imports too. The workbook code loads the spreadsheet library on first use, so the server
// core and the CLI start without it (as the dictionary's files do).

/** The team's pre-filled workbook; see team-template-file.ts. */
export async function writeTeamTemplate(template: TeamTemplate): Promise<Buffer> {
  return (await import('./team-template-file')).writeTeamTemplate(template);
}

/** A filled-in team workbook read back (its Team rows and its campaign facts); see team-template-file.ts. */
export async function readTeamTemplateFile(input: ImportInput): Promise<TemplateFile> {
  return (await import('./team-template-file')).readTeamTemplateFile(input);
}

export type { TemplateFile };
export const TEAM_TEMPLATE_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
