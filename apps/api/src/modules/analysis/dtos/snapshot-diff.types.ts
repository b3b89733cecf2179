import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { TierEnum } from '../../../common/graphql-enums';

@ObjectType('DiffPerson')
export class DiffPersonType {
  @Field() employeeId: string;
  @Field() name: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field(() => TierEnum) tier: string;
}

@ObjectType('DiffMove')
export class DiffMoveType {
  @Field() employeeId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) fromManager: string | null;
  @Field(() => String, { nullable: true }) toManager: string | null;
  @Field(() => String, { nullable: true, description: 'Name of the previous manager (in the earlier snapshot).' })
  fromManagerName: string | null;
  @Field(() => String, { nullable: true, description: 'Name of the new manager.' }) toManagerName: string | null;
  @Field(() => String, { nullable: true }) fromDepartment: string | null;
  @Field(() => String, { nullable: true }) toDepartment: string | null;
  @Field() managerChanged: boolean;
  @Field() departmentChanged: boolean;
}

@ObjectType('DiffPromotion')
export class DiffPromotionType {
  @Field() employeeId: string;
  @Field() name: string;
  @Field(() => ID) positionId: string;
  @Field() fromTitle: string;
  @Field() toTitle: string;
  @Field(() => TierEnum) fromTier: string;
  @Field(() => TierEnum) toTier: string;
  @Field(() => Int) fromDepth: number;
  @Field(() => Int) toDepth: number;
  @Field({ description: 'HIGHER_TIER, HIGHER_TITLE or FEWER_LAYERS_ABOVE.' }) reason: string;
}

@ObjectType('SnapshotDiff', { description: 'Who joined, left, moved and was promoted between two snapshots.' })
export class SnapshotDiffType {
  @Field(() => ID) previousSnapshotId: string;
  @Field(() => ID) nextSnapshotId: string;
  @Field() previousAsOf: string;
  @Field() nextAsOf: string;
  @Field(() => [DiffPersonType]) joiners: DiffPersonType[];
  @Field(() => [DiffPersonType]) leavers: DiffPersonType[];
  @Field(() => [DiffMoveType]) moves: DiffMoveType[];
  @Field(() => [DiffPromotionType]) promotions: DiffPromotionType[];
}
