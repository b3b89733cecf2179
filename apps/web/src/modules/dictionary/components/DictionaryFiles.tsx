import { ImportIssuesTable } from '../../imports/components/ImportIssuesTable';
import { useReportDownload } from '../../shared/hooks/useReportDownload';
import { useDictionaryImport } from '../hooks/useDictionaryImport';

type Props = {
  organizationId: string;
  versionNumber: number | null;
  editable: boolean;
  onPublished: (version: number | null) => Promise<void>;
};

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Export the current version as CSV/XLSX (everyone); import a file as the next version (HR). */
export function DictionaryFiles({ organizationId, versionNumber, editable, onPublished }: Props) {
  const downloads = useReportDownload();
  const upload = useDictionaryImport(organizationId, onPublished);
  const url = (format: string) => `/api/organizations/${organizationId}/dictionary.${format}`;
  const result = upload.result;
  return (
    <section className="card" aria-labelledby="dictionary-files-heading">
      <h3 id="dictionary-files-heading" className="card__title">
        Files
      </h3>
      {versionNumber !== null && (
        <div className="actions" role="group" aria-label="Download the dictionary">
          {['csv', 'xlsx'].map((format) => (
            <button
              key={format}
              type="button"
              className="button button--small"
              disabled={downloads.busy !== null}
              onClick={() => void downloads.download(format, url(format), `dictionary-v${versionNumber}.${format}`)}
            >
              {downloads.busy === format ? 'Downloading…' : `Download ${format.toUpperCase()}`}
            </button>
          ))}
        </div>
      )}
      {downloads.error && (
        <p role="alert" className="field-error">
          {downloads.error}
        </p>
      )}
      {editable && (
        <div className="stack">
          <div className="field">
            <label htmlFor="dictionary-file">Import a dictionary file</label>
            <input
              id="dictionary-file"
              type="file"
              accept={ACCEPT}
              aria-describedby="dictionary-file-hint"
              onChange={(event) => upload.choose(event.target.files?.[0] ?? null)}
            />
            <p id="dictionary-file-hint" className="field-hint">
              CSV or XLSX with the columns id, parent_id, label, description, level. It replaces the dictionary as a new version;
              earlier versions stay as they were.
            </p>
          </div>
          <div className="actions">
            <button type="button" className="button" disabled={!upload.file || upload.busy} onClick={() => void upload.check()}>
              Check file
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={!upload.file || upload.busy || (result !== null && !result.ok)}
              onClick={() => void upload.publish()}
            >
              {upload.busy ? 'Working…' : 'Import as new version'}
            </button>
          </div>
          {upload.error && (
            <p role="alert" className="field-error">
              {upload.error}
            </p>
          )}
          {result && result.ok && (
            <p role="status" className="notice">
              {result.dryRun
                ? `The file is valid: ${result.activityCount} activities in ${result.entryCount} entries${result.suggestedCount ? `, ${result.suggestedCount} with a suggested level to confirm` : ''}. Nothing was published yet.`
                : result.unchanged
                  ? 'The file is the same as the current version: nothing new was published.'
                  : `Imported as version ${result.version?.version}: ${result.activityCount} activities.`}
            </p>
          )}
          {result && !result.ok && (
            <>
              <p role="alert" className="notice notice--error">
                The file has {result.errors.length} problem{result.errors.length === 1 ? '' : 's'}; nothing was changed.
              </p>
              <ImportIssuesTable issues={result.errors} title="Problems to fix" tone="error" />
            </>
          )}
        </div>
      )}
    </section>
  );
}
