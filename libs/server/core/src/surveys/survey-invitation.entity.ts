import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PersonEntity } from '../people/person.entity';
import { SurveyCampaignEntity } from './survey-campaign.entity';

export const INVITATION_PURPOSES = ['SELF', 'MANAGER'] as const;
export type InvitationPurpose = (typeof INVITATION_PURPOSES)[number];

/**
 * A personal link to a campaign's forms: one's own form (SELF), or the forms one fills in or
 * reviews for one's reports (MANAGER). Only the SHA-256 of the token is kept; issuing the link
 * again (a reminder) replaces it, so the older link stops working.
 */
@Entity({ name: 'survey_invitation' })
@Unique('survey_invitation_token_hash_key', ['tokenHash'])
@Unique('survey_invitation_campaign_id_employee_id_purpose_key', ['campaignId', 'employeeId', 'purpose'])
@Index('survey_invitation_person_idx', ['personId'])
@Check('survey_invitation_purpose_check', "purpose IN ('SELF', 'MANAGER')")
export class SurveyInvitationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'survey_invitation_pkey' })
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => SurveyCampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'survey_invitation_campaign_id_fkey' })
  campaign?: SurveyCampaignEntity;

  /** The invitee's employee id. */
  @Column({ name: 'employee_id', type: 'text' })
  employeeId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'survey_invitation_person_id_fkey' })
  person?: PersonEntity;

  @Column({ type: 'text' })
  purpose: InvitationPurpose;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When the link was last e-mailed (null: handed out as a CSV, or not yet sent). */
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;
}
