import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rolemap/server-core';
import { DomainError } from '@rolemap/domain';
import { type Transporter, createTransport } from 'nodemailer';

export interface SurveyMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailOutcome {
  sent: number;
  /** Addresses the server refused, with its answer (the rest went out). */
  failed: { to: string; error: string }[];
}

/**
 * Survey invitations and reminders over SMTP (ROLEMAP_SMTP_URL), through a small pool of
 * connections. Without SMTP configured there is nothing to send with: HR hands the links out
 * from the CSV instead.
 */
@Injectable()
export class SurveyMailer implements OnModuleDestroy {
  private transport: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.smtp !== null;
  }

  async send(messages: readonly SurveyMessage[]): Promise<MailOutcome> {
    const smtp = this.config.smtp;
    if (!smtp) {
      throw new DomainError(
        'BAD_USER_INPUT',
        'No mail server is configured (ROLEMAP_SMTP_URL): download the links as CSV for your own mail tool instead.',
      );
    }
    this.transport ??= createTransport(smtp.url, { pool: true, maxConnections: 4 } as never);
    const transport = this.transport;
    const outcome: MailOutcome = { sent: 0, failed: [] };
    // A few in flight at once: the pool's connections stay busy without queueing thousands of messages in memory.
    const queue = [...messages];
    const worker = async () => {
      for (let message = queue.shift(); message; message = queue.shift()) {
        try {
          await transport.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text });
          outcome.sent++;
        } catch (error) {
          outcome.failed.push({ to: message.to, error: error instanceof Error ? error.message : String(error) });
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    return outcome;
  }

  onModuleDestroy(): void {
    this.transport?.close();
    this.transport = null;
  }
}
