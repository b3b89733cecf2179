import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import { BackgroundJobEntity, type Caller, isUuid, roleIn } from '@rolemap/server-core';
import { DataSource } from 'typeorm';

export interface JobFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * Jobs as their requesters read them. A job is visible to the account that queued it, to the
 * organization's HR admins when it is an import (imports are theirs to oversee), and to owners.
 * Anyone else is told there is no such job, so ids cannot be probed.
 */
@Injectable()
export class JobsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(caller: Caller, id: string): Promise<BackgroundJobEntity> {
    const job = isUuid(id) ? await this.dataSource.getRepository(BackgroundJobEntity).findOneBy({ id }) : null;
    if (!job || !mayRead(caller, job)) throw new DomainError('NOT_FOUND', `No job with id ${id}`);
    return job;
  }

  /** The file a finished job made, while its link lasts. */
  async file(caller: Caller, id: string): Promise<JobFile> {
    const job = await this.get(caller, id);
    if (job.state !== 'DONE' || !job.outputFileName) throw new DomainError('NOT_FOUND', `Job ${id} has no file to download`);
    if (!job.expiresAt || job.expiresAt.getTime() <= Date.now()) {
      throw new DomainError('NOT_FOUND', `The file of job ${id} expired at ${job.expiresAt?.toISOString()}; ask for it again`);
    }
    const [row]: Array<{ output: Buffer | null }> = await this.dataSource.query(
      'SELECT output FROM background_job WHERE id = $1 AND expires_at > now()',
      [id],
    );
    if (!row?.output) throw new DomainError('NOT_FOUND', `The file of job ${id} has expired; ask for it again`);
    return {
      fileName: job.outputFileName,
      contentType: job.outputContentType ?? 'application/octet-stream',
      content: row.output,
    };
  }
}

function mayRead(caller: Caller, job: BackgroundJobEntity): boolean {
  if (caller.organizationIds === 'ALL') return true;
  if (job.requestedBy !== null && job.requestedBy === caller.id) return true;
  return job.kind === 'IMPORT' && job.organizationId !== null && roleIn(caller, job.organizationId) === 'HR_ADMIN';
}
