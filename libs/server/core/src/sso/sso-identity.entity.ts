import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';

/** An identity at an OpenID Connect provider, (issuer, subject), and the account it signs in as. */
@Entity({ name: 'sso_identities' })
@Unique('sso_identities_issuer_subject_key', ['issuer', 'subject'])
@Index('sso_identities_account_idx', ['accountId'])
export class SsoIdentityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'sso_identities_account_id_fkey' })
  account?: AccountEntity;

  @Column({ type: 'text' })
  issuer: string;

  @Column({ type: 'text' })
  subject: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;
}
