import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { sensitive } from '../auth/sensitive-field';

@ObjectType('Assignment', { description: 'A person holding a position, with the facts about their time in it.' })
export class AssignmentModel {
  @Field(() => ID) personId: string;
  @Field(() => ID) positionId: string;
  @Field(() => String, { nullable: true }) roleStartDate: string | null;
  @Field(() => String, { nullable: true }) previousTitle: string | null;
  @Field(() => String, { nullable: true }) lastPromotionDate: string | null;
  @Field(() => Float, {
    nullable: true,
    description: '1 (low) to 5 (high); half points such as 3.5 are kept. Null for viewers and employees.',
    ...sensitive(null),
  })
  performanceRating: number | null;
}
