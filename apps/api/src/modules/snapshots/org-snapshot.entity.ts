import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType('OrgSnapshot', {
  description: 'One uploaded version of an organization chart. Snapshots are never changed after import.',
})
@Entity({ name: 'org_snapshot' })
// The timeline order (snapshot-order.ts): latest and previous snapshot are one index probe each.
@Index('org_snapshot_timeline_idx', ['organizationId', 'asOf', 'version'])
export class OrgSnapshotEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Field(() => Int, {
    description:
      '1, 2, 3 … per organization, in import order: a name for the upload, not its place in time (an older chart imported later gets a higher number; order by asOf for that).',
  })
  @Column({ type: 'int' })
  version: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  label: string | null;

  @Field({ description: 'The date the chart describes (ISO date).' })
  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'source_file_name', type: 'text', nullable: true })
  sourceFileName: string | null;

  @Field({ description: 'SHA-256 of the normalised rows; equal hashes mean identical charts.' })
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Field()
  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' })
  importedAt: Date;

  @Field(() => Int)
  @Column({ name: 'people_count', type: 'int' })
  peopleCount: number;

  @Field(() => Int)
  @Column({ name: 'position_count', type: 'int' })
  positionCount: number;

  @Field(() => Int)
  @Column({ name: 'responsibility_count', type: 'int' })
  responsibilityCount: number;
}
