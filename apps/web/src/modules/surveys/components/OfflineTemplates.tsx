import { ImportIssuesTable } from '../../imports/components/ImportIssuesTable';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { type TemplateUploadResult, useSurveyTemplates } from '../hooks/useSurveyTemplates';

type Props = { campaignId: string; phase: string };

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const people = (count: number) => `${count} ${count === 1 ? 'person' : 'people'}`;

/**
 * HR's offline route of a campaign that is not closed: a workbook per team to download, and a
 * filled-in one to upload (taken only while the survey is open; any error takes nothing).
 */
export function OfflineTemplates({ campaignId, phase }: Props) {
  const templates = useSurveyTemplates(campaignId);
  const { teams, result } = templates;
  const list = teams.data?.surveyTemplateTeams ?? [];
  const leaderName = (employeeId: string | null) =>
    list.find((team) => team.leaderEmployeeId === employeeId)?.leaderName ?? employeeId ?? 'the manager';
  return (
    <section className="card stack" aria-labelledby="survey-offline">
      <h3 id="survey-offline" className="card__title">
        Offline templates
      </h3>
      <p className="field-hint">
        For teams that will not use the web form: a workbook per manager with their people, pre-filled with the answers given so
        far. The manager fills in the shares and sends it back; upload it here. Managers can download their own team’s template
        from their forms page.
      </p>
      {teams.loading && !teams.data && <LoadingState label="Loading the teams…" />}
      {teams.error && <ErrorState title="Could not load the teams." error={teams.error} />}
      {teams.data && list.length === 0 && <p>Nobody in this survey has a manager in it: there is no team template.</p>}
      {list.length > 0 && (
        <div className="table-scroll">
          <table className="counts-table">
            <caption>Teams ({list.length})</caption>
            <thead>
              <tr>
                <th scope="col">Manager</th>
                <th scope="col">Department</th>
                <th scope="col">People</th>
                <th scope="col">Answered</th>
                <th scope="col">Template</th>
              </tr>
            </thead>
            <tbody>
              {list.map((team) => (
                <tr key={team.leaderEmployeeId}>
                  <th scope="row">{team.leaderName}</th>
                  <td>{team.department ?? '—'}</td>
                  <td>{team.members}</td>
                  <td>
                    {team.answered} / {team.members}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Download the template of ${team.leaderName}’s team`}
                      disabled={templates.downloading !== null}
                      onClick={() => void templates.download(team.leaderEmployeeId)}
                    >
                      {templates.downloading === team.leaderEmployeeId ? 'Downloading…' : 'Download'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {templates.downloadError && (
        <p role="alert" className="notice notice--error">
          {templates.downloadError}
        </p>
      )}

      {phase === 'OPEN' ? (
        <div className="stack">
          <div className="field">
            <label htmlFor="survey-template-file">Filled-in template (XLSX)</label>
            <input
              id="survey-template-file"
              type="file"
              accept={XLSX}
              aria-describedby="survey-template-file-hint"
              onChange={(event) => templates.choose(event.target.files?.[0] ?? null)}
            />
            <p id="survey-template-file-hint" className="field-hint">
              The whole file is checked first: if any row has a problem nothing is saved, and every problem is listed with its row
              and column.
            </p>
          </div>
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={!templates.file || templates.busy}
              onClick={() => void templates.check()}
            >
              Check without saving
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={!templates.file || templates.busy}
              onClick={() => void templates.upload()}
            >
              {templates.busy ? 'Working…' : 'Upload answers'}
            </button>
          </div>
          {templates.error && (
            <p role="alert" className="notice notice--error">
              {templates.error}
            </p>
          )}
          {result && <UploadOutcome result={result} leaderName={leaderName(result.leaderEmployeeId)} />}
        </div>
      ) : (
        <p className="field-hint">Filled-in templates are taken while the survey is open.</p>
      )}
    </section>
  );
}

function UploadOutcome({ result, leaderName }: { result: TemplateUploadResult; leaderName: string }) {
  if (!result.ok) {
    const count = result.errors.length;
    return (
      <>
        <p role="alert" className="notice notice--error">
          The file has {count} problem{count === 1 ? '' : 's'}; nothing was saved.
        </p>
        <div className="table-scroll">
          <ImportIssuesTable issues={result.errors} title="Problems to fix" tone="error" />
        </div>
      </>
    );
  }
  const skipped = result.skipped.length
    ? ` ${people(result.skipped.length)} answered online already: their rows were not read.`
    : '';
  const taken = result.submitted.length;
  const summary = result.dryRun
    ? `The file is valid: it would save the answers of ${people(taken)} in ${leaderName}’s team. Nothing was saved yet.`
    : taken === 0
      ? `Nothing to save: no one in ${leaderName}’s team has answers in the file.`
      : `Saved the answers of ${people(taken)} in ${leaderName}’s team, as submitted by their manager.`;
  return (
    <>
      <p role="status" className="notice">
        {summary}
        {skipped}
      </p>
      {result.warnings.length > 0 && (
        <div className="table-scroll">
          <ImportIssuesTable issues={result.warnings} title="Warnings" tone="warning" />
        </div>
      )}
    </>
  );
}
