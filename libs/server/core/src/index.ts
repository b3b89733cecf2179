// The server's core: configuration, the database (embedded or PostgreSQL), entities and
// migrations, and the Nest service modules of every feature. No GraphQL, no HTTP.
export { ServerCoreModule, type ServerCoreOptions } from './server-core.module';
export { APP_CONFIG, DATABASE_TARGET } from './server-core.tokens';

export { DEFAULT_JOBS_CONFIG, type JobsConfig, jobsConfigFrom } from './config/jobs-config';
export { type AppConfig, ConfigError, LOG_LEVELS, type LogLevel, type SmtpConfig, loadConfig } from './config/app-config';
export { findRepoRoot } from './config/repo-root';
export { exposureWarning } from './config/exposure-warning';
export {
  LOOPBACK_HOST_NAMES,
  allowedHostsFrom,
  hostNameOf,
  isHostAllowed,
  isLoopbackAddress,
  isWildcardAddress,
} from './config/allowed-hosts';
export {
  DEFAULT_RATE_LIMITS,
  type RateLimit,
  type RateLimits,
  describeWindow,
  parseRateLimit,
  rateLimitsFrom,
} from './config/rate-limits-config';
export { DEFAULT_GRAPHQL_LIMITS, type GraphqlLimits, graphqlLimitsFrom } from './config/query-limits-config';
export {
  type Caller,
  ForbiddenOrganizationError,
  LOCAL_OPERATOR,
  type Membership,
  assertCanAccess,
  assertRole,
  canAccess,
  isOwner,
  membershipIn,
  roleIn,
} from './common/caller';
export { UUID_PATTERN, isUuid } from './common/uuid';

export {
  type DatabaseObservers,
  type DatabaseTarget,
  type InProcessCopy,
  MIGRATIONS,
  createDataSource,
  dataSourceOptions,
} from './database/data-source';
export { type DatabaseSession, withDatabase } from './database/database-session';
export {
  DataDirInUseError,
  EMBEDDED_MAX_CONNECTIONS,
  type EmbeddedPostgres,
  startEmbeddedPostgres,
} from './database/embedded-postgres';
export { ENTITIES } from './database/entities';
export { type OpenDatabase, openDatabase, redactPassword } from './database/open-database';
export { createTimeOrderedIdFactory } from './database/time-ordered-id';
export {
  APP_ROLE,
  DEFAULT_TENANT_ID,
  DEFAULT_TENANT_NAME,
  TENANT_SETTING,
  acrossAllTenants,
  bindRequestTenant,
  copyIntoOwnSnapshot,
  currentTenantId,
  withRequestTenantScope,
  withTenant,
} from './database/tenant-scope';
export { type TenantLink, disableTenantIsolation, enableTenantIsolation } from './database/tenant-isolation';
export { TenantEntity } from './tenants/tenant.entity';
export { type AddedTenant, MAX_TENANT_NAME_LENGTH, type TenantSummary, TenantsService } from './tenants/tenants.service';

export {
  BackgroundJobEntity,
  BackgroundJobInputEntity,
  JOB_KINDS,
  JOB_STATES,
  type JobKind,
  type JobState,
} from './jobs/background-job.entity';
export { OrganizationEntity } from './organizations/organization.entity';
export { MAX_NAME_LENGTH, OrganizationsService, lockOrganization } from './organizations/organizations.service';
export { OrganizationsModule } from './organizations/organizations.module';
export { OrganizationPolicyEntity } from './policy/organization-policy.entity';
export { PolicyService } from './policy/policy.service';
export { PolicyModule } from './policy/policy.module';
export { GradeTierEntity } from './grades/grade-tier.entity';
export {
  GradeTiersService,
  MAX_GRADE_EDITS,
  gradeTiersOf,
  type GradeTierEdit,
  type GradeTierRow,
  type GradeTierSource,
} from './grades/grade-tiers.service';
export { GradesModule } from './grades/grades.module';
export { RolePurposeEntity } from './role-purposes/role-purpose.entity';
export { type PurposeTarget, RolePurposesService } from './role-purposes/role-purposes.service';
export { RolePurposesModule } from './role-purposes/role-purposes.module';
export { OrgSnapshotEntity } from './snapshots/org-snapshot.entity';
export { SnapshotsService } from './snapshots/snapshots.service';
export {
  NEWEST_FIRST,
  latestSnapshot,
  snapshotBefore,
  snapshotPrecedingImport,
  snapshotTimeline,
} from './snapshots/snapshot-order';
export { SnapshotsModule } from './snapshots/snapshots.module';
export { PositionEntity } from './positions/position.entity';
export { PositionDottedLineEntity } from './positions/position-dotted-line.entity';
export { type PositionPage, type PositionPageQuery, PositionsService } from './positions/positions.service';
export {
  type DottedLinePosition,
  type PositionLoaders,
  type VisiblePositions,
  createPositionLoaders,
} from './positions/position.loaders';
export { PositionsModule } from './positions/positions.module';
export { PersonEntity } from './people/person.entity';
export { AssignmentEntity } from './people/assignment.entity';
export { PeopleService } from './people/people.service';
export { type PeopleLoaders, createPeopleLoaders } from './people/people.loaders';
export { PeopleModule } from './people/people.module';
export { ResponsibilityEntity } from './responsibilities/responsibility.entity';
export {
  type PositionKey,
  type ResponsibilityLoaders,
  createResponsibilityLoaders,
} from './responsibilities/responsibility.loaders';
export { UploadedFileEntity } from './uploads/uploaded-file.entity';
export { ClassificationOverrideEntity, type OverrideKind } from './overrides/classification-override.entity';
export { ClassificationOverridesService } from './overrides/classification-overrides.service';
export { OverridesModule } from './overrides/overrides.module';
export { FindingReviewEntity } from './reviews/finding-review.entity';
export { type ReviewedFinding, ReviewsService } from './reviews/reviews.service';
export { ReviewsModule } from './reviews/reviews.module';
export { type Decision, type DecisionContext } from './reviews/reviews.service';
export { FindingActionEntity } from './actions/finding-action.entity';
export { type ActionQuery, ActionsService, type ListedAction, type SettledActions } from './actions/actions.service';
export { ActionsModule } from './actions/actions.module';
export { AnalysisService, type NamedSnapshotDiff, type SnapshotAnalysis } from './analysis/analysis.service';
export { loadSnapshotData } from './analysis/snapshot-loader';
export { AnalysisModule } from './analysis/analysis.module';
export {
  type FindingPage,
  type FindingQuery,
  FindingsService,
  type LeaderToReview,
  subjectRefOf,
} from './findings/findings.service';
export { FindingsModule } from './findings/findings.module';
export {
  CHART_LIMITS,
  type ChartLeader,
  type LazyChartChildren,
  type LazyChartNode,
  type LazyChartSearch,
  type LazyChartSlice,
  type OrgChartNode,
  OrgChartService,
} from './org-chart/org-chart.service';
export { OrgChartModule } from './org-chart/org-chart.module';
export { ConfirmedWordingEntity } from './review-queue/confirmed-wording.entity';
export {
  type ConfirmationOutcome,
  MAX_CONFIRMATIONS,
  ReviewQueueService,
  type ValueLevelConfirmation,
  confirmedWordingOf,
} from './review-queue/review-queue.service';
export { ReviewQueueModule } from './review-queue/review-queue.module';
export { AUDIT_ACTIONS, type AuditAction, isAuditAction } from './audit/audit-actions';
export { AuditLogEntity } from './audit/audit-log.entity';
export {
  AUDIT_PAGE_MAX,
  type AuditEntryInput,
  type AuditLogFilter,
  type AuditLogPage,
  AuditLogService,
  auditTimeBound,
} from './audit/audit-log.service';
export { AUDIT_CSV_HEADER, auditLogCsv } from './audit/audit-log-csv';
export { AuditModule } from './audit/audit.module';
export { type RequestOrigin, currentRequestOrigin, withRequestOrigin } from './audit/request-origin';
export { type ErasureResult, type PersonData, type PersonInSnapshot, PrivacyService } from './privacy/privacy.service';
export { PrivacyModule } from './privacy/privacy.module';
export {
  type OrganizationExportSummary,
  type OrganizationImportSummary,
  OrganizationTransferService,
} from './org-transfer/organization-transfer.service';
export { OrganizationTransferModule } from './org-transfer/organization-transfer.module';
export { AccountEntity } from './accounts/account.entity';
export { MembershipEntity } from './accounts/membership.entity';
export { SessionEntity } from './accounts/session.entity';
export { ApiTokenEntity } from './accounts/api-token.entity';
export { SignInLinkEntity } from './accounts/sign-in-link.entity';
export {
  AccountsService,
  type ApiTokenSummary,
  type IssuedToken,
  MIN_PASSWORD_LENGTH,
  type NewAccount,
  SESSION_LIFETIME_MS,
} from './accounts/accounts.service';
export { AccountsModule } from './accounts/accounts.module';
export { MAX_FAILED_SIGN_INS, LOCKOUT_MS } from './accounts/sign-in-lockout';
export { type OrganizationReference, organizationOf } from './access/organization-of';
export { type ScopeCondition, type ScopedSnapshot, PositionScopeService } from './access/position-scope.service';
export { AccessModule } from './access/access.module';
export { SIGN_IN_OBSERVER, type SignInObserver } from './accounts/sign-in-observer';
export { type OidcConfig, SSO_DEFAULT_ROLES, type SsoDefaultRole, oidcConfigFrom } from './config/oidc-config';
export { SsoIdentityEntity } from './sso/sso-identity.entity';
export { SsoAttemptEntity } from './sso/sso-attempt.entity';
export {
  SSO_ATTEMPT_LIFETIME_MS,
  SSO_CALLBACK_PATH,
  SingleSignOnService,
  type SsoSignIn,
  type SsoStart,
  safeReturnPath,
} from './sso/single-sign-on.service';
export { SsoModule } from './sso/sso.module';
export { type Member, type MemberChange, MembersService } from './accounts/members.service';
export { SurveyCampaignEntity } from './surveys/survey-campaign.entity';
export { SurveyResponseEntity } from './surveys/survey-response.entity';
export { INVITATION_PURPOSES, type InvitationPurpose, SurveyInvitationEntity } from './surveys/survey-invitation.entity';
export { type TokenKind, isTokenOfKind, newToken, tokenHash } from './accounts/credential-token';
export {
  DictionaryVersionEntity,
  DICTIONARY_VERSION_SOURCES,
  type DictionaryVersionSource,
} from './dictionary/dictionary-version.entity';
export { DictionaryEntryEntity } from './dictionary/dictionary-entry.entity';
export {
  ACTIVITY_PAGE_MAX,
  type ActivityFilter,
  type ActivityPage,
  type ActivityQuery,
  type DictionaryActivity,
  type DictionaryChange,
  type DictionaryExport,
  type DictionaryFunctionOutline,
  type DictionaryImportOutcome,
  DictionaryService,
  type LevelSuggestion,
  SEARCH_MAX_LENGTH,
  activitiesOf,
  currentVersionOf,
  outlineOf,
} from './dictionary/dictionary.service';
export { DictionaryModule } from './dictionary/dictionary.module';

export {
  SCENARIO_COMPARE_MAX,
  SCENARIO_NAME_MAX,
  SCENARIO_NOTES_MAX,
  type ScenarioTracking,
  ScenariosService,
  type ScoredScenario,
  type VersionCheck,
} from './scenarios/scenarios.service';
export { SCENARIO_KINDS, ScenarioEntity, type ScenarioKind } from './scenarios/scenario.entity';
export { ScenariosModule } from './scenarios/scenarios.module';
