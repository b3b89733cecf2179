import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import { BackgroundJobEntity, type Caller, canAccess, isUuid, roleIn } from '@rolemap/server-core';
import { DataSource } from 'typeorm';

export interface JobFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** A job's download link as the URL carries it. */
export interface DownloadSignature {
  expires: string | undefined;
  signature: string | undefined;
}

/**
 * Jobs as their requesters read them. A job is visible to the account that queued it, to the
 * organization's HR admins when it is an import or a survey closing (theirs to oversee), and to
 * owners; row-level security keeps other tenants' jobs out of sight. Anyone else is told there is
 * no such job, so ids cannot be probed.
 */
@Injectable()
export class JobsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(caller: Caller, id: string): Promise<BackgroundJobEntity> {
    const job = isUuid(id) ? await this.dataSource.getRepository(BackgroundJobEntity).findOneBy({ id }) : null;
    if (!job || !mayRead(caller, job)) throw new DomainError('NOT_FOUND', `No job with id ${id}`);
    return job;
  }

  /**
   * The signed link to a finished job's file, valid until the file expires: its signature is an
   * HMAC of the job id and the expiry under a key kept with the job, so the link cannot be made up
   * or stretched. It is not a bearer token: the download still needs a caller who may read the job
   * and its organization.
   */
  async downloadLink(job: BackgroundJobEntity): Promise<string | null> {
    if (job.state !== 'DONE' || !job.outputFileName || !job.expiresAt || job.expiresAt.getTime() <= Date.now()) return null;
    const key = await this.downloadKey(job.id);
    if (!key) return null;
    const expires = String(job.expiresAt.getTime());
    return `/api/jobs/${job.id}/file?expires=${expires}&signature=${sign(key, job.id, expires)}`;
  }

  /** The file a finished job made, for a caller who may read it, through its signed link while it lasts. */
  async file(caller: Caller, id: string, link: DownloadSignature): Promise<JobFile> {
    const job = await this.downloadable(caller, id);
    const key = await this.downloadKey(id);
    if (
      !key ||
      !link.signature ||
      !/^\d+$/.test(link.expires ?? '') ||
      !sameSignature(sign(key, id, link.expires!), link.signature) ||
      Number(link.expires) !== job.expiresAt?.getTime()
    ) {
      throw new DomainError('FORBIDDEN', `This link to the file of job ${id} is not valid; take the link from the job again`);
    }
    return this.storedFile(job);
  }

  /** The same file for a caller on this machine's database (the CLI's `rolemap job --out`), who needs no link. */
  async fileOf(caller: Caller, id: string): Promise<JobFile> {
    return this.storedFile(await this.downloadable(caller, id));
  }

  private async downloadable(caller: Caller, id: string): Promise<BackgroundJobEntity> {
    const job = await this.get(caller, id);
    if (job.organizationId !== null && !canAccess(caller, job.organizationId)) {
      throw new DomainError('NOT_FOUND', `No job with id ${id}`);
    }
    if (job.state !== 'DONE' || !job.outputFileName) throw new DomainError('NOT_FOUND', `Job ${id} has no file to download`);
    // The caller may read the job: telling them its file is gone is no secret (and its key went with it).
    if (!job.expiresAt || job.expiresAt.getTime() <= Date.now()) {
      throw new DomainError('NOT_FOUND', `The file of job ${id} expired at ${job.expiresAt?.toISOString()}; ask for it again`);
    }
    return job;
  }

  private async storedFile(job: BackgroundJobEntity): Promise<JobFile> {
    const [row]: Array<{ output: Buffer | null }> = await this.dataSource.query(
      'SELECT output FROM background_job WHERE id = $1 AND expires_at > now()',
      [job.id],
    );
    if (!row?.output) throw new DomainError('NOT_FOUND', `The file of job ${job.id} has expired; ask for it again`);
    return {
      fileName: job.outputFileName!,
      contentType: job.outputContentType ?? 'application/octet-stream',
      content: row.output,
    };
  }

  private async downloadKey(id: string): Promise<Buffer | null> {
    const [row]: Array<{ download_key: Buffer | null }> = await this.dataSource.query(
      'SELECT download_key FROM background_job WHERE id = $1',
      [id],
    );
    return row?.download_key ?? null;
  }
}

function sign(key: Buffer, id: string, expires: string): string {
  return createHmac('sha256', key).update(`${id}.${expires}`).digest('base64url');
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function mayRead(caller: Caller, job: BackgroundJobEntity): boolean {
  if (caller.organizationIds === 'ALL') return true;
  if (job.requestedBy !== null && job.requestedBy === caller.id) return true;
  const overseen = job.kind === 'IMPORT' || job.kind === 'SURVEY_CLOSE';
  return overseen && job.organizationId !== null && roleIn(caller, job.organizationId) === 'HR_ADMIN';
}
