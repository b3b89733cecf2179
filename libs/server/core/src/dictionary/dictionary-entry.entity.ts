import { DICTIONARY_KINDS, type DictionaryKind, LEVEL_SOURCES, type LevelSource } from '@rolemap/dictionary';
import { VALUE_LEVELS, type ValueLevel } from '@rolemap/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { oneOf } from '../database/check-expressions';
import { DictionaryVersionEntity } from './dictionary-version.entity';

/**
 * A function, process or activity of one dictionary version. Its `id` names it in that version
 * only (a survey answer points at it); `key` is the id in files and stays the same across versions.
 */
@Entity({ name: 'dictionary_entry' })
@Unique('dictionary_entry_version_id_key_key', ['versionId', 'key'])
@Check('dictionary_entry_kind_check', oneOf('kind', DICTIONARY_KINDS))
@Check('dictionary_entry_value_level_check', oneOf('value_level', VALUE_LEVELS))
@Check('dictionary_entry_level_source_check', oneOf('level_source', LEVEL_SOURCES))
@Check('dictionary_entry_activity_level_check', "(kind = 'ACTIVITY') = (value_level IS NOT NULL AND level_source IS NOT NULL)")
export class DictionaryEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'dictionary_entry_pkey' })
  id: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @ManyToOne(() => DictionaryVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'dictionary_entry_version_id_fkey' })
  version?: DictionaryVersionEntity;

  @Column({ type: 'text' })
  key: string;

  @Column({ name: 'parent_key', type: 'text', nullable: true })
  parentKey: string | null;

  @Column({ type: 'text' })
  kind: DictionaryKind;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'value_level', type: 'text', nullable: true })
  valueLevel: ValueLevel | null;

  @Column({ name: 'level_source', type: 'text', nullable: true })
  levelSource: LevelSource | null;

  /** Place in tree order (a function, its processes, each followed by its activities). */
  @Column({ type: 'int' })
  position: number;
}
