import type { UploadProgress } from '../utils/multipart';

type Props = {
  progress: UploadProgress | null;
  uploaded: boolean;
  action: string;
};

export function UploadProgressBar({ progress, uploaded, action }: Props) {
  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  const label = uploaded || percent >= 100 ? `${action}…` : `Uploading… ${percent}%`;
  return (
    <div className="upload-progress" role="status" aria-live="polite">
      <span id="upload-progress-label">{label}</span>
      {/* Without a value the bar is indeterminate: the server is working, we cannot measure it. */}
      {uploaded ? (
        <progress aria-labelledby="upload-progress-label" />
      ) : (
        <progress aria-labelledby="upload-progress-label" max={100} value={percent} />
      )}
    </div>
  );
}
