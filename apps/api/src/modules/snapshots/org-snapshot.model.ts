import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('OrgSnapshot', {
  description: 'One uploaded version of an organization chart. Snapshots are never changed after import.',
})
export class OrgSnapshotModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field(() => Int, {
    description:
      '1, 2, 3 … per organization, in import order: a name for the upload, not its place in time (an older chart imported later gets a higher number; order by asOf for that).',
  })
  version: number;
  @Field(() => String, { nullable: true }) label: string | null;
  @Field({ description: 'The date the chart describes (ISO date).' }) asOf: string;
  @Field(() => String, { nullable: true }) sourceFileName: string | null;
  @Field({ description: 'SHA-256 of the normalised rows; equal hashes mean identical charts.' }) contentHash: string;
  @Field() importedAt: Date;
  @Field(() => Int) peopleCount: number;
  @Field(() => Int) positionCount: number;
  @Field(() => Int) responsibilityCount: number;
}
