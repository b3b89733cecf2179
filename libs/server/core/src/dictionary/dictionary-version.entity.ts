import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { oneOf } from '../database/check-expressions';
import { OrganizationEntity } from '../organizations/organization.entity';

/** How a dictionary version came about. */
export const DICTIONARY_VERSION_SOURCES = ['STARTER', 'IMPORT', 'EDIT'] as const;
export type DictionaryVersionSource = (typeof DICTIONARY_VERSION_SOURCES)[number];

/**
 * One published version of an organization's activity dictionary. Versions are never changed
 * (a trigger refuses updates): an edit or import publishes the next version, the highest is
 * current, and a survey keeps the version it started with by its id.
 */
@Entity({ name: 'dictionary_version' })
@Unique('dictionary_version_organization_id_version_key', ['organizationId', 'version'])
@Check('dictionary_version_source_check', oneOf('source', DICTIONARY_VERSION_SOURCES))
export class DictionaryVersionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'dictionary_version_pkey' })
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'dictionary_version_organization_id_fkey' })
  organization?: OrganizationEntity;

  /** 1, 2, 3… per organization. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  source: DictionaryVersionSource;

  /** What changed from the previous version, in words (`Changed the label of ENG-01-02`, `Imported dictionary.xlsx`). */
  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'entry_count', type: 'int' })
  entryCount: number;

  @Column({ name: 'activity_count', type: 'int' })
  activityCount: number;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
