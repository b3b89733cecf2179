import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  RESPONSIBILITY_LEVELS,
  type ResponsibilityLevel,
  VALUE_LEVELS,
  VALUE_LEVEL_SOURCES,
  type ValueLevel,
  type ValueLevelSource,
} from '@rolemap/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ValueLevelEnum = Object.fromEntries(VALUE_LEVELS.map((level) => [level, level])) as {
  [K in ValueLevel]: K;
};
/** A responsibility's level: one of the four value levels, or UNCLASSIFIED while it needs review. */
export const ResponsibilityLevelEnum = Object.fromEntries(RESPONSIBILITY_LEVELS.map((level) => [level, level])) as {
  [K in ResponsibilityLevel]: K;
};
export const ValueLevelSourceEnum = Object.fromEntries(VALUE_LEVEL_SOURCES.map((source) => [source, source])) as {
  [K in ValueLevelSource]: K;
};
registerEnumType(ValueLevelEnum, {
  name: 'ValueLevel',
  description:
    'IMPLEMENTATION (doing the work), UNIFICATION (coordinating), COMMUNICATION (aligning, representing), LEADERSHIP (direction).',
});
registerEnumType(ResponsibilityLevelEnum, {
  name: 'ResponsibilityLevel',
  description: 'A value level, or UNCLASSIFIED: the classifier was not confident enough and the responsibility needs review.',
});
registerEnumType(ValueLevelSourceEnum, { name: 'ValueLevelSource' });

@ObjectType('Responsibility', { description: 'A piece of work a position holds, with its share of time and value level.' })
@Entity({ name: 'responsibility' })
export class ResponsibilityEntity {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'snapshot_id', type: 'uuid' })
  snapshotId: string;

  @Field(() => ID)
  @Column({ name: 'position_id', type: 'uuid' })
  positionId: string;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => ResponsibilityLevelEnum)
  @Column({ name: 'value_level', type: 'text' })
  valueLevel: ResponsibilityLevel;

  @Field(() => ValueLevelSourceEnum)
  @Column({ name: 'value_level_source', type: 'text' })
  valueLevelSource: ValueLevelSource;

  @Field(() => Float)
  @Column({ name: 'classification_confidence', type: 'real' })
  classificationConfidence: number;

  @Field(() => Float, { description: 'Percent of the holder’s time.' })
  @Column({ name: 'share_pct', type: 'real' })
  sharePct: number;

  @Field(() => String, { nullable: true })
  @Column({ name: 'held_since', type: 'date', nullable: true })
  heldSince: string | null;
}
