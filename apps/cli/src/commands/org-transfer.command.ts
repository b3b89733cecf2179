import fs from 'node:fs';
import path from 'node:path';
import { LOCAL_OPERATOR, OrganizationTransferService, OrganizationsService } from '@rolemap/server-core';
import { withServices } from '../cli-app';
import { CliError, EXIT } from '../cli-context';
import { resolveOrganization } from '../organization-option';
import { checkOutPath, writeFileAtomically } from './report-out-file';

/** `rolemap export-org --out file`: the whole organization as one archive, readable by its user only. */
export async function runExportOrg(options: { org?: string; out?: string; json?: boolean }): Promise<void> {
  if (!options.out) throw new CliError('--out <file> is required, e.g. --out northwind.rolemap-org.gz', EXIT.invalidInput);
  const target = checkOutPath(options.out, 'organization.rolemap-org.gz');
  await withServices([], async (app) => {
    const organization = await resolveOrganization(app.get(OrganizationsService), options.org);
    const transfer = app.get(OrganizationTransferService);
    let summary: Awaited<ReturnType<OrganizationTransferService['exportOrganization']>> | undefined;
    const bytes = await writeFileAtomically(
      target,
      async (out) => {
        summary = await transfer.exportOrganization(LOCAL_OPERATOR, organization.id, out);
      },
      { mode: 0o600 },
    );
    const rows = summary?.rows ?? {};
    if (options.json) {
      console.log(JSON.stringify({ file: target, bytes, organization: summary?.organization, rows }));
      return;
    }
    console.log(
      `Wrote ${target} (${formatBytes(bytes)}): "${organization.name}" with ${total(rows).toLocaleString('en')} rows in ${Object.keys(rows).length} tables.`,
    );
  });
}

/** `rolemap import-org <file>`: restores an archive into this database, whole or not at all. */
export async function runImportOrg(file: string, options: { name?: string; json?: boolean }): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new CliError(`${file}: no such file`, EXIT.invalidInput);
  await withServices([], async (app) => {
    const summary = await app
      .get(OrganizationTransferService)
      .importOrganization(LOCAL_OPERATOR, fs.createReadStream(source), path.basename(file), { name: options.name });
    if (options.json) {
      console.log(JSON.stringify(summary));
      return;
    }
    const matched = summary.accountsMatchedByEmail
      ? `; ${summary.accountsMatchedByEmail} member account(s) already here were matched by e-mail`
      : '';
    console.log(
      `Imported "${summary.organization.name}" with ${total(summary.rows).toLocaleString('en')} rows in ${Object.keys(summary.rows).length} tables${matched}.`,
    );
  });
}

function total(rows: Record<string, number>): number {
  return Object.values(rows).reduce((sum, count) => sum + count, 0);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
