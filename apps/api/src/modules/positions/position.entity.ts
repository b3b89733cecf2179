import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TIERS, TIER_SOURCES, type Tier, type TierSource } from '@rolemap/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const TierEnum = Object.fromEntries(TIERS.map((tier) => [tier, tier])) as { [K in Tier]: K };
export const TierSourceEnum = Object.fromEntries(TIER_SOURCES.map((source) => [source, source])) as {
  [K in TierSource]: K;
};
registerEnumType(TierEnum, { name: 'Tier', description: 'Position tier: IC, MANAGER, DIRECTOR or EXECUTIVE.' });
registerEnumType(TierSourceEnum, { name: 'TierSource', description: 'Where the tier came from.' });

@ObjectType('Position', { description: 'A post in one snapshot of the chart, filled or vacant.' })
@Entity({ name: 'position' })
export class PositionEntity {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'snapshot_id', type: 'uuid' })
  snapshotId: string;

  @Field({ description: "Stable across snapshots: the holder's employee id, or the post reference." })
  @Column({ name: 'external_id', type: 'text' })
  externalId: string;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  department: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Field(() => TierEnum)
  @Column({ type: 'text' })
  tier: Tier;

  @Field(() => TierSourceEnum)
  @Column({ name: 'tier_source', type: 'text' })
  tierSource: TierSource;

  @Field(() => Float)
  @Column({ type: 'real' })
  fte: number;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'reports_to_id', type: 'uuid', nullable: true })
  reportsToId: string | null;

  @Field()
  @Column({ type: 'boolean' })
  vacant: boolean;

  @Field(() => Int, { description: 'Layers below the top of the chart (the root is 0).' })
  @Column({ type: 'int' })
  depth: number;
}
