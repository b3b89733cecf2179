import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { JobsService } from '@rolemap/server-jobs';
import type { Request, Response } from 'express';
import { SignedIn } from '../auth/access-rule.decorator';
import { RequestCallers } from '../auth/request-callers';
import { BackgroundJobType } from './dtos/job.types';

/**
 * Background jobs over plain HTTP, for clients that downloaded with a link (a report queued by
 * GET …/reports/:kind): the job's state, and the file a finished job made, through its signed,
 * expiring link and for a signed-in caller who may read the job and its organization.
 */
@Controller('api/jobs')
export class JobsController {
  constructor(
    private readonly jobs: JobsService,
    private readonly callers: RequestCallers,
  ) {}

  @SignedIn()
  @Get(':id')
  async status(@Req() req: Request, @Param('id') id: string): Promise<BackgroundJobType> {
    const job = await this.jobs.get((await this.callers.of(req))!, id);
    return BackgroundJobType.from(job, await this.jobs.downloadLink(job));
  }

  @SignedIn()
  @Get(':id/file')
  async file(
    @Req() req: Request,
    @Param('id') id: string,
    @Query('expires') expires: string | undefined,
    @Query('signature') signature: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.jobs.file((await this.callers.of(req))!, id, { expires, signature });
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('content-length', String(file.content.length));
    res.setHeader('content-digest', `sha-256=:${createHash('sha256').update(file.content).digest('base64')}:`);
    res.setHeader('cache-control', 'no-store');
    res.end(file.content);
  }
}
