import { reportUrl, REPORT_DOWNLOAD_FORMATS, type ReportKind, type ReportScope } from '../utils/report-url';

type Props = {
  organizationId: string;
  snapshotId: string;
  kind: ReportKind;
  scope?: ReportScope;
  /** What the report is, e.g. "Role definition"; also names the group for screen readers. */
  label: string;
};

/** Download links for a report in every format; the server streams the file. */
export function ReportDownloads({ organizationId, snapshotId, kind, scope, label }: Props) {
  return (
    <div className="report-downloads" role="group" aria-label={`${label} report downloads`}>
      <span className="report-downloads__label">{label}</span>
      {REPORT_DOWNLOAD_FORMATS.map((format) => (
        <a
          key={format}
          className="button button--quiet button--small"
          href={reportUrl(organizationId, kind, format, { snapshotId, ...scope })}
          download
          aria-label={`Download ${label.toLowerCase()} as ${format.toUpperCase()}`}
        >
          {format.toUpperCase()}
        </a>
      ))}
    </div>
  );
}
