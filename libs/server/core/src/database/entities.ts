import { AuditLogEntity } from '../audit/audit-log.entity';
import { AccountEntity } from '../accounts/account.entity';
import { ApiTokenEntity } from '../accounts/api-token.entity';
import { MembershipEntity } from '../accounts/membership.entity';
import { SessionEntity } from '../accounts/session.entity';
import { SignInLinkEntity } from '../accounts/sign-in-link.entity';
import { FindingActionEntity } from '../actions/finding-action.entity';
import { FindingReviewEntity } from '../reviews/finding-review.entity';
import { ClassificationOverrideEntity } from '../overrides/classification-override.entity';
import { OrganizationPolicyEntity } from '../policy/organization-policy.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { AssignmentEntity } from '../people/assignment.entity';
import { PersonEntity } from '../people/person.entity';
import { PositionEntity } from '../positions/position.entity';
import { PositionDottedLineEntity } from '../positions/position-dotted-line.entity';
import { ResponsibilityEntity } from '../responsibilities/responsibility.entity';
import { OrgSnapshotEntity } from '../snapshots/org-snapshot.entity';
import { ConfirmedWordingEntity } from '../review-queue/confirmed-wording.entity';
import { SsoAttemptEntity } from '../sso/sso-attempt.entity';
import { SsoIdentityEntity } from '../sso/sso-identity.entity';
import { DictionaryEntryEntity } from '../dictionary/dictionary-entry.entity';
import { DictionaryVersionEntity } from '../dictionary/dictionary-version.entity';
import { ScenarioEntity } from '../scenarios/scenario.entity';
import { GradeTierEntity } from '../grades/grade-tier.entity';
import { RolePurposeEntity } from '../role-purposes/role-purpose.entity';
import { UploadedFileEntity } from '../uploads/uploaded-file.entity';
import { BackgroundJobEntity, BackgroundJobInputEntity } from '../jobs/background-job.entity';
import { SurveyCampaignEntity } from '../surveys/survey-campaign.entity';
import { SurveyInvitationEntity } from '../surveys/survey-invitation.entity';
import { SurveyResponseEntity } from '../surveys/survey-response.entity';
import { TenantEntity } from '../tenants/tenant.entity';

export const ENTITIES = [
  TenantEntity,
  OrganizationEntity,
  OrganizationPolicyEntity,
  OrgSnapshotEntity,
  UploadedFileEntity,
  PositionEntity,
  PositionDottedLineEntity,
  PersonEntity,
  AssignmentEntity,
  ResponsibilityEntity,
  FindingReviewEntity,
  FindingActionEntity,
  ClassificationOverrideEntity,
  ConfirmedWordingEntity,
  GradeTierEntity,
  RolePurposeEntity,
  AuditLogEntity,
  AccountEntity,
  MembershipEntity,
  SessionEntity,
  ApiTokenEntity,
  SignInLinkEntity,
  SsoIdentityEntity,
  SsoAttemptEntity,
  SurveyCampaignEntity,
  SurveyResponseEntity,
  SurveyInvitationEntity,
  DictionaryVersionEntity,
  DictionaryEntryEntity,
  BackgroundJobEntity,
  BackgroundJobInputEntity,
  ScenarioEntity,
];
