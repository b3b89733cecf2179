import type { JobsConfig } from '@rolemap/server-core';

/** Work that may run in the request or as a background job, with the size that decides it. */
export type SizedWork = { kind: 'IMPORT'; bytes: number } | { kind: 'REPORT'; positions: number };

/** The one place that decides "inline or job": at or above the configured size, it is a job. */
export function runsInBackground(config: JobsConfig, work: SizedWork): boolean {
  if (work.kind === 'IMPORT') return work.bytes >= config.importThresholdBytes;
  return work.positions >= config.reportThresholdPositions;
}
