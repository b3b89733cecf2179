import { type Tier, isTier } from '@rolemap/domain';
import { type GradeTierRow, GradeTiersService, LOCAL_OPERATOR, OrganizationsService } from '@rolemap/server-core';
import { withServices } from '../cli-app';
import { CliError, EXIT } from '../cli-context';
import { resolveOrganization } from '../organization-option';

/** `rolemap grades show`: every grade with its tier and where that comes from. */
export async function showGrades(options: { org?: string; json?: boolean }): Promise<void> {
  await withServices([], async (app) => {
    const organization = await resolveOrganization(app.get(OrganizationsService), options.org);
    const rows = await app.get(GradeTiersService).gradeTiers(LOCAL_OPERATOR, organization.id);
    if (options.json) console.log(JSON.stringify({ organization: organization.name, grades: rows }));
    else printGrades(organization.name, rows);
  });
}

/** `rolemap grades set SCS1=DIRECTOR "Band 7=MANAGER" G6=default`: HR's tiers, used by the next imports. */
export async function setGrades(assignments: string[], options: { org?: string; json?: boolean }): Promise<void> {
  const edits = assignments.map(parseAssignment);
  await withServices([], async (app) => {
    const organization = await resolveOrganization(app.get(OrganizationsService), options.org);
    const rows = await app.get(GradeTiersService).setGradeTiers(LOCAL_OPERATOR, organization.id, edits);
    if (options.json) console.log(JSON.stringify({ organization: organization.name, grades: rows }));
    else {
      console.log(
        `Saved ${edits.length} grade tier${edits.length === 1 ? '' : 's'} for "${organization.name}"; the next import uses them.`,
      );
      printGrades(organization.name, rows);
    }
  });
}

/** "GRADE=TIER"; the last "=" splits, so grades may contain "="; "default" removes HR's tier. */
export function parseAssignment(argument: string): { grade: string; tier: Tier | null } {
  const split = argument.lastIndexOf('=');
  const grade = split > 0 ? argument.slice(0, split).trim() : '';
  const tierText =
    split > 0
      ? argument
          .slice(split + 1)
          .trim()
          .toUpperCase()
      : '';
  if (!grade || !tierText) {
    throw new CliError(`"${argument}" must look like GRADE=TIER, e.g. SCS1=DIRECTOR or "Band 7=MANAGER"`, EXIT.invalidInput);
  }
  if (tierText === 'DEFAULT') return { grade, tier: null };
  if (!isTier(tierText)) {
    throw new CliError(`"${argument}": tier must be IC, MANAGER, DIRECTOR, EXECUTIVE or default`, EXIT.invalidInput);
  }
  return { grade, tier: tierText };
}

function printGrades(organizationName: string, rows: readonly GradeTierRow[]): void {
  if (rows.length === 0) {
    console.log(`"${organizationName}" has no grades yet: import a file with a grade or job level column.`);
    return;
  }
  const width = Math.max(5, ...rows.map((row) => row.grade.length));
  console.log(`${'Grade'.padEnd(width)}  ${'Tier'.padEnd(9)}  ${'From'.padEnd(34)}  Positions`);
  for (const row of rows) {
    const from =
      row.source === 'HR' ? 'set by HR' : row.source === 'DEFAULT' ? `${row.scheme}` : 'no tier: title and structure decide';
    console.log(`${row.grade.padEnd(width)}  ${(row.tier ?? '—').padEnd(9)}  ${from.padEnd(34)}  ${row.positions}`);
  }
}
