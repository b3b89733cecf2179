import fs, { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { LOCAL_OPERATOR, OrganizationsService, SnapshotsService } from '@rolemap/server-core';
import { JobsModule } from '@rolemap/server-jobs';
import {
  type CampaignSummary,
  CampaignsService,
  SurveyCloseJobs,
  SurveyJobsModule,
  SurveyTemplatesService,
  SurveysModule,
} from '@rolemap/server-surveys';
import { CAMPAIGN_SCOPES, type CampaignScopeKind, SURVEY_MODES, type SurveyMode } from '@rolemap/surveys';
import { withServices } from '../cli-app';
import { CliError, EXIT } from '../cli-context';
import { parseVersionOption, resolveOrganization, resolveSnapshot } from '../organization-option';
import { describeIssue } from './import.command';
import { checkOutPath, writeFileAtomically } from './report-out-file';

interface CommonOptions {
  org?: string;
  json?: boolean;
}

interface CreateOptions extends CommonOptions {
  snapshot?: string;
  scope?: string;
  department?: string;
  leader?: string;
  mode?: string;
  opens?: string;
  closes: string;
  min?: string;
  max?: string;
}

/** `rolemap survey create <name>`: a campaign on a snapshot, with a form for everyone asked. */
export async function createSurvey(name: string, options: CreateOptions): Promise<void> {
  const version = parseVersionOption('--snapshot', options.snapshot);
  const scope = (
    options.department ? 'DEPARTMENT' : options.leader ? 'SUBTREE' : (options.scope ?? 'ORGANIZATION')
  ).toUpperCase();
  if (!(CAMPAIGN_SCOPES as readonly string[]).includes(scope)) {
    throw new CliError(
      `--scope must be one of ${CAMPAIGN_SCOPES.join(', ').toLowerCase()} (got "${options.scope}")`,
      EXIT.invalidInput,
    );
  }
  const mode = (options.mode ?? 'self').toUpperCase();
  if (!(SURVEY_MODES as readonly string[]).includes(mode)) {
    throw new CliError(
      `--mode must be one of ${SURVEY_MODES.join(', ').toLowerCase()} (got "${options.mode}")`,
      EXIT.invalidInput,
    );
  }
  const opensAt = options.opens ? dateOption('--opens', options.opens, false) : new Date();
  const closesAt = dateOption('--closes', options.closes, true);
  await withServices([SurveysModule], async (app) => {
    const organization = await resolveOrganization(app.get(OrganizationsService), options.org);
    const snapshot = await resolveSnapshot(app.get(SnapshotsService), organization, version);
    const campaign = await app.get(CampaignsService).create(LOCAL_OPERATOR, {
      organizationId: organization.id,
      name,
      baseSnapshotId: snapshot.id,
      scope: { kind: scope as CampaignScopeKind, value: options.department ?? options.leader ?? null },
      defaultMode: mode as SurveyMode,
      opensAt,
      closesAt,
      acceptedRange: {
        minTotalPct: numberOption('--min', options.min, 95),
        maxTotalPct: numberOption('--max', options.max, 105),
      },
    });
    print(
      options,
      campaign,
      `Created survey "${campaign.name}" (${campaign.id}) on snapshot v${campaign.baseSnapshotVersion}: ${campaign.participantCount} forms.`,
    );
  });
}

/** `rolemap survey status [campaign]`: every campaign, or one campaign's response rates. */
export async function surveyStatus(campaign: string | undefined, options: CommonOptions): Promise<void> {
  await withServices([SurveysModule], async (app) => {
    const campaigns = app.get(CampaignsService);
    if (!campaign) {
      const organization = await resolveOrganization(app.get(OrganizationsService), options.org);
      const page = await campaigns.list(LOCAL_OPERATOR, organization.id, 200, 0);
      if (options.json) return void console.log(JSON.stringify(page));
      if (page.nodes.length === 0) return void console.log(`${organization.name} has no survey yet.`);
      for (const node of page.nodes) {
        console.log(`${node.id}  ${node.phase.padEnd(9)}  ${String(node.participantCount).padStart(6)} forms  ${node.name}`);
      }
      return;
    }
    const found = await findCampaign(app, campaign, options.org);
    const progress = await campaigns.progress(LOCAL_OPERATOR, found.id);
    if (options.json) return void console.log(JSON.stringify({ campaign: found, progress }));
    console.log(
      `${found.name} (${found.phase}): ${progress.responded} of ${progress.invited} answered (${Math.round(progress.rate * 1000) / 10}%)`,
    );
    console.log(`  in progress ${progress.inProgress}, waiting for a manager's review ${progress.awaitingReview}`);
    for (const group of progress.byDepartment) {
      console.log(`  ${group.label}: ${group.responded}/${group.invited} (${Math.round(group.rate * 1000) / 10}%)`);
    }
    if (progress.gap.compared >= 5)
      console.log(`  managers moved ${progress.gap.meanPoints} points of the week on average (${progress.gap.compared} forms)`);
  });
}

/** `rolemap survey export <campaign> --out links.csv`: personal links as CSV for HR's own mail tool. */
export async function exportSurveyLinks(
  campaign: string,
  options: CommonOptions & { out?: string; reminder?: boolean },
): Promise<void> {
  await withServices([SurveysModule], async (app) => {
    const found = await findCampaign(app, campaign, options.org);
    const outcome = await app.get(CampaignsService).invite(LOCAL_OPERATOR, found.id, 'CSV', { reminder: options.reminder });
    if (options.out) {
      // The links open people's forms: readable by the operator only.
      writeFileSync(options.out, `${outcome.csv ?? ''}\n`, { mode: 0o600 });
      console.error(`Wrote ${outcome.issued} links to ${options.out} (earlier links of these people stop working).`);
    } else {
      process.stdout.write(`${outcome.csv ?? ''}\n`);
    }
  });
}

interface CloseOptions extends CommonOptions {
  drop?: boolean;
  /** False with --no-wait: queue the closing as a background job and print its id. */
  wait?: boolean;
}

/** `rolemap survey close <campaign>`: the campaign becomes a new snapshot. */
export async function closeSurvey(campaign: string, options: CloseOptions): Promise<void> {
  const nonRespondents = options.drop ? 'NONE' : 'KEEP_PREVIOUS';
  if (options.wait === false) return queueClose(campaign, nonRespondents, options);
  await withServices([SurveysModule], async (app) => {
    const found = await findCampaign(app, campaign, options.org);
    const closed = await app.get(CampaignsService).close(LOCAL_OPERATOR, found.id, nonRespondents);
    const { surveyed, carried, none, outside } = closed.coverage;
    print(
      options,
      { snapshotId: closed.snapshotId, snapshotVersion: closed.snapshotVersion, coverage: closed.coverage },
      `Closed "${found.name}" into snapshot v${closed.snapshotVersion}: ${surveyed} surveyed, ${carried} carried over, ${none} without data, ${outside} outside the survey.`,
    );
  });
}

/** `--no-wait`: the closing goes on the queue; a running server (any replica) makes the snapshot. */
async function queueClose(campaign: string, nonRespondents: 'NONE' | 'KEEP_PREVIOUS', options: CloseOptions): Promise<void> {
  const { job, name } = await withServices([JobsModule.forRoot({ work: false }), SurveyJobsModule.register()], async (app) => {
    const found = await findCampaign(app, campaign, options.org);
    return { job: await app.get(SurveyCloseJobs).enqueue(LOCAL_OPERATOR, found.id, nonRespondents), name: found.name };
  });
  if (options.json) {
    console.log(JSON.stringify({ jobId: job.id, state: job.state }));
    return;
  }
  console.log(`Queued the closing of "${name}" as job ${job.id}.`);
  console.log(`A running rolemap server closes it; follow it with: rolemap job ${job.id} --wait`);
}

/** `rolemap survey template <campaign> --team <leader> --out team.xlsx`: a team's pre-filled offline template. */
export async function surveyTemplate(campaign: string, options: CommonOptions & { team: string; out: string }): Promise<void> {
  const target = checkOutPath(options.out, 'team.xlsx');
  await withServices([SurveysModule], async (app) => {
    const found = await findCampaign(app, campaign, options.org);
    const file = await app.get(SurveyTemplatesService).template(LOCAL_OPERATOR, found.id, options.team);
    await writeFileAtomically(target, async (out) => {
      await new Promise<void>((resolve, reject) => out.end(file.data, () => resolve()).once('error', reject));
    });
    console.error(`Wrote the template of ${options.team}'s team for "${found.name}" to ${target}`);
  });
}

/** `rolemap survey upload <campaign> <file.xlsx>`: a filled-in team template, checked whole; its answers submitted. */
export async function uploadSurveyTemplate(
  campaign: string,
  file: string,
  options: CommonOptions & { dryRun?: boolean },
): Promise<void> {
  let data: Buffer;
  try {
    if (fs.statSync(file).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    data = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code})`, EXIT.invalidInput);
  }
  await withServices([SurveysModule], async (app) => {
    const found = await findCampaign(app, campaign, options.org);
    const outcome = await app
      .get(SurveyTemplatesService)
      .upload(LOCAL_OPERATOR, found.id, { fileName: path.basename(file), data }, { dryRun: options.dryRun });
    if (options.json) {
      console.log(JSON.stringify(outcome.errors.length > 0 ? { errors: outcome.errors } : outcome));
    } else if (outcome.errors.length > 0) {
      console.error(`${outcome.errors.length} error(s); no answer was taken:`);
      for (const issue of outcome.errors) console.error(`  ${describeIssue(issue)}`);
    } else {
      for (const issue of outcome.warnings) console.error(`  warning: ${describeIssue(issue)}`);
      const skipped = outcome.skipped.length > 0 ? `; ${outcome.skipped.length} answered online already, not read` : '';
      console.log(
        outcome.dryRun
          ? `Valid: answers for ${outcome.submitted.length} people of ${outcome.leaderEmployeeId}'s team${skipped}. Dry run: nothing taken.`
          : `Submitted answers for ${outcome.submitted.length} people of ${outcome.leaderEmployeeId}'s team to "${found.name}"${skipped}.`,
      );
    }
    if (outcome.errors.length > 0) throw new CliError('', EXIT.invalidInput);
  });
}

async function findCampaign(app: INestApplicationContext, reference: string, org?: string): Promise<CampaignSummary> {
  const campaigns = app.get(CampaignsService);
  if (/^[0-9a-f-]{36}$/i.test(reference)) return campaigns.get(LOCAL_OPERATOR, reference);
  const organization = await resolveOrganization(app.get(OrganizationsService), org);
  const matches = (await campaigns.list(LOCAL_OPERATOR, organization.id, 200, 0)).nodes.filter((node) => node.name === reference);
  if (matches.length === 0) throw new CliError(`${organization.name} has no survey named "${reference}"`, EXIT.invalidInput);
  if (matches.length > 1)
    throw new CliError(
      `${matches.length} surveys are named "${reference}": give its id (rolemap survey status)`,
      EXIT.invalidInput,
    );
  return matches[0];
}

function print(options: CommonOptions, value: unknown, text: string): void {
  console.log(options.json ? JSON.stringify(value) : text);
}

function dateOption(flag: string, value: string, endOfDay: boolean): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T${endOfDay ? '23:59:59' : '00:00:00'}Z`) : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new CliError(`${flag} must be a date such as 2026-12-15 (got "${value}")`, EXIT.invalidInput);
  return date;
}

function numberOption(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new CliError(`${flag} must be a number of percent (got "${value}")`, EXIT.invalidInput);
  return number;
}
