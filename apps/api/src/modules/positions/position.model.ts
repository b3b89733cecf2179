import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/**
 * A position as GraphQL shows it. Its tier and tier source are not stored fields here: they are
 * resolved from the snapshot's analysis (HR's overrides applied), see PositionAnalysisResolver.
 */
@ObjectType('Position', { description: 'A post in one snapshot of the chart, filled or vacant.' })
export class PositionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) snapshotId: string;
  @Field({ description: "Stable across snapshots: the holder's employee id, or the post reference." }) externalId: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field(() => String, { nullable: true }) location: string | null;
  @Field(() => String, { nullable: true, description: 'Grade or job level as imported (e.g. "SCS2", "3").' })
  grade: string | null;
  @Field(() => Float) fte: number;
  @Field(() => ID, { nullable: true }) reportsToId: string | null;
  @Field() vacant: boolean;
  @Field(() => Int, { description: 'Layers below the top of the chart (the root is 0).' }) depth: number;
}
