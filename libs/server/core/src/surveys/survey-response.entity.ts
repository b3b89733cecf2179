import { type ClosingOutcome, type ResponseStatus, SURVEY_MODES, type SurveyAnswers, type SurveyMode } from '@rolemap/surveys';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { oneOf } from '../database/check-expressions';
import { PersonEntity } from '../people/person.entity';
import { SurveyCampaignEntity } from './survey-campaign.entity';

const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED'] as const;

/**
 * One person's form in a campaign: their own answers and their manager's, each a draft until
 * submitted. Tied to the person's row in the base snapshot, so erasing the person erases it.
 */
@Entity({ name: 'survey_response' })
@Unique('survey_response_campaign_id_employee_id_key', ['campaignId', 'employeeId'])
@Index('survey_response_manager_idx', ['campaignId', 'managerEmployeeId'])
// Deleting people (an erasure, a whole organization) finds their forms through it.
@Index('survey_response_person_idx', ['personId'])
@Check('survey_response_mode_check', oneOf('mode', SURVEY_MODES))
@Check('survey_response_self_status_check', oneOf('self_status', STATUSES))
@Check('survey_response_manager_status_check', oneOf('manager_status', STATUSES))
@Check('survey_response_manager_source_check', oneOf('manager_source', ['FORM', 'OFFLINE']))
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'survey_response_pkey' })
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => SurveyCampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'survey_response_campaign_id_fkey' })
  campaign?: SurveyCampaignEntity;

  @Column({ name: 'employee_id', type: 'text' })
  employeeId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'survey_response_person_id_fkey' })
  person?: PersonEntity;

  @Column({ type: 'text', nullable: true })
  department: string | null;

  @Column({ name: 'manager_employee_id', type: 'text', nullable: true })
  managerEmployeeId: string | null;

  @Column({ type: 'text' })
  mode: SurveyMode;

  @Column({ name: 'self_status', type: 'text', default: 'NOT_STARTED' })
  selfStatus: ResponseStatus;

  @Column({ name: 'manager_status', type: 'text', default: 'NOT_STARTED' })
  managerStatus: ResponseStatus;

  @Column({ name: 'self_answers', type: 'jsonb', nullable: true })
  selfAnswers: SurveyAnswers | null;

  @Column({ name: 'manager_answers', type: 'jsonb', nullable: true })
  managerAnswers: SurveyAnswers | null;

  @Column({ name: 'self_submitted_at', type: 'timestamptz', nullable: true })
  selfSubmittedAt: Date | null;

  @Column({ name: 'manager_submitted_at', type: 'timestamptz', nullable: true })
  managerSubmittedAt: Date | null;

  /** FORM: the manager's answers came through the web form; OFFLINE: from a team template HR uploaded. */
  @Column({ name: 'manager_source', type: 'text', default: 'FORM' })
  managerSource: 'FORM' | 'OFFLINE';

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** Set at closing: what the person's part of the new snapshot came from. */
  @Column({ type: 'text', nullable: true })
  outcome: ClosingOutcome | null;
}
