import { FindingReviewEntity } from '../modules/reviews/finding-review.entity';
import { ClassificationOverrideEntity } from '../modules/overrides/classification-override.entity';
import { OrganizationPolicyEntity } from '../modules/policy/organization-policy.entity';
import { OrganizationEntity } from '../modules/organizations/organization.entity';
import { AssignmentEntity } from '../modules/people/assignment.entity';
import { PersonEntity } from '../modules/people/person.entity';
import { PositionEntity } from '../modules/positions/position.entity';
import { ResponsibilityEntity } from '../modules/responsibilities/responsibility.entity';
import { OrgSnapshotEntity } from '../modules/snapshots/org-snapshot.entity';
import { UploadedFileEntity } from '../modules/uploads/uploaded-file.entity';

export const ENTITIES = [
  OrganizationEntity,
  OrganizationPolicyEntity,
  OrgSnapshotEntity,
  UploadedFileEntity,
  PositionEntity,
  PersonEntity,
  AssignmentEntity,
  ResponsibilityEntity,
  FindingReviewEntity,
  ClassificationOverrideEntity,
];
