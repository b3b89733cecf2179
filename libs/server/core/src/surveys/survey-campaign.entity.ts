import {
  CAMPAIGN_SCOPES,
  type CampaignScopeKind,
  type ClosingCoverage,
  type ModeRule,
  NON_RESPONDENT_POLICIES,
  type NonRespondentPolicy,
  SURVEY_MODES,
  type SurveyMode,
} from '@rolemap/surveys';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from '../database/check-expressions';
import { DictionaryVersionEntity } from '../dictionary/dictionary-version.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrgSnapshotEntity } from '../snapshots/org-snapshot.entity';

/**
 * A time-allocation survey on one snapshot: who is asked (scope), who fills in whose form (modes),
 * the window, the dictionary version it keeps for its whole life and the accepted total. Closing
 * it writes a new snapshot (`resultSnapshotId`).
 */
@Entity({ name: 'survey_campaign' })
@Index('survey_campaign_organization_idx', ['organizationId', 'createdAt'])
@Check('survey_campaign_scope_kind_check', oneOf('scope_kind', CAMPAIGN_SCOPES))
@Check('survey_campaign_default_mode_check', oneOf('default_mode', SURVEY_MODES))
@Check('survey_campaign_window_check', 'closes_at > opens_at')
@Check(
  'survey_campaign_range_check',
  'min_total_pct >= 0 AND min_total_pct <= 100 AND max_total_pct >= 100 AND max_total_pct <= 200',
)
@Check('survey_campaign_non_respondents_check', `non_respondents IS NULL OR ${oneOf('non_respondents', NON_RESPONDENT_POLICIES)}`)
export class SurveyCampaignEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'survey_campaign_pkey' })
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'survey_campaign_organization_id_fkey' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'base_snapshot_id', type: 'uuid' })
  baseSnapshotId: string;

  @ManyToOne(() => OrgSnapshotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'base_snapshot_id', foreignKeyConstraintName: 'survey_campaign_base_snapshot_id_fkey' })
  baseSnapshot?: OrgSnapshotEntity;

  @Column({ name: 'scope_kind', type: 'text' })
  scopeKind: CampaignScopeKind;

  /** The department's name or the leader's employee id; null for the whole organization. */
  @Column({ name: 'scope_value', type: 'text', nullable: true })
  scopeValue: string | null;

  @Column({ name: 'default_mode', type: 'text' })
  defaultMode: SurveyMode;

  @Column({ name: 'mode_rules', type: 'jsonb', default: () => "'[]'" })
  modeRules: ModeRule[];

  /** The activity dictionary version the forms offer, kept while the dictionary is edited. */
  @Column({ name: 'dictionary_version_id', type: 'uuid', nullable: true })
  dictionaryVersionId: string | null;

  @ManyToOne(() => DictionaryVersionEntity)
  @JoinColumn({ name: 'dictionary_version_id', foreignKeyConstraintName: 'survey_campaign_dictionary_version_id_fkey' })
  dictionaryVersion?: DictionaryVersionEntity;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  @Column({ name: 'min_total_pct', type: 'double precision', default: 95 })
  minTotalPct: number;

  @Column({ name: 'max_total_pct', type: 'double precision', default: 105 })
  maxTotalPct: number;

  @Column({ name: 'participant_count', type: 'int', default: 0 })
  participantCount: number;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'non_respondents', type: 'text', nullable: true })
  nonRespondents: NonRespondentPolicy | null;

  @Column({ name: 'result_snapshot_id', type: 'uuid', nullable: true })
  resultSnapshotId: string | null;

  @ManyToOne(() => OrgSnapshotEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'result_snapshot_id', foreignKeyConstraintName: 'survey_campaign_result_snapshot_id_fkey' })
  resultSnapshot?: OrgSnapshotEntity;

  /** Who the new snapshot's responsibilities came from (surveyed, carried, none, outside). */
  @Column({ name: 'close_coverage', type: 'jsonb', nullable: true })
  closeCoverage: ClosingCoverage | null;
}
