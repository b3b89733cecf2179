import { ActionsResolver } from '../modules/actions/actions.resolver';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { AnalysisResolver, PositionAnalysisResolver } from '../modules/analysis/analysis.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { MembersResolver } from '../modules/members/members.resolver';
import { DictionaryResolver } from '../modules/dictionary/dictionary.resolver';
import { FindingsResolver } from '../modules/findings/findings.resolver';
import { OrgChartResolver } from '../modules/org-chart/org-chart.resolver';
import { OverridesResolver } from '../modules/overrides/overrides.resolver';
import { PolicyResolver } from '../modules/policy/policy.resolver';
import { GradesResolver } from '../modules/grades/grades.resolver';
import { ImportsResolver } from '../modules/imports/imports.resolver';
import { JobsResolver } from '../modules/jobs/jobs.resolver';
import { OrganizationsResolver } from '../modules/organizations/organizations.resolver';
import { PeopleResolver } from '../modules/people/people.resolver';
import { PositionsResolver } from '../modules/positions/positions.resolver';
import { ReviewQueueResolver } from '../modules/review-queue/review-queue.resolver';
import { RoleDefinitionsResolver } from '../modules/role-definitions/role-definitions.resolver';
import { PrivacyResolver } from '../modules/privacy/privacy.resolver';
import { ResponsibilitiesResolver } from '../modules/responsibilities/responsibilities.resolver';
import { ScenariosResolver } from '../modules/scenarios/scenarios.resolver';
import { SnapshotsResolver } from '../modules/snapshots/snapshots.resolver';
import { SurveysResolver } from '../modules/surveys/surveys.resolver';

/** Every resolver class, so the schema can be printed without starting the app. */
export const RESOLVERS = [
  AuthResolver,
  OrganizationsResolver,
  SnapshotsResolver,
  PositionsResolver,
  PeopleResolver,
  AnalysisResolver,
  PositionAnalysisResolver,
  FindingsResolver,
  OrgChartResolver,
  PolicyResolver,
  GradesResolver,
  RoleDefinitionsResolver,
  OverridesResolver,
  ImportsResolver,
  JobsResolver,
  ResponsibilitiesResolver,
  ReviewQueueResolver,
  AuditResolver,
  PrivacyResolver,
  MembersResolver,
  DictionaryResolver,
  ActionsResolver,
  SurveysResolver,
  ScenariosResolver,
];
