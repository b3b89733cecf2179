import type { ApolloClient } from '@apollo/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { JobFieldsFragment } from '../../../gql/graphql';

/** How often a job is asked for its state: about what the queue's progress writes allow (4 a second). */
export const JOB_POLL_MS = 1_000;

export function isFinished(job: Pick<JobFieldsFragment, 'state'>): boolean {
  return job.state === 'DONE' || job.state === 'FAILED';
}

type Options<TJob> = {
  onUpdate?: (job: TJob) => void;
  signal?: AbortSignal;
  intervalMs?: number;
};

/**
 * Polls `job(id)` (with whatever fields `document` selects) until the job is DONE or FAILED, and
 * resolves with it; `onUpdate` sees every state on the way, for a progress bar. Network-only, so
 * the cache never answers "still running" for a job that has finished.
 */
export async function followJob<TJob extends JobFieldsFragment>(
  client: ApolloClient,
  document: TypedDocumentNode<{ job: TJob }, { id: string }>,
  id: string,
  { onUpdate, signal, intervalMs = JOB_POLL_MS }: Options<TJob> = {},
): Promise<TJob> {
  for (;;) {
    signal?.throwIfAborted();
    const { data } = await client.query({ query: document, variables: { id }, fetchPolicy: 'network-only' });
    if (!data) throw new Error(`Job ${id} could not be read`);
    onUpdate?.(data.job);
    if (isFinished(data.job)) return data.job;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, intervalMs);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }
}
