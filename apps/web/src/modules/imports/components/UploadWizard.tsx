import { useId, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { JobProgress } from '../../shared/components/JobProgress';
import { plural } from '../../shared/utils/format';
import { useImportWizard } from '../hooks/useImportWizard';
import { FileField } from './FileField';
import { ImportCounts } from './ImportCounts';
import { ImportIssuesTable } from './ImportIssuesTable';
import { MappingEditor } from './MappingEditor';
import { ReadChoices } from './ReadChoices';
import type { AsOfOrigin } from '../hooks/useImportWizard';
import { UploadProgressBar } from './UploadProgressBar';

type Props = {
  /** Prefilled for an existing organization; empty for a new one. */
  organizationName: string;
};

/** Choose files → check (preview, fix the mapping) → import as a new snapshot. */
export function UploadWizard({ organizationName }: Props) {
  const wizard = useImportWizard(organizationName);
  const nameId = useId();
  const asOfId = useId();
  const busy = wizard.phase === 'checking' || wizard.phase === 'importing';
  const { preview, result } = wizard;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void wizard.check();
  };

  if (wizard.phase === 'imported' && result) {
    return (
      <section className="card import-done" aria-labelledby="import-done-heading">
        {result.ok && result.snapshotVersion ? (
          <>
            <h2 id="import-done-heading" className="card__title">
              Imported snapshot v{result.snapshotVersion} of {result.organizationName}
            </h2>
            <p>
              {plural(result.people, 'person', 'people')}, {plural(result.positions, 'position')} and{' '}
              {plural(result.responsibilities, 'responsibility', 'responsibilities')} were saved.
            </p>
            <p className="actions">
              <Link
                className="button button--primary"
                to={`/org/${result.organizationId}/overview?snapshot=${result.snapshotId}`}
              >
                Open the overview
              </Link>
              <button type="button" className="button" onClick={wizard.reset}>
                Import other files
              </button>
            </p>
          </>
        ) : (
          <>
            <h2 id="import-done-heading" className="card__title">
              Nothing imported: these files equal snapshot v{result.duplicateOfVersion}
            </h2>
            <p>The chart has not changed since that version. Import it anyway to record a new date.</p>
            <p className="actions">
              <button type="button" className="button button--primary" onClick={() => void wizard.commit(true)}>
                Import anyway
              </button>
              <button type="button" className="button" onClick={wizard.reset}>
                Start again
              </button>
            </p>
          </>
        )}
      </section>
    );
  }

  return (
    <div className="wizard">
      <ol className="steps" aria-label="Import steps">
        <li aria-current={wizard.phase === 'choose' || wizard.phase === 'checking' ? 'step' : undefined}>1. Choose files</li>
        <li aria-current={wizard.phase === 'checked' ? 'step' : undefined}>2. Check columns and errors</li>
        <li aria-current={wizard.phase === 'importing' ? 'step' : undefined}>3. Import</li>
      </ol>

      <form className="card form" onSubmit={submit} aria-labelledby="import-files-heading">
        <h2 id="import-files-heading" className="card__title">
          Files
        </h2>
        <div className="form__grid">
          <div className="field">
            <label htmlFor={nameId}>Organization name</label>
            <input
              id={nameId}
              type="text"
              required
              value={wizard.organizationName}
              onChange={(event) => wizard.setOrganizationName(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={asOfId}>Chart as of</label>
            <input
              id={asOfId}
              type="date"
              required
              value={wizard.asOf}
              aria-describedby={`${asOfId}-hint`}
              onChange={(event) => wizard.setAsOf(event.target.value)}
            />
            <p id={`${asOfId}-hint`} className="field-hint">
              {asOfHint(wizard.asOfOrigin)}
            </p>
          </div>
          <FileField
            label="People file"
            hint="CSV, XLSX or JSON from your HRIS: one row per person, with their manager."
            file={wizard.files.people}
            required
            onChange={(file) => wizard.setFile('people', file)}
          />
          <FileField
            label="Responsibilities file"
            hint="One row per responsibility: employee id, responsibility, share of time, value level."
            file={wizard.files.responsibilities}
            onChange={(file) => wizard.setFile('responsibilities', file)}
          />
        </div>
        <p className="actions">
          <button type="submit" className="button button--primary" disabled={busy || !wizard.files.people}>
            {preview ? 'Check again' : 'Check files'}
          </button>
        </p>
        {busy && wizard.job && <JobProgress job={wizard.job} action="Importing" />}
        {busy && !wizard.job && (
          <UploadProgressBar
            progress={wizard.progress}
            uploaded={wizard.uploaded}
            action={wizard.phase === 'importing' ? 'Importing' : 'Checking the files'}
          />
        )}
        {wizard.error && (
          <p role="alert" className="notice notice--error">
            {wizard.error}
          </p>
        )}
      </form>

      {preview && (
        <section className="card" aria-labelledby="import-check-heading">
          <h2 id="import-check-heading" className="card__title">
            {preview.ok ? 'Ready to import' : `${plural(preview.errors.length, 'problem')} to fix before importing`}
          </h2>
          <ImportCounts result={preview} />

          <h3 className="subheading">Column mapping</h3>
          <p className="muted small">
            Check that every column is used as the right field. Fix a column by choosing its field, then check again.
          </p>
          <MappingEditor
            kind="people"
            fileName={preview.peopleFile.fileName}
            rows={wizard.rows.people}
            overrides={wizard.overrides.people}
            onChange={(header, field) => wizard.setOverride('people', header, field)}
          />
          {preview.responsibilitiesFile && (
            <MappingEditor
              kind="responsibilities"
              fileName={preview.responsibilitiesFile.fileName}
              rows={wizard.rows.responsibilities}
              overrides={wizard.overrides.responsibilities}
              onChange={(header, field) => wizard.setOverride('responsibilities', header, field)}
            />
          )}

          <ReadChoices preview={preview} choices={wizard.choices} onChange={wizard.setChoice} />

          <ImportIssuesTable issues={preview.errors} title="Errors" tone="error" />
          <ImportIssuesTable issues={preview.warnings} title="Warnings" tone="warning" />

          <p className="actions">
            {wizard.mappingChanged ? (
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void wizard.check()}>
                {wizard.columnsChanged ? 'Check again with this mapping' : 'Check again with these choices'}
              </button>
            ) : (
              <button
                type="button"
                className="button button--primary"
                disabled={busy || !preview.ok}
                onClick={() => void wizard.commit()}
              >
                Import as a new snapshot
              </button>
            )}
            {!preview.ok && !wizard.mappingChanged && (
              <span className="muted small">
                {' '}
                Fix the errors in the file (or the mapping, or the choices above) and check again.
              </span>
            )}
          </p>
        </section>
      )}
    </div>
  );
}

/** Says where the date came from, so HR knows whether to change it. */
function asOfHint(origin: AsOfOrigin): string {
  switch (origin.kind) {
    case 'file name':
      return `From the file name (${origin.text}). Change it if the chart describes another day.`;
    case 'file content':
      return `From the file ("${origin.text}"). Change it if the chart describes another day.`;
    case 'today':
      return 'Today: neither the file name nor its first lines give a date. The day the chart describes.';
    case 'chosen':
      return 'The day the chart describes.';
  }
}
