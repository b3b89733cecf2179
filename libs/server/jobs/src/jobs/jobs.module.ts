import { type DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '@rolemap/server-core';
import { JOBS_OPTIONS, JobQueue, type JobsOptions } from './job-queue.service';
import { JobsService } from './jobs.service';

/**
 * The background-job queue (global: feature modules register their kinds of job with it). The
 * API runs jobs (`work: true`); the CLI only queues and reads them.
 */
@Module({})
export class JobsModule {
  static forRoot(options: JobsOptions): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [AccountsModule],
      providers: [{ provide: JOBS_OPTIONS, useValue: options }, JobQueue, JobsService],
      exports: [JobQueue, JobsService],
    };
  }
}
