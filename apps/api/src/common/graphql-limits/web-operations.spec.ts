import fs from 'node:fs';
import path from 'node:path';
import { type DefinitionNode, Kind, type OperationDefinitionNode, parse, print, visit } from 'graphql';
import { findRepoRoot } from '@rolemap/server-core';
import { DEFAULT_GRAPHQL_LIMITS } from '@rolemap/server-core';
import { queryComplexity } from './query-complexity';
import { committedSchema, LIMIT_CODES, type LimitsServer, startLimitsServer } from './testing/limits-server';

const WEB_SOURCE = path.join(findRepoRoot(), 'apps/web/src');
const ID = '0195f3a4-5b6c-7d8e-9f01-23456789abcd';

/**
 * Variables as the web app sends them (see the hooks of each web module), beyond ids:
 * for paged queries the largest page it asks for. Every Int variable of a web operation must be
 * listed, so a new paged query is checked at the size it really uses.
 */
const WEB_VARIABLES: Record<string, Record<string, unknown>> = {
  LeaderFindings: { first: 1000, filter: { leaderPositionId: ID } },
  // The lazy chart (shared/hooks/useLazyChart.ts): "expand all" asks for 4 levels, a team comes
  // in pages of 500, the highlights reveal up to 100 positions at a time.
  OrgChartTop: { depth: 4, rootPositionId: null },
  OrgChartChildren: { first: 500, after: null },
  OrgChartSearch: { query: 'engineer', first: 20 },
  OrgChartReveal: { positionIds: Array.from({ length: 100 }, () => ID) },
  OrgChartLeaders: { query: 'director sales', first: 50 },
  LeaderDelegationChains: { first: 300, leaderPositionId: ID },
  LeaderDottedLineReports: { positionId: ID },
  PreviewImport: { people: 'people.csv', responsibilities: 'responsibilities.csv', options: { asOf: '2026-01-31' } },
  CommitImport: { people: 'people.csv', responsibilities: 'responsibilities.csv', options: { asOf: '2026-01-31' } },
  UpdatePolicy: { policy: { thresholds: { spanMax: 12 } } },
  ReviewFinding: {
    status: 'ACCEPTED',
    note: 'Agreed with the leader',
    action: { owner: 'Dana Reyes', dueOn: '2027-01-31', step: 'DELEGATE', delegateTo: 'Sam Lee' },
  },
  // The review's landing list shows the 50 leaders most in need; a team's actions come 500 at a time.
  LeadersToReview: { first: 50 },
  Actions: { first: 500, leaderPositionId: ID, statuses: ['OPEN', 'IN_PROGRESS'], overdueOnly: false },
  SetActionStatus: { status: 'DONE', note: 'Handed over' },
  AddScenarioEdits: {
    edits: [{ kind: 'MOVE_RESPONSIBILITY', from: ID, responsibility: 'Weekly report', to: ID, sharePct: 10 }],
    expectedVersion: 3,
  },
  // A scenario's version guards every edit (optimistic concurrency).
  UndoScenarioEdit: { expectedVersion: 3 },
  SubmitScenario: { expectedVersion: 3 },
  ApproveScenario: { expectedVersion: 3 },
  RejectScenario: { expectedVersion: 3 },
  ReopenScenario: { expectedVersion: 3 },
  RebaseScenario: { expectedVersion: 3 },
  QueueSurveyClose: { nonRespondents: 'KEEP_PREVIOUS' },
  SetRolePurpose: { input: { positionId: ID, appliesTo: 'TITLE', text: 'Leads the platform teams.' } },
  // The grades page saves its whole table at once.
  SetGradeTiers: { grades: Array.from({ length: 200 }, (_, i) => ({ grade: `G${i}`, tier: 'MANAGER' })) },
  SetTierOverride: { tier: 'MANAGER' },
  SetValueLevelOverride: { valueLevel: 'LEADERSHIP' },
  // The queue page asks for its first 200 wordings; a bulk confirm sends as many.
  ClassificationQueue: { first: 200, offset: 0 },
  // The account pages (modules/account): a token for up to a year; the audit log in pages of 50 with every action ticked.
  CreateApiToken: { name: 'laptop CLI', days: 366 },
  AddMember: { email: 'new.person@example.com', displayName: 'New Person', role: 'LEADER', personExternalId: 'E110' },
  SetMemberRole: { role: 'EMPLOYEE', personExternalId: 'E111' },
  AuditLog: {
    first: 50,
    offset: 5000,
    filter: {
      actions: [
        'sign-in',
        'sign-in-failed',
        'sign-out',
        'role-change',
        'import',
        'policy-edit',
        'override',
        'review',
        'export',
        'privacy-export',
        'erasure',
        'organization-export',
        'organization-import',
      ],
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-12-31T23:59:59.999Z',
    },
  },
  // The dictionary page lists activities 100 to a page; imports send one file.
  DictionaryActivities: { first: 100, offset: 0, search: 'plan the team', functionKey: 'MGT' },
  ImportDictionary: { file: 'dictionary.csv', dryRun: true },
  UpdateDictionaryEntry: { key: 'MGT-01-01', changes: { label: 'Hold weekly 1:1s', description: '', valueLevel: 'UNIFICATION' } },
  AddDictionaryEntry: { entry: { parentKey: 'MGT-01', label: 'Run skip-level meetings', valueLevel: null } },
  ConfirmValueLevels: {
    confirmations: Array.from({ length: 200 }, (_, i) => ({ key: `look after account ${i}`, level: 'COMMUNICATION' })),
  },
  // Surveys: HR's list and the missing list a page at a time; a form holds at most 60 activities.
  SurveyCampaigns: { first: 50, offset: 0 },
  SurveyProgress: { first: 100, offset: 0 },
  SaveSurveyAnswers: {
    answers: { weeklyHours: 40, lines: Array.from({ length: 60 }, () => ({ activityId: ID, sharePct: 1.5 })) },
  },
  SubmitSurveyAnswers: {
    answers: { weeklyHours: 40, lines: Array.from({ length: 60 }, () => ({ activityId: ID, sharePct: 1.5 })) },
  },
  CreateSurveyCampaign: {
    input: {
      organizationId: ID,
      name: 'Autumn survey',
      baseSnapshotId: ID,
      scope: 'DEPARTMENT',
      scopeValue: 'Engineering',
      defaultMode: 'BOTH',
      opensAt: '2026-12-01T00:00:00Z',
      closesAt: '2026-12-15T23:59:59Z',
      minTotalPct: 95,
      maxTotalPct: 105,
    },
  },
  IssueSurveyInvitations: { delivery: 'CSV', reminder: false },
  // The offline route: the campaign's teams (one row per manager), and one filled-in workbook sent back.
  SurveyTemplateTeams: {},
  UploadSurveyTemplate: { file: 'survey-team-E1001.xlsx', dryRun: false },
  CloseSurveyCampaign: { nonRespondents: 'KEEP_PREVIOUS' },
};

/** Every `graphql(`…`)` document in the web app's source, as codegen finds them. */
function webDefinitions(): DefinitionNode[] {
  const definitions: DefinitionNode[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'gql') walk(file);
      } else if (/\.tsx?$/.test(entry.name)) {
        for (const match of fs.readFileSync(file, 'utf8').matchAll(/graphql\(\s*`([^`]*)`\s*\)/g)) {
          definitions.push(...parse(match[1]).definitions);
        }
      }
    }
  };
  walk(WEB_SOURCE);
  return definitions;
}

/** Each operation with the fragments it spreads (directly or not), as the generated client sends it. */
function webOperations(): { name: string; text: string; operation: OperationDefinitionNode }[] {
  const definitions = webDefinitions();
  const fragments = new Map(
    definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  );
  return definitions.flatMap((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION) return [];
    const needed = new Set<string>();
    const collect = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          if (needed.has(spread.name.value)) return;
          needed.add(spread.name.value);
          collect(fragments.get(spread.name.value)!);
        },
      });
    collect(definition);
    const text = [definition, ...[...needed].map((name) => fragments.get(name)!)].map((node) => print(node)).join('\n\n');
    return [{ name: definition.name?.value ?? '(anonymous)', text, operation: definition }];
  });
}

/** Placeholder values of the right type for the variables the cost does not depend on. */
function variablesFor(operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const typeName = print(definition.type).replace(/[[\]!]/g, '');
    variables[definition.variable.name.value] = typeName === 'ID' || typeName === 'String' ? ID : undefined;
  }
  return { ...variables, ...WEB_VARIABLES[operation.name?.value ?? ''] };
}

describe('every operation the web app sends stays within the GraphQL limits', () => {
  const operations = webOperations();
  let server: LimitsServer;
  beforeAll(async () => {
    server = await startLimitsServer();
  });
  afterAll(() => server.stop());

  it('finds the web app’s operations', () => {
    expect(operations.length).toBeGreaterThanOrEqual(15);
    expect(operations.map((operation) => operation.name)).toEqual(
      expect.arrayContaining(['OrgChartTop', 'OrgChartChildren', 'LeaderFindings', 'CommitImport']),
    );
  });

  it('lists realistic variables for every paged (Int) variable', () => {
    for (const { name, operation } of operations) {
      for (const definition of operation.variableDefinitions ?? []) {
        if (print(definition.type).replace(/[[\]!]/g, '') !== 'Int') continue;
        expect({
          name,
          variable: definition.variable.name.value,
          listed: WEB_VARIABLES[name]?.[definition.variable.name.value] !== undefined,
        }).toEqual({
          name,
          variable: definition.variable.name.value,
          listed: true,
        });
      }
    }
  });

  it.each(webOperations().map((operation) => [operation.name, operation] as const))(
    '%s passes the token, field, depth, alias and cost limits with room to spare',
    async (_name, { text, operation }) => {
      const variables = variablesFor(operation);
      const { errors } = await server.run(text, variables);
      expect(errors.filter((error) => LIMIT_CODES.includes(error.code))).toEqual([]);
      // Room to grow: half the budget at most.
      const cost = queryComplexity({ schema: committedSchema(), document: parse(text), variables });
      expect(cost).toBeLessThanOrEqual(DEFAULT_GRAPHQL_LIMITS.maxComplexity / 2 + 1);
    },
  );
});
