import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Person', { description: 'An employee as of one snapshot.' })
export class PersonModel {
  @Field(() => ID) id: string;
  @Field(() => ID) snapshotId: string;
  @Field({ description: 'The HRIS employee id, stable across snapshots.' }) employeeId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) hireDate: string | null;
}
