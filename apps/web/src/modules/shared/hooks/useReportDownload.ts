import { useApolloClient } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import type { JobFieldsFragment } from '../../../gql/graphql';
import { downloadBlob } from '../../overview/utils/download';
import { JobStatusDocument } from '../graphql/jobs.graphql';
import { followJob } from '../utils/follow-job';
import { DownloadError, ReportQueued, fetchVerifiedDownload } from '../utils/verified-download';

type State = { busy: string | null; error: string | null; job: JobFieldsFragment | null };

/**
 * Downloads a report, checks it arrived whole, then saves it; one download at a time per group.
 * `what` names the file in the messages when it is not a report (a survey template).
 * A large report comes back as a background job: its progress is in `job` until it is done, then
 * its file is downloaded (and checked) through the job's signed link.
 */
export function useReportDownload(what = 'report') {
  const client = useApolloClient();
  const [state, setState] = useState<State>({ busy: null, error: null, job: null });
  const download = useCallback(
    async (key: string, url: string, fallbackName: string) => {
      setState({ busy: key, error: null, job: null });
      try {
        let file;
        try {
          file = await fetchVerifiedDownload(url, { what });
        } catch (error) {
          if (!(error instanceof ReportQueued)) throw error;
          const job = await followJob(client, JobStatusDocument, error.jobId, {
            onUpdate: (current) => setState({ busy: key, error: null, job: current }),
          });
          if (job.state === 'FAILED' || !job.downloadUrl) {
            throw new DownloadError(`The ${what} could not be made: ${job.error ?? 'its file has expired'}`);
          }
          file = await fetchVerifiedDownload(job.downloadUrl, { what });
          fallbackName = job.fileName ?? fallbackName;
        }
        downloadBlob(file.blob, file.fileName ?? fallbackName);
        setState({ busy: null, error: null, job: null });
      } catch (error) {
        const message = error instanceof DownloadError ? error.message : 'The download failed. Try again.';
        setState({ busy: null, error: message, job: null });
      }
    },
    [client, what],
  );
  return { ...state, download };
}
