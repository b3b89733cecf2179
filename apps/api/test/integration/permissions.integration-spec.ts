import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ORGANIZATION_ROLES, type OrganizationRole } from '@rolemap/domain';
import { AccountsService, type Caller, DictionaryService, LOCAL_OPERATOR, ScenariosService } from '@rolemap/server-core';
import { CampaignsService } from '@rolemap/server-surveys';
import { DataSource } from 'typeorm';
import { type GraphqlResult, type TestApp, resetDatabase, startTestApp } from '../support/test-app';
import { seedSmallOrganization } from '../support/snapshot-fixture';

type Who = OrganizationRole | 'OUTSIDER' | 'ANONYMOUS';

/**
 * The small chart: CEO E001; managers E110, E120, E130; engineers E111-E114 under E110 and so on.
 * The leader is E110 (their subtree: 5 positions), the employee E111.
 */
interface World {
  organizationId: string;
  snapshotId: string;
  otherSnapshotId: string;
  positionId: Record<string, string>;
  personId: Record<string, string>;
  findingKeyIn: string;
  findingKeyOutside: string;
  dictionaryVersionId: string;
  /** Actions HR opened by accepting those two findings. */
  actionIdIn: string;
  actionIdOutside: string;
  /** An open survey campaign on the leader's subtree, and one that has not opened yet. */
  campaignId: string;
  futureCampaignId: string;
  /** Scenarios the leader owns (HR may act on them too), one per life-cycle step the table runs. */
  scenario: Record<'draft' | 'undo' | 'submit' | 'approve' | 'reject' | 'reopen', string>;
}

interface Operation {
  query: string;
  variables: (world: World) => Record<string, unknown>;
  /** Roles of the organization that may run it; an outsider never may. */
  allowed: readonly OrganizationRole[] | 'PUBLIC' | 'SIGNED_IN';
  upload?: boolean;
  /** The error code an allowed caller gets when the arguments name nothing (past the guard, in the service). */
  allowedAnswer?: string;
}

const EVERY: readonly OrganizationRole[] = ORGANIZATION_ROLES;
const PEOPLE_CSV =
  'employee_id,name,title,manager_id\nE001,Ada Chief,Chief Executive Officer,\nE110,Manager 1,Engineering Manager,E001\n';

/** Every query and mutation of the schema, with who may run it. A new operation without a row fails the first test. */
const OPERATIONS: Record<string, Operation> = {
  me: { query: '{ me { displayName } }', variables: () => ({}), allowed: 'PUBLIC' },
  apiTokens: { query: '{ apiTokens { id } }', variables: () => ({}), allowed: 'SIGNED_IN' },
  organizations: { query: '{ organizations { id } }', variables: () => ({}), allowed: 'SIGNED_IN' },
  // Any account may ask; the service shows a job only to its requester, HR admins (imports) and owners.
  job: {
    query: 'query($id: ID!) { job(id: $id) { id } }',
    variables: () => ({ id: '00000000-0000-4000-8000-000000000000' }),
    allowed: 'SIGNED_IN',
    allowedAnswer: 'NOT_FOUND',
  },
  organization: {
    query: 'query($id: ID) { organization(id: $id) { id } }',
    variables: (w) => ({ id: w.organizationId }),
    allowed: EVERY,
  },
  snapshot: { query: 'query($id: ID!) { snapshot(id: $id) { id } }', variables: (w) => ({ id: w.snapshotId }), allowed: EVERY },
  positions: {
    query: 'query($s: ID!) { positions(snapshotId: $s) { totalCount } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: EVERY,
  },
  position: {
    query: 'query($id: ID!) { position(id: $id) { id } }',
    variables: (w) => ({ id: w.positionId.E111 }),
    allowed: EVERY,
  },
  roleDefinition: {
    query: 'query($id: ID!) { roleDefinition(positionId: $id) { purpose { status } totalReports } }',
    variables: (w) => ({ id: w.positionId.E111 }),
    allowed: EVERY,
  },
  setRolePurpose: {
    query:
      'mutation($id: ID!) { setRolePurpose(input: { positionId: $id, text: "Builds the product." }) { purpose { status } } }',
    variables: (w) => ({ id: w.positionId.E111 }),
    allowed: ['HR_ADMIN'],
  },
  subtree: {
    query: 'query($id: ID!) { subtree(positionId: $id) { id } }',
    variables: (w) => ({ id: w.positionId.E111 }),
    allowed: EVERY,
  },
  person: { query: 'query($id: ID) { person(id: $id) { name } }', variables: (w) => ({ id: w.personId.E111 }), allowed: EVERY },
  orgChart: {
    query: 'query($s: ID!) { orgChart(snapshotId: $s) { id } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: EVERY,
  },
  orgChartTop: {
    query: 'query($s: ID!) { orgChartTop(snapshotId: $s) { nodes { id } } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: EVERY,
  },
  orgChartChildren: {
    query: 'query($s: ID!, $p: ID!) { orgChartChildren(snapshotId: $s, positionId: $p) { totalCount } }',
    variables: (w) => ({ s: w.snapshotId, p: w.positionId.E111 }),
    allowed: EVERY,
  },
  orgChartSearch: {
    query: 'query($s: ID!) { orgChartSearch(snapshotId: $s, query: "Engineer") { totalCount } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: EVERY,
  },
  orgChartReveal: {
    query: 'query($s: ID!, $p: ID!) { orgChartReveal(snapshotId: $s, positionIds: [$p]) { id } }',
    variables: (w) => ({ s: w.snapshotId, p: w.positionId.E111 }),
    allowed: EVERY,
  },
  orgChartLeaders: {
    query: 'query($s: ID!) { orgChartLeaders(snapshotId: $s) { id } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: EVERY,
  },
  classificationQueue: {
    query: 'query($s: ID!) { classificationQueue(snapshotId: $s) { groupCount } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: ['HR_ADMIN'],
  },
  confirmValueLevels: {
    query: 'mutation($s: ID!) { confirmValueLevels(snapshotId: $s, confirmations: []) { confirmed } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: ['HR_ADMIN'],
    allowedAnswer: 'BAD_USER_INPUT',
  },
  members: {
    query: 'query($o: ID!) { members(organizationId: $o) { email role } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  addMember: {
    // Already a member: HR admins get CONFLICT (nothing changes), everyone else is refused first.
    query: 'mutation($o: ID!) { addMember(organizationId: $o, email: "viewer@acme.test", role: VIEWER) { role } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
    allowedAnswer: 'CONFLICT',
  },
  setMemberRole: {
    query:
      'mutation($o: ID!) { setMemberRole(organizationId: $o, accountId: "00000000-0000-4000-8000-000000000000", role: VIEWER) { role } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
    allowedAnswer: 'NOT_FOUND',
  },
  removeMember: {
    query: 'mutation($o: ID!) { removeMember(organizationId: $o, accountId: "00000000-0000-4000-8000-000000000000") }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
    allowedAnswer: 'NOT_FOUND',
  },
  signOutEverywhere: { query: 'mutation { signOutEverywhere }', variables: () => ({}), allowed: 'SIGNED_IN' },
  auditLog: {
    query: 'query($o: ID!) { auditLog(organizationId: $o) { totalCount } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  personData: {
    query: 'query($o: ID!) { personData(organizationId: $o, externalId: "E111") }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  erasePerson: {
    // Nobody has this id: HR admins get NOT_FOUND (and nobody is erased), everyone else is refused first.
    query: 'mutation($o: ID!) { erasePerson(organizationId: $o, externalId: "NOBODY") { auditEntriesRedacted } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
    allowedAnswer: 'NOT_FOUND',
  },
  policy: {
    query: 'query($o: ID!) { policy(organizationId: $o) { thresholds { spanMax } } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: EVERY,
  },
  findings: {
    query: 'query($s: ID!) { findings(snapshotId: $s) { totalCount } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  analysisSummary: {
    query: 'query($s: ID!) { analysisSummary(snapshotId: $s) { findingCount } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  snapshotDiff: {
    query: 'query($a: ID!, $b: ID!) { snapshotDiff(fromSnapshotId: $a, toSnapshotId: $b) { joiners { name } } }',
    variables: (w) => ({ a: w.snapshotId, b: w.snapshotId }),
    allowed: ['HR_ADMIN'],
  },
  scenarios: {
    query: 'query($o: ID!) { scenarios(organizationId: $o) { id } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  scenario: {
    query: 'query($id: ID!) { scenario(id: $id) { id } }',
    variables: (w) => ({ id: w.scenario.draft }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  scenarioScore: {
    query: 'query($id: ID!) { scenarioScore(id: $id) { findingCount { before after } } }',
    variables: (w) => ({ id: w.scenario.draft }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  compareScenarios: {
    query: 'query($o: ID!, $ids: [ID!]!) { compareScenarios(organizationId: $o, scenarioIds: $ids) { scenario { id } } }',
    variables: (w) => ({ o: w.organizationId, ids: [w.scenario.draft, w.scenario.undo] }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  createScenario: {
    query: 'mutation($s: ID!) { createScenario(snapshotId: $s, name: "What if") { id } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  addScenarioEdits: {
    query:
      'mutation($id: ID!) { addScenarioEdits(scenarioId: $id, edits: [{ kind: MOVE_RESPONSIBILITY, from: "E110", responsibility: "Build features", to: "E111", sharePct: 1 }]) { version } }',
    variables: (w) => ({ id: w.scenario.draft }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  undoScenarioEdit: {
    query: 'mutation($id: ID!) { undoScenarioEdit(scenarioId: $id) { version } }',
    variables: (w) => ({ id: w.scenario.undo }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  updateScenario: {
    query: 'mutation($id: ID!) { updateScenario(scenarioId: $id, name: "Renamed") { name } }',
    variables: (w) => ({ id: w.scenario.draft }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  submitScenario: {
    // Submitting a proposed scenario again changes nothing: the leader's turn after HR's succeeds too.
    query: 'mutation($id: ID!) { submitScenario(scenarioId: $id) { status } }',
    variables: (w) => ({ id: w.scenario.submit }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  approveScenario: {
    query: 'mutation($id: ID!) { approveScenario(scenarioId: $id, note: "go") { status } }',
    variables: (w) => ({ id: w.scenario.approve }),
    allowed: ['HR_ADMIN'],
  },
  rejectScenario: {
    query: 'mutation($id: ID!) { rejectScenario(scenarioId: $id) { status } }',
    variables: (w) => ({ id: w.scenario.reject }),
    allowed: ['HR_ADMIN'],
  },
  reopenScenario: {
    query: 'mutation($id: ID!) { reopenScenario(scenarioId: $id) { status } }',
    variables: (w) => ({ id: w.scenario.reopen }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  scenarioTracking: {
    // Runs after approveScenario: the approved plan tracked against its own snapshot.
    query: 'query($id: ID!, $s: ID) { scenarioTracking(id: $id, snapshotId: $s) { done } }',
    variables: (w) => ({ id: w.scenario.approve, s: w.snapshotId }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  rebaseScenario: {
    // Acme has one snapshot: an allowed caller is told the scenario is already on it.
    query: 'mutation($id: ID!) { rebaseScenario(scenarioId: $id) { version } }',
    variables: (w) => ({ id: w.scenario.draft }),
    allowed: ['HR_ADMIN', 'LEADER'],
    allowedAnswer: 'BAD_USER_INPUT',
  },
  planDelegation: {
    // No such finding: allowed callers get NOT_FOUND (the real plan is in scenarios.integration-spec.ts).
    query: 'mutation($s: ID!) { planDelegation(snapshotId: $s, findingKey: "DELEGATION_GAP:NOBODY:x") { id } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: ['HR_ADMIN', 'LEADER'],
    allowedAnswer: 'NOT_FOUND',
  },
  createApiToken: {
    query: 'mutation { createApiToken(name: "t", days: 1) { token } }',
    variables: () => ({}),
    allowed: 'SIGNED_IN',
  },
  revokeApiToken: {
    // Nobody owns this token: every signed-in caller gets NOT_FOUND, the anonymous UNAUTHENTICATED.
    query: 'mutation { revokeApiToken(id: "00000000-0000-4000-8000-000000000000") }',
    variables: () => ({}),
    allowed: 'SIGNED_IN',
    allowedAnswer: 'NOT_FOUND',
  },
  leadersToReview: {
    query: 'query($s: ID!) { leadersToReview(snapshotId: $s) { totalCount } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  findingHistory: {
    query: 'query($s: ID!, $k: String!) { findingHistory(snapshotId: $s, key: $k) { decisions { status } } }',
    variables: (w) => ({ s: w.snapshotId, k: w.findingKeyIn }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  actions: {
    query: 'query($s: ID!) { actions(snapshotId: $s) { totalCount } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  setActionStatus: {
    query: 'mutation($id: ID!) { setActionStatus(id: $id, status: IN_PROGRESS) { status } }',
    variables: (w) => ({ id: w.actionIdIn }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  reviewFinding: {
    query: 'mutation($s: ID!, $k: String!) { reviewFinding(snapshotId: $s, key: $k, status: ACCEPTED, note: "ok") { key } }',
    variables: (w) => ({ s: w.snapshotId, k: w.findingKeyIn }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  gradeTiers: {
    query: 'query($o: ID!) { gradeTiers(organizationId: $o) { grade tier source } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  setGradeTiers: {
    query:
      'mutation($o: ID!) { setGradeTiers(organizationId: $o, input: { grades: [{ grade: "G7", tier: MANAGER }] }) { grade tier } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  updatePolicy: {
    query:
      'mutation($o: ID!) { updatePolicy(organizationId: $o, policy: { thresholds: { spanMax: 9 } }) { thresholds { spanMax } } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  queueReanalysis: {
    query: 'mutation($o: ID!) { queueReanalysis(organizationId: $o) { id } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  setTierOverride: {
    query: 'mutation($o: ID!) { setTierOverride(organizationId: $o, externalId: "E111", tier: IC) }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  setValueLevelOverride: {
    query:
      'mutation($o: ID!) { setValueLevelOverride(organizationId: $o, employeeId: "E111", responsibility: "Build features", valueLevel: IMPLEMENTATION) }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  createOrganization: {
    query: 'mutation { createOrganization(name: "Acme") { id } }',
    variables: () => ({}),
    allowed: ['HR_ADMIN'],
  },
  previewImport: {
    query: 'mutation($people: Upload!) { previewImport(organizationName: "Acme", people: $people) { ok } }',
    variables: () => ({ people: null }),
    allowed: ['HR_ADMIN'],
    upload: true,
  },
  activityDictionary: {
    query: 'query($o: ID!) { activityDictionary(organizationId: $o) { version { id } functions { key } } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: EVERY,
  },
  dictionaryActivities: {
    query: 'query($o: ID!, $v: ID!) { dictionaryActivities(organizationId: $o, versionId: $v, first: 5) { totalCount } }',
    variables: (w) => ({ o: w.organizationId, v: w.dictionaryVersionId }),
    allowed: EVERY,
  },
  dictionaryVersions: {
    query: 'query($o: ID!) { dictionaryVersions(organizationId: $o) { totalCount } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: EVERY,
  },
  suggestActivityLevel: {
    query: 'query($o: ID!) { suggestActivityLevel(organizationId: $o, label: "Set the product strategy") { level } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  addDictionaryEntry: {
    query:
      'mutation($o: ID!) { addDictionaryEntry(organizationId: $o, entry: { parentKey: "MGT-01", label: "Run skip-levels", valueLevel: UNIFICATION }) { id } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  updateDictionaryEntry: {
    query:
      'mutation($o: ID!) { updateDictionaryEntry(organizationId: $o, key: "ENG-01-01", changes: { label: "Write code" }) { id } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  removeDictionaryEntry: {
    query: 'mutation($o: ID!) { removeDictionaryEntry(organizationId: $o, key: "LEG-03-04") { id } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  copyStarterDictionary: {
    query: 'mutation($o: ID!) { copyStarterDictionary(organizationId: $o) { id } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  importDictionary: {
    // The upload is the people file: a dictionary import that reports its missing columns, changing nothing.
    query: 'mutation($o: ID!, $people: Upload!) { importDictionary(organizationId: $o, file: $people, dryRun: true) { ok } }',
    variables: (w) => ({ o: w.organizationId, people: null }),
    allowed: ['HR_ADMIN'],
    upload: true,
  },
  commitImport: {
    query:
      'mutation($people: Upload!) { commitImport(organizationName: "Acme", people: $people, options: { asOf: "2020-01-01" }) { ok } }',
    variables: () => ({ people: null }),
    allowed: ['HR_ADMIN'],
    upload: true,
  },
  surveyCampaigns: {
    query: 'query($o: ID!) { surveyCampaigns(organizationId: $o) { totalCount } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  surveyCampaign: {
    query: 'query($id: ID!) { surveyCampaign(id: $id) { participantCount } }',
    variables: (w) => ({ id: w.campaignId }),
    allowed: ['HR_ADMIN'],
  },
  surveyProgress: {
    query: 'query($c: ID!) { surveyProgress(campaignId: $c) { invited byManager { label } } }',
    variables: (w) => ({ c: w.campaignId }),
    allowed: ['HR_ADMIN'],
  },
  surveyMissing: {
    query: 'query($c: ID!) { surveyMissing(campaignId: $c) { totalCount nodes { name } } }',
    variables: (w) => ({ c: w.campaignId }),
    allowed: ['HR_ADMIN'],
  },
  createSurveyCampaign: {
    // Its window has already closed: HR admins get BAD_USER_INPUT (nothing is created), everyone else is refused first.
    query: `mutation($input: CreateSurveyCampaignInput!) { createSurveyCampaign(input: $input) { id } }`,
    variables: (w) => ({
      input: {
        organizationId: w.organizationId,
        name: 'Late',
        baseSnapshotId: w.snapshotId,
        scope: 'ORGANIZATION',
        defaultMode: 'SELF',
        opensAt: '2020-01-01T00:00:00Z',
        closesAt: '2020-02-01T00:00:00Z',
      },
    }),
    allowed: ['HR_ADMIN'],
    allowedAnswer: 'BAD_USER_INPUT',
  },
  issueSurveyInvitations: {
    query: 'mutation($c: ID!) { issueSurveyInvitations(campaignId: $c, delivery: CSV) { issued } }',
    variables: (w) => ({ c: w.campaignId }),
    allowed: ['HR_ADMIN'],
  },
  surveyTemplateTeams: {
    query: 'query($c: ID!) { surveyTemplateTeams(campaignId: $c) { leaderEmployeeId members } }',
    variables: (w) => ({ c: w.campaignId }),
    allowed: ['HR_ADMIN'],
  },
  uploadSurveyTemplate: {
    // The upload is the people file: not a workbook, refused with an error, nothing taken.
    query: 'mutation($c: ID!, $people: Upload!) { uploadSurveyTemplate(campaignId: $c, file: $people, dryRun: true) { ok } }',
    variables: (w) => ({ c: w.campaignId, people: null }),
    allowed: ['HR_ADMIN'],
    upload: true,
  },
  closeSurveyCampaign: {
    // Not open yet: HR admins get BAD_USER_INPUT and nothing is closed.
    query: 'mutation($c: ID!) { closeSurveyCampaign(campaignId: $c) { snapshotVersion } }',
    variables: (w) => ({ c: w.futureCampaignId }),
    allowed: ['HR_ADMIN'],
    allowedAnswer: 'BAD_USER_INPUT',
  },
  queueSurveyClose: {
    // Not open yet: HR admins get BAD_USER_INPUT and nothing is queued.
    query: 'mutation($c: ID!) { queueSurveyClose(campaignId: $c) { id } }',
    variables: (w) => ({ c: w.futureCampaignId }),
    allowed: ['HR_ADMIN'],
    allowedAnswer: 'BAD_USER_INPUT',
  },
  // Participants open their forms signed in or with a personal link; a link that is not one is refused for everyone alike.
  surveyForms: {
    query: 'query { surveyForms(invitation: "rsv_not-a-link") { responseId } }',
    variables: () => ({}),
    allowed: 'PUBLIC',
    allowedAnswer: 'UNAUTHENTICATED',
  },
  surveyForm: {
    query:
      'query { surveyForm(responseId: "00000000-0000-4000-8000-000000000000", invitation: "rsv_not-a-link") { responseId } }',
    variables: () => ({}),
    allowed: 'PUBLIC',
    allowedAnswer: 'UNAUTHENTICATED',
  },
  surveyActivities: {
    query:
      'query { surveyActivities(responseId: "00000000-0000-4000-8000-000000000000", invitation: "rsv_not-a-link") { versionId } }',
    variables: () => ({}),
    allowed: 'PUBLIC',
    allowedAnswer: 'UNAUTHENTICATED',
  },
  saveSurveyAnswers: {
    query:
      'mutation { saveSurveyAnswers(responseId: "00000000-0000-4000-8000-000000000000", answers: { lines: [] }, invitation: "rsv_not-a-link") { status } }',
    variables: () => ({}),
    allowed: 'PUBLIC',
    allowedAnswer: 'UNAUTHENTICATED',
  },
  submitSurveyAnswers: {
    query:
      'mutation { submitSurveyAnswers(responseId: "00000000-0000-4000-8000-000000000000", answers: { lines: [] }, invitation: "rsv_not-a-link") { status } }',
    variables: () => ({}),
    allowed: 'PUBLIC',
    allowedAnswer: 'UNAUTHENTICATED',
  },
};

const WHO: readonly Who[] = [...ORGANIZATION_ROLES, 'OUTSIDER', 'ANONYMOUS'];

/** The leader's scenarios the table acts on, each at the step its operation starts from. */
async function leaderScenarios(api: TestApp, leader: Caller, snapshotId: string): Promise<World['scenario']> {
  const service = api.app.get(ScenariosService);
  const move = (sharePct: number) => ({
    kind: 'MOVE_RESPONSIBILITY',
    from: 'E110',
    responsibility: 'Build features',
    to: 'E112',
    sharePct,
  });
  const made = async (name: string, edits: number, proposed: boolean) => {
    const scenario = await service.create(leader, snapshotId, { name });
    if (edits > 0)
      await service.addEdits(
        leader,
        scenario.id,
        Array.from({ length: edits }, () => move(1)),
      );
    if (proposed) await service.submit(leader, scenario.id);
    return scenario.id;
  };
  return {
    draft: await made('Draft', 0, false),
    undo: await made('Undo', 2, false),
    submit: await made('Submit', 1, false),
    approve: await made('Approve', 1, true),
    reject: await made('Reject', 1, true),
    reopen: await made('Reopen', 1, true),
  };
}

function mayRun(operation: Operation, who: Who): boolean {
  if (operation.allowed === 'PUBLIC') return true;
  if (who === 'ANONYMOUS') return false;
  if (operation.allowed === 'SIGNED_IN') return true;
  return who !== 'OUTSIDER' && operation.allowed.includes(who);
}

describe('who may do what: every operation for every role, the leader scope and sensitive fields (PostgreSQL)', () => {
  let api: TestApp;
  let world: World;
  const tokens = {} as Record<Who, string | null>;

  const as = <T = Record<string, any>>(who: Who, query: string, variables: Record<string, unknown> = {}) =>
    api.graphql<T>(query, variables, { token: tokens[who] });

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    const dataSource = api.app.get(DataSource);
    const { organization, snapshot, data } = await seedSmallOrganization(dataSource, 'Acme', true);
    const other = await seedSmallOrganization(dataSource, 'Other Co', true);
    const accounts = api.app.get(AccountsService);
    const callers = {} as Record<Who, Caller>;
    const people: Record<Who, string | null> = {
      HR_ADMIN: null,
      LEADER: 'E110',
      EMPLOYEE: 'E111',
      VIEWER: null,
      OUTSIDER: null,
      ANONYMOUS: null,
    };
    for (const who of WHO) {
      if (who === 'ANONYMOUS') {
        tokens[who] = null;
        continue;
      }
      const account = await accounts.create(LOCAL_OPERATOR, { email: `${who.toLowerCase()}@acme.test`, displayName: who });
      if (who !== 'OUTSIDER') await accounts.grant(LOCAL_OPERATOR, account.id, organization.id, who, people[who]);
      callers[who] = await accounts.callerOf(account, 'api-token');
      tokens[who] = (await accounts.createApiToken(callers[who], 'tests', 1)).token;
    }
    const positionId = Object.fromEntries(data.positions.map((p) => [p.externalId, p.id]));
    const personId = Object.fromEntries(data.people.map((p) => [p.employeeId, p.id]));
    const findings = await api.graphql<{ findings: { nodes: { key: string; employeeId: string }[] } }>(
      'query($s: ID!) { findings(snapshotId: $s) { nodes { key employeeId } } }',
      { s: snapshot.id },
    );
    const nodes = findings.data!.findings.nodes;
    await api.app.get(DictionaryService).copyStarter(LOCAL_OPERATOR, organization.id);
    const campaigns = api.app.get(CampaignsService);
    const campaignOf = (opensInDays: number) =>
      campaigns.create(LOCAL_OPERATOR, {
        organizationId: organization.id,
        name: `Survey ${opensInDays}`,
        baseSnapshotId: snapshot.id,
        scope: { kind: 'SUBTREE', value: 'E110' },
        defaultMode: 'BOTH',
        opensAt: new Date(Date.now() + opensInDays * 86_400_000 - 3_600_000),
        closesAt: new Date(Date.now() + (opensInDays + 7) * 86_400_000),
      });
    const inLeaderTree = new Set(['E110', 'E111', 'E112', 'E113', 'E114']);
    const findingKeyIn = nodes.find((node) => inLeaderTree.has(node.employeeId))!.key;
    const findingKeyOutside = nodes.find((node) => !inLeaderTree.has(node.employeeId))!.key;
    const accept = async (key: string) => {
      const accepted = await api.graphql<{ reviewFinding: { action: { id: string } } }>(
        'mutation($s: ID!, $k: String!) { reviewFinding(snapshotId: $s, key: $k, status: ACCEPTED) { action { id } } }',
        { s: snapshot.id, k: key },
      );
      return accepted.data!.reviewFinding.action.id;
    };
    world = {
      organizationId: organization.id,
      snapshotId: snapshot.id,
      otherSnapshotId: other.snapshot.id,
      positionId,
      personId,
      dictionaryVersionId: (await api.app.get(DictionaryService).copyStarter(LOCAL_OPERATOR, organization.id)).version.id,
      findingKeyIn,
      findingKeyOutside,
      actionIdIn: await accept(findingKeyIn),
      actionIdOutside: await accept(findingKeyOutside),
      campaignId: (await campaignOf(0)).id,
      futureCampaignId: (await campaignOf(30)).id,
      scenario: await leaderScenarios(api, callers.LEADER, snapshot.id),
    };
  });
  afterAll(() => api?.close());

  it('has a rule for every query and mutation of the schema', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const operations = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()!.getFields()),
    ];
    expect(Object.keys(OPERATIONS).sort()).toEqual(operations.sort());
  });

  const cases = Object.keys(OPERATIONS).flatMap((name) => WHO.map((who) => [name, who] as const));
  it.each(cases)('%s as %s: allowed or refused as the rules say', async (name, who) => {
    const operation = OPERATIONS[name];
    const result: GraphqlResult<unknown> = operation.upload
      ? await api.upload(
          operation.query,
          operation.variables(world),
          { people: { name: 'people.csv', content: PEOPLE_CSV } },
          { token: tokens[who] },
        )
      : await as(who, operation.query, operation.variables(world));
    const code = result.errors?.[0]?.extensions?.code;
    if (!mayRun(operation, who)) {
      expect(code).toBe(who === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    } else if (operation.allowedAnswer) {
      expect(code).toBe(operation.allowedAnswer);
    } else {
      expect(result.errors).toBeUndefined();
    }
  });

  it('shows a leader their own subtree and nothing above or beside it, whichever query asks', async () => {
    const w = world;
    const page = await as(
      'LEADER',
      'query($s: ID!) { positions(snapshotId: $s, first: 100) { totalCount nodes { externalId } } }',
      {
        s: w.snapshotId,
      },
    );
    expect(page.data?.positions.totalCount).toBe(5);
    expect(page.data?.positions.nodes.map((n: { externalId: string }) => n.externalId).sort()).toEqual([
      'E110',
      'E111',
      'E112',
      'E113',
      'E114',
    ]);
    const ceo = await as('LEADER', 'query($id: ID!) { position(id: $id) { id } }', { id: w.positionId.E001 });
    expect(ceo.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const peer = await as('LEADER', 'query($s: ID, $e: String) { person(snapshotId: $s, employeeId: $e) { name } }', {
      s: w.snapshotId,
      e: 'E121',
    });
    expect(peer.data).toEqual({ person: null });
    expect(
      (await as('LEADER', 'query($id: ID) { person(id: $id) { name } }', { id: w.personId.E121 })).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
    // Walking up from the leader's own position stops at the edge of the scope.
    const up = await as('LEADER', 'query($id: ID!) { position(id: $id) { reportsTo { id } directReports { externalId } } }', {
      id: w.positionId.E110,
    });
    expect(up.data?.position.reportsTo).toBeNull();
    expect(up.data?.position.directReports).toHaveLength(4);
    const chart = await as('LEADER', 'query($s: ID!) { orgChart(snapshotId: $s) { employeeId parentId } }', { s: w.snapshotId });
    expect(chart.data?.orgChart).toHaveLength(5);
    expect(chart.data?.orgChart.find((n: { employeeId: string }) => n.employeeId === 'E110').parentId).toBeNull();
    const findings = await as('LEADER', 'query($s: ID!) { findings(snapshotId: $s) { nodes { employeeId } } }', {
      s: w.snapshotId,
    });
    for (const node of findings.data?.findings.nodes ?? [])
      expect(['E110', 'E111', 'E112', 'E113', 'E114']).toContain(node.employeeId);
    // Asking for another leader's subtree gives nothing of it.
    const otherLeader = await as(
      'LEADER',
      'query($s: ID!, $l: ID) { findings(snapshotId: $s, filter: { leaderPositionId: $l }) { totalCount } }',
      {
        s: w.snapshotId,
        l: w.positionId.E120,
      },
    );
    expect(otherLeader.data?.findings.totalCount).toBe(0);
    const review = await as(
      'LEADER',
      'mutation($s: ID!, $k: String!) { reviewFinding(snapshotId: $s, key: $k, status: DISMISSED) { key } }',
      {
        s: w.snapshotId,
        k: w.findingKeyOutside,
      },
    );
    expect(review.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Actions and decision histories follow the same scope.
    const actions = await as('LEADER', 'query($s: ID!) { actions(snapshotId: $s) { nodes { id subjectName } } }', {
      s: w.snapshotId,
    });
    const actionIds = (actions.data?.actions.nodes ?? []).map((node: { id: string }) => node.id);
    expect(actionIds).not.toContain(w.actionIdOutside);
    const outsideAction = await as('LEADER', 'mutation($id: ID!) { setActionStatus(id: $id, status: DONE) { status } }', {
      id: w.actionIdOutside,
    });
    expect(outsideAction.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const outsideHistory = await as(
      'LEADER',
      'query($s: ID!, $k: String!) { findingHistory(snapshotId: $s, key: $k) { decisions { status } } }',
      { s: w.snapshotId, k: w.findingKeyOutside },
    );
    expect(outsideHistory.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const toReview = await as('LEADER', 'query($s: ID!) { leadersToReview(snapshotId: $s) { nodes { employeeId } } }', {
      s: w.snapshotId,
    });
    for (const node of toReview.data?.leadersToReview.nodes ?? []) {
      expect(['E110', 'E111', 'E112', 'E113', 'E114']).toContain(node.employeeId);
    }
    // Within their subtree a leader sees ratings.
    const rating = await as('LEADER', 'query($id: ID!) { position(id: $id) { assignment { performanceRating } } }', {
      id: w.positionId.E111,
    });
    expect(rating.data?.position.assignment.performanceRating).toBe(4);
  });

  it("opens the lazy chart at a leader's own post and never beyond their subtree", async () => {
    const w = world;
    const subtree = ['E110', 'E111', 'E112', 'E113', 'E114'];
    const top = await as('LEADER', 'query($s: ID!) { orgChartTop(snapshotId: $s, depth: 4) { nodes { employeeId parentId } } }', {
      s: w.snapshotId,
    });
    const nodes: { employeeId: string; parentId: string | null }[] = top.data?.orgChartTop.nodes ?? [];
    expect(nodes.map((node) => node.employeeId).sort()).toEqual(subtree);
    expect(nodes.find((node) => node.employeeId === 'E110')?.parentId).toBeNull();
    const above = await as(
      'LEADER',
      'query($s: ID!, $p: ID!) { orgChartChildren(snapshotId: $s, positionId: $p) { totalCount } }',
      {
        s: w.snapshotId,
        p: w.positionId.E001,
      },
    );
    expect(above.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const rooted = await as(
      'LEADER',
      'query($s: ID!, $r: ID) { orgChartTop(snapshotId: $s, rootPositionId: $r) { nodes { id } } }',
      {
        s: w.snapshotId,
        r: w.positionId.E120,
      },
    );
    expect(rooted.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const search = await as(
      'LEADER',
      'query($s: ID!) { orgChartSearch(snapshotId: $s, query: "E", first: 100) { totalCount hits { employeeId } nodes { employeeId } } }',
      { s: w.snapshotId },
    );
    for (const node of [...(search.data?.orgChartSearch.hits ?? []), ...(search.data?.orgChartSearch.nodes ?? [])]) {
      expect(subtree).toContain(node.employeeId);
    }
    const reveal = await as(
      'LEADER',
      'query($s: ID!, $p: [ID!]!) { orgChartReveal(snapshotId: $s, positionIds: $p) { employeeId } }',
      {
        s: w.snapshotId,
        p: [w.positionId.E121, w.positionId.E112],
      },
    );
    for (const node of reveal.data?.orgChartReveal ?? []) expect(subtree).toContain(node.employeeId);
    const leaders = await as('LEADER', 'query($s: ID!) { orgChartLeaders(snapshotId: $s) { id } }', { s: w.snapshotId });
    expect(leaders.data?.orgChartLeaders).toEqual([{ id: w.positionId.E110 }]);
  });

  it('shows an employee their own role only, without their rating or findings', async () => {
    const page = await as(
      'EMPLOYEE',
      'query($s: ID!) { positions(snapshotId: $s) { totalCount nodes { externalId assignment { performanceRating } findings { key } } } }',
      {
        s: world.snapshotId,
      },
    );
    expect(page.data?.positions).toEqual({
      totalCount: 1,
      nodes: [{ externalId: 'E111', assignment: { performanceRating: null }, findings: [] }],
    });
    const subtree = await as('EMPLOYEE', 'query($id: ID!) { subtree(positionId: $id) { id } }', { id: world.positionId.E111 });
    expect(subtree.data?.subtree).toHaveLength(1);
    expect(
      (await as('EMPLOYEE', 'query($id: ID!) { position(id: $id) { id } }', { id: world.positionId.E110 })).errors?.[0].extensions
        ?.code,
    ).toBe('NOT_FOUND');
  });

  it('shows a viewer the whole chart without ratings, findings or pigeonholing flags', async () => {
    const page = await as(
      'VIEWER',
      'query($s: ID!) { positions(snapshotId: $s, first: 100) { totalCount nodes { holder { assignment { performanceRating } } findings { key } } } }',
      {
        s: world.snapshotId,
      },
    );
    expect(page.data?.positions.totalCount).toBe(16);
    for (const node of page.data?.positions.nodes ?? []) {
      expect(node.holder.assignment.performanceRating).toBeNull();
      expect(node.findings).toEqual([]);
    }
    const chart = await as('VIEWER', 'query($s: ID!) { orgChart(snapshotId: $s) { badges openFindings } }', {
      s: world.snapshotId,
    });
    expect(chart.data?.orgChart).toHaveLength(16);
    for (const node of chart.data?.orgChart ?? []) expect(node).toEqual({ badges: [], openFindings: 0 });
    const lazy = await as(
      'VIEWER',
      'query($s: ID!) { orgChartTop(snapshotId: $s, depth: 4) { nodes { badges openFindings subtreeFindings subtreeBadges } } }',
      { s: world.snapshotId },
    );
    expect(lazy.data?.orgChartTop.nodes).toHaveLength(16);
    for (const node of lazy.data?.orgChartTop.nodes ?? []) {
      expect(node).toEqual({ badges: [], openFindings: 0, subtreeFindings: 0, subtreeBadges: [] });
    }
    // The HR admin sees the same fields filled in.
    const hr = await as(
      'HR_ADMIN',
      'query($s: ID!) { orgChart(snapshotId: $s) { openFindings } positions(snapshotId: $s, first: 100) { nodes { assignment { performanceRating } } } }',
      {
        s: world.snapshotId,
      },
    );
    expect(hr.data?.orgChart.some((node: { openFindings: number }) => node.openFindings > 0)).toBe(true);
    expect(
      hr.data?.positions.nodes.every(
        (node: { assignment: { performanceRating: number } }) => node.assignment.performanceRating === 4,
      ),
    ).toBe(true);
  });

  it('keeps each organization to its own members', async () => {
    const crossing = await as('HR_ADMIN', 'query($s: ID!) { positions(snapshotId: $s) { totalCount } }', {
      s: world.otherSnapshotId,
    });
    expect(crossing.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as('HR_ADMIN', '{ organizations { name } }')).data).toEqual({ organizations: [{ name: 'Acme' }] });
    expect((await as('OUTSIDER', '{ organizations { name } }')).data).toEqual({ organizations: [] });
    const creating = await as('HR_ADMIN', 'mutation { createOrganization(name: "Brand New Co") { id } }');
    expect(creating.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/owner/) });
    expect((await api.graphql('{ organizations { name } }')).data?.organizations).toEqual([
      { name: 'Acme' },
      { name: 'Other Co' },
    ]);
  });

  it.each<[Who, string, number]>([
    ['HR_ADMIN', 'summary?format=md', 200],
    ['LEADER', 'delegation?format=md&employeeId=E110', 200],
    ['LEADER', 'role?format=md&employeeId=E111', 200],
    ['LEADER', 'role?format=md&employeeId=E121', 404],
    ['LEADER', 'summary?format=md', 403],
    ['EMPLOYEE', 'role?format=md&employeeId=E111', 403],
    ['VIEWER', 'summary?format=md', 403],
    ['OUTSIDER', 'summary?format=md', 403],
    ['ANONYMOUS', 'summary?format=md', 401],
  ])('report download as %s (%s) answers %i', async (who, path, status) => {
    const token = tokens[who];
    const response = await fetch(`${api.url}/api/organizations/${world.organizationId}/reports/${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    expect(response.status).toBe(status);
  });
});
