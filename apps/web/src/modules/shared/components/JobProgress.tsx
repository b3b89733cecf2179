import type { JobFieldsFragment } from '../../../gql/graphql';

type Props = {
  job: Pick<JobFieldsFragment, 'state' | 'progress' | 'stage' | 'attempts' | 'error'>;
  /** What the job does, e.g. "Importing"; the bar says it with the job's own stage. */
  action: string;
};

/**
 * A background job's progress: waiting in the queue (an indeterminate bar), running (the share
 * done and what it is doing), or failed (the reason). A retry after a failed attempt is said so.
 */
export function JobProgress({ job, action }: Props) {
  if (job.state === 'FAILED') {
    return (
      <p className="job-progress job-progress--failed" role="alert">
        {action} failed{job.attempts > 1 ? ` after ${job.attempts} attempts` : ''}: {job.error ?? 'no reason was given'}
      </p>
    );
  }
  const percent = Math.round(job.progress * 100);
  const label =
    job.state === 'QUEUED'
      ? `${action}: waiting in the queue…${job.error ? ' (trying again)' : ''}`
      : job.state === 'DONE'
        ? `${action}: done`
        : `${action}: ${job.stage ?? 'working'}… ${percent}%`;
  return (
    <div className="job-progress upload-progress" role="status" aria-live="polite">
      <span id="job-progress-label">{label}</span>
      {/* Without a value the bar is indeterminate: nothing can be measured while it waits. */}
      {job.state === 'QUEUED' ? (
        <progress aria-labelledby="job-progress-label" />
      ) : (
        <progress aria-labelledby="job-progress-label" max={100} value={job.state === 'DONE' ? 100 : percent} />
      )}
    </div>
  );
}
