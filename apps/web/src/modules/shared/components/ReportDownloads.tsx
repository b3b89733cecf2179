import type { MouseEvent } from 'react';
import { useReportDownload } from '../hooks/useReportDownload';
import { JobProgress } from './JobProgress';
import { reportUrl, REPORT_DOWNLOAD_FORMATS, type ReportKind, type ReportScope } from '../utils/report-url';

type Props = {
  organizationId: string;
  snapshotId: string;
  kind: ReportKind;
  scope?: ReportScope;
  /** What the report is, e.g. "Role definition"; also names the group for screen readers. */
  label: string;
};

/**
 * Download links for a report in every format. A click fetches the file and saves it only once
 * its length and checksum match what the server announced, so a cut download is reported, never
 * saved as a short file; the links still work as plain links (open in a new tab, save as).
 */
export function ReportDownloads({ organizationId, snapshotId, kind, scope, label }: Props) {
  const { busy, error, job, download } = useReportDownload();
  return (
    <div className="report-downloads" role="group" aria-label={`${label} report downloads`} aria-busy={busy !== null}>
      <span className="report-downloads__label">{label}</span>
      {REPORT_DOWNLOAD_FORMATS.map((format) => {
        const href = reportUrl(organizationId, kind, format, { snapshotId, ...scope });
        const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          if (busy === null) void download(format, href, `${kind}-report.${format}`);
        };
        return (
          <a
            key={format}
            className="button button--quiet button--small"
            href={href}
            download
            onClick={onClick}
            aria-disabled={busy !== null && busy !== format ? true : undefined}
            aria-label={`Download ${label.toLowerCase()} as ${format.toUpperCase()}`}
          >
            {busy === format ? `${format.toUpperCase()}…` : format.toUpperCase()}
          </a>
        );
      })}
      {busy && job && <JobProgress job={job} action={`Making the ${busy.toUpperCase()}`} />}
      {busy && !job && (
        <span className="report-downloads__status" role="status">
          Preparing the {busy.toUpperCase()}…
        </span>
      )}
      {error && (
        <span className="report-downloads__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
