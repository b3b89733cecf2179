/**
 * `npm run bench -- survey [--size 10000]`: a campaign on a generated org through the real
 * CampaignsService on PostgreSQL: created (a form per person) with every personal link issued
 * as CSV, half the people answering, then closed into a snapshot by the import's writer.
 * Baseline in the same run: the plain import of the same records as a snapshot. Targets at 10k:
 * creation with invitations ≤ 10 s, closing ≤ 5 s.
 */
import { generateSyntheticOrg } from '@rolemap/demo-data';
import {
  AuditLogService,
  DictionaryService,
  LOCAL_OPERATOR,
  OrgSnapshotEntity,
  OrganizationsService,
  loadConfig,
} from '@rolemap/server-core';
import { ImportService } from '@rolemap/server-imports';
import { CampaignsService, DictionaryActivities, SurveyMailer } from '@rolemap/server-surveys';
import { machineLine, withBenchDatabase } from './support/bench-database';

const size = Number(argValue('--size') ?? 10_000);

function argValue(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const org = generateSyntheticOrg({ size, seed: 11 });
  console.log(`rolemap survey benchmark — ${machineLine()}`);
  console.log(`${size} people, ${org.responsibilities.length} responsibilities\n`);
  await withBenchDatabase(async (dataSource) => {
    const organizations = new OrganizationsService(dataSource);
    const audit = new AuditLogService(dataSource);
    const imports = new ImportService(dataSource, { url: '', embedded: false }, organizations, audit);
    const dictionary = new DictionaryService(dataSource, organizations, audit);
    const config = loadConfig({ ROLEMAP_SEED_DEMO: 'false' });
    const campaigns = new CampaignsService(
      dataSource,
      config,
      audit,
      imports,
      new SurveyMailer(config),
      new DictionaryActivities(dictionary),
    );

    let start = performance.now();
    const baseline = await imports.importRecords(LOCAL_OPERATOR, {
      organizationName: 'Survey bench',
      people: org.people,
      responsibilities: org.responsibilities,
      asOf: '2026-11-01',
      label: null,
      sourceFileName: null,
    });
    const importMs = performance.now() - start;
    const organizationId = baseline.organization.id!;
    const snapshot = await dataSource.getRepository(OrgSnapshotEntity).findOneByOrFail({ id: baseline.snapshot!.id });
    const { version } = await dictionary.copyStarter(LOCAL_OPERATOR, organizationId);
    const activities = await dictionary.activities(LOCAL_OPERATOR, version.id);

    start = performance.now();
    const campaign = await campaigns.create(LOCAL_OPERATOR, {
      organizationId,
      name: 'Bench survey',
      baseSnapshotId: snapshot.id,
      scope: { kind: 'ORGANIZATION', value: null },
      defaultMode: 'SELF',
      opensAt: new Date(Date.now() - 60_000),
      closesAt: new Date(Date.now() + 14 * 86_400_000),
    });
    const createMs = performance.now() - start;
    start = performance.now();
    const invited = await campaigns.invite(LOCAL_OPERATOR, campaign.id, 'CSV');
    const inviteMs = performance.now() - start;

    // Half the people answer (written straight to their forms: the form path is not what is measured).
    const answers = JSON.stringify({
      weeklyHours: 40,
      lines: [
        { activityId: activities[0].id, otherText: null, sharePct: 60 },
        { activityId: activities[1].id, otherText: null, sharePct: 40 },
      ],
    });
    await dataSource.query(
      `UPDATE survey_response SET self_answers = $2, self_status = 'SUBMITTED', self_submitted_at = now()
       WHERE campaign_id = $1 AND ctid IN (SELECT ctid FROM survey_response WHERE campaign_id = $1 ORDER BY employee_id LIMIT $3)`,
      [campaign.id, answers, Math.floor(campaign.participantCount / 2)],
    );
    start = performance.now();
    const closed = await campaigns.close(LOCAL_OPERATOR, campaign.id, 'KEEP_PREVIOUS');
    const closeMs = performance.now() - start;

    console.log('| measure | time |');
    console.log('| --- | --- |');
    console.log(`| plain import of the same snapshot (baseline) | ${importMs.toFixed(0)} ms |`);
    console.log(`| create the campaign (${campaign.participantCount} forms) | ${createMs.toFixed(0)} ms |`);
    console.log(`| issue ${invited.issued} personal links as CSV | ${inviteMs.toFixed(0)} ms |`);
    console.log(
      `| created with invitations vs target 10 s | ${(createMs + inviteMs).toFixed(0)} ms, ${((createMs + inviteMs) / 10_000).toFixed(2)} of the budget, ${((createMs + inviteMs) / importMs).toFixed(2)}× the import |`,
    );
    console.log(
      `| close into snapshot v${closed.snapshotVersion} (${closed.coverage.surveyed} surveyed, ${closed.coverage.carried} carried) vs target 5 s | ${closeMs.toFixed(0)} ms, ${(closeMs / 5000).toFixed(2)} of the budget, ${(closeMs / importMs).toFixed(2)}× the import |`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
