import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('DottedLinePosition', {
  description:
    "The other end of a dotted-line (matrix) reporting line, named but not opened: outside the caller's scope (a leader's dotted-line report in another subtree) it is read-only, and no ratings, responsibilities or findings come with it.",
})
export class DottedLinePositionModel {
  @Field(() => ID, { description: 'The position id; open it only when inScope.' }) id: string;
  @Field({ description: "The holder's employee id, or the post reference." }) externalId: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field() vacant: boolean;
  @Field(() => String, { nullable: true, description: "The holder's name; null for a vacant post." }) name: string | null;
  @Field({ description: 'Whether the caller may open the position (it is inside their scope); false means read-only.' })
  inScope: boolean;
}
