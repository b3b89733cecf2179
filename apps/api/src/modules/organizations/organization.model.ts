import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Organization', { description: 'A company or agency whose org chart rolemap maps.' })
export class OrganizationModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() createdAt: Date;
}
