import { useCallback, useState } from 'react';
import { downloadBlob } from '../../overview/utils/download';
import { DownloadError, fetchVerifiedDownload } from '../utils/verified-download';

type State = { busy: string | null; error: string | null };

/** Downloads a report, checks it arrived whole, then saves it; one download at a time per group. */
export function useReportDownload() {
  const [state, setState] = useState<State>({ busy: null, error: null });
  const download = useCallback(async (key: string, url: string, fallbackName: string) => {
    setState({ busy: key, error: null });
    try {
      const { blob, fileName } = await fetchVerifiedDownload(url);
      downloadBlob(blob, fileName ?? fallbackName);
      setState({ busy: null, error: null });
    } catch (error) {
      const message = error instanceof DownloadError ? error.message : 'The download failed. Try again.';
      setState({ busy: null, error: message });
    }
  }, []);
  return { ...state, download };
}
