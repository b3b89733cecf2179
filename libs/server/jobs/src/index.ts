// Background jobs on a queue in PostgreSQL (pg-boss): long imports and reports, run by any replica.
export { JobsModule } from './jobs/jobs.module';
export { JobQueue, type JobsOptions, type NewJob, type QueueStatus } from './jobs/job-queue.service';
export { type DownloadSignature, type JobFile, JobsService } from './jobs/jobs.service';
export { type JobHandler, type JobOutcome, type JobRun, JobSupersededError } from './jobs/job-handler';
export { type SizedWork, runsInBackground } from './jobs/background-threshold';
export {
  type ReanalysisResult,
  ReanalysisJobs,
  ReanalysisJobsModule,
  reanalysisOfJob,
} from './reanalysis/reanalysis-jobs.service';
