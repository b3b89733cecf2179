import { LOCAL_OPERATOR } from '@rolemap/server-core';
import { DemoOrganizationService } from '@rolemap/server-surveys';
import { DataSource } from 'typeorm';
import { type TestApp, resetDatabase, startTestApp } from '../support/test-app';

/**
 * The demo ships with one closed survey campaign, run through the same services HR and the
 * participants use: its snapshot is the newest chart, and the analysis reads it as any other.
 */
describe('the demo organization with its closed survey campaign (PostgreSQL)', () => {
  let api: TestApp;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('runs a campaign from invitations to close, with reviews, adjustments and non-respondents, into the newest snapshot', async () => {
    const seeded = await api.app.get(DemoOrganizationService).seed(LOCAL_OPERATOR);
    expect(seeded.created).toBe(true);
    const campaign = seeded.campaign!;
    expect(campaign).not.toBeNull();
    expect(campaign.campaign.phase).toBe('CLOSED');
    expect(campaign.snapshotVersion).toBe(2);
    expect(campaign.coverage.surveyed).toBeGreaterThanOrEqual(10);
    expect(campaign.coverage.carried).toBeGreaterThanOrEqual(1);
    expect(campaign.coverage.none).toBe(0);
    // Only the surveyed department changed; everyone else is as the demo made them.
    expect(campaign.coverage.outside).toBeGreaterThan(campaign.coverage.surveyed);
    expect(campaign.reviewed).toBeGreaterThan(0);
    expect(campaign.adjusted).toBeGreaterThan(0);

    const overview = await api.graphql<{
      organizations: { id: string; latestSnapshot: { id: string; version: number; label: string } }[];
    }>('{ organizations { id latestSnapshot { id version label } } }');
    const [organization] = overview.data!.organizations;
    expect(organization.latestSnapshot).toMatchObject({ id: campaign.snapshotId, version: 2 });
    expect(organization.latestSnapshot.label).toMatch(/^Survey: /);

    const campaigns = await api.graphql<{ surveyCampaigns: { totalCount: number; nodes: { phase: string }[] } }>(
      'query($o: ID!) { surveyCampaigns(organizationId: $o) { totalCount nodes { phase resultSnapshotVersion } } }',
      { o: organization.id },
    );
    expect(campaigns.errors).toBeUndefined();
    expect(campaigns.data!.surveyCampaigns).toMatchObject({
      totalCount: 1,
      nodes: [{ phase: 'CLOSED', resultSnapshotVersion: 2 }],
    });

    const progress = await api.graphql<{
      surveyProgress: { invited: number; responded: number; gap: { compared: number; meanPoints: number } };
    }>('query($c: ID!) { surveyProgress(campaignId: $c) { invited responded gap { compared meanPoints } } }', {
      c: campaign.campaign.id,
    });
    expect(progress.errors).toBeUndefined();
    expect(progress.data!.surveyProgress.responded).toBe(campaign.coverage.surveyed);
    expect(progress.data!.surveyProgress.invited).toBe(campaign.coverage.surveyed + campaign.coverage.carried);
    expect(progress.data!.surveyProgress.gap.compared).toBe(campaign.reviewed);
    expect(progress.data!.surveyProgress.gap.meanPoints).toBeGreaterThan(0);

    // The survey's answers are the snapshot's work: dictionary activities at their levels, and
    // the person's own wording (classified at import) where no activity fits.
    const [work] = await api.app.get(DataSource).query(
      `SELECT count(*) FILTER (WHERE r.description IS NULL AND r.value_level_source = 'GIVEN')::int AS from_dictionary,
              count(*) FILTER (WHERE r.description LIKE 'Written in on survey%')::int AS written_in,
              count(*) FILTER (WHERE r.description LIKE '[Not confirmed in survey%')::int AS carried
       FROM responsibility r JOIN position p ON p.id = r.position_id
       WHERE r.snapshot_id = $1 AND p.department = 'Operations'`,
      [campaign.snapshotId],
    );
    expect(work.from_dictionary).toBeGreaterThan(0);
    // HR extended its dictionary copy first: the campaign keeps that version.
    const [dictionary] = await api.app.get(DataSource).query(
      `SELECT v.version, (SELECT count(*)::int FROM dictionary_entry e WHERE e.version_id = v.id AND e.label = 'Manufacturing') AS manufacturing
       FROM survey_campaign c JOIN dictionary_version v ON v.id = c.dictionary_version_id WHERE c.id = $1`,
      [campaign.campaign.id],
    );
    expect(dictionary).toEqual({ version: 2, manufacturing: 1 });
    expect(work.written_in).toBe(campaign.coverage.writtenIn);
    expect(work.carried).toBeGreaterThan(0);
    const summary = await api.graphql<{ analysisSummary: { positionCount: number; findingCount: number } }>(
      'query($s: ID!) { analysisSummary(snapshotId: $s) { positionCount findingCount } }',
      { s: campaign.snapshotId },
    );
    expect(summary.errors).toBeUndefined();
    expect(summary.data!.analysisSummary.findingCount).toBeGreaterThan(0);

    const again = await api.app.get(DemoOrganizationService).seed(LOCAL_OPERATOR);
    expect(again).toMatchObject({ created: false, campaign: null });
  });
});
