import { useState } from 'react';

/**
 * A file that is checked before it is sent for good: the chosen file, a dry run ("check"), the
 * real send, and the outcome or the error of the last one. Choosing another file clears both, so
 * an outcome on screen always belongs to the file shown.
 */
export function useCheckedUpload<Result>(
  send: (file: File, dryRun: boolean) => Promise<Result>,
  afterSend?: (result: Result, dryRun: boolean) => Promise<void>,
) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const outcome = await send(file, dryRun);
      setResult(outcome);
      await afterSend?.(outcome, dryRun);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return {
    file,
    choose: (next: File | null) => {
      setFile(next);
      setResult(null);
      setError(null);
    },
    check: () => run(true),
    send: () => run(false),
    result,
    busy,
    error,
  };
}
