import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

/**
 * A responsibility as GraphQL shows it. Its value level, source and confidence are resolved from
 * the snapshot's analysis (HR's overrides applied), see ResponsibilitiesResolver.
 */
@ObjectType('Responsibility', { description: 'A piece of work a position holds, with its share of time and value level.' })
export class ResponsibilityModel {
  @Field(() => ID) id: string;
  @Field(() => ID) positionId: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Float, { description: 'Percent of the holder’s time.' }) sharePct: number;
  @Field(() => String, { nullable: true }) heldSince: string | null;
}
