import { VALUE_LEVELS, VALUE_LEVEL_LABELS } from '@rolemap/domain';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../shared/components/ErrorState';
import { JobProgress } from '../../shared/components/JobProgress';
import { LoadingState } from '../../shared/components/LoadingState';
import { useCampaignProgress } from '../hooks/useCampaigns';
import { OfflineTemplates } from './OfflineTemplates';
import { formatDate } from '../../shared/utils/format';

type Props = { campaignId: string; linkTo: (path: string) => string; orgId: string };

const pct = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** HR's view of one survey: response rates, who is missing, managers' adjustments, and the actions on it. */
export function CampaignProgressView({ campaignId, linkTo, orgId }: Props) {
  const { progress, invite, close, closeJob, busy } = useCampaignProgress(campaignId);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [policy, setPolicy] = useState<'KEEP_PREVIOUS' | 'NONE'>('KEEP_PREVIOUS');
  if (progress.loading && !progress.data) return <LoadingState label="Loading the survey…" />;
  if (progress.error) return <ErrorState title="Could not load the survey." error={progress.error} />;
  const data = progress.data;
  if (!data) return null;
  const { surveyCampaign: campaign, surveyProgress: stats, surveyMissing: missing } = data;
  const open = campaign.phase === 'OPEN' || campaign.phase === 'SCHEDULED';
  const act = async (work: () => Promise<string>) => {
    setError(null);
    setMessage(null);
    try {
      setMessage(await work());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <div className="stack survey-progress">
      <div>
        <p>
          <Link to={linkTo(`/org/${orgId}/surveys`)}>All surveys</Link>
        </p>
        <h2 className="section-title">{campaign.name}</h2>
        <p className="field-hint">
          {campaign.participantCount} people · snapshot v{campaign.baseSnapshotVersion} · {formatDate(campaign.opensAt)} to{' '}
          {formatDate(campaign.closesAt)} · accepted total {campaign.minTotalPct}-{campaign.maxTotalPct}%
        </p>
      </div>

      <section className="card" aria-labelledby="survey-rate">
        <h3 id="survey-rate" className="card__title">
          Responses
        </h3>
        <p role="status">
          <strong>
            {stats.responded} of {stats.invited}
          </strong>{' '}
          answered ({pct(stats.rate)}); {stats.inProgress} in progress; {stats.awaitingReview} waiting for their manager’s review.
        </p>
        <div className="survey-tables">
          {(
            [
              ['By department', stats.byDepartment],
              ['By manager', stats.byManager],
            ] as const
          ).map(([title, groups]) => (
            <table key={title} className="counts-table">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Answered</th>
                  <th scope="col">Rate</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => (
                  <tr key={group.key ?? 'pooled'}>
                    <th scope="row">{group.label}</th>
                    <td>
                      {group.responded} / {group.invited}
                    </td>
                    <td>{pct(group.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
        <p className="field-hint">Groups under five people are shown only together, never on their own.</p>
      </section>

      <section className="card" aria-labelledby="survey-gap">
        <h3 id="survey-gap" className="card__title">
          Manager adjustments
        </h3>
        {stats.gap.compared < 5 ? (
          <p>
            {stats.gap.compared} form{stats.gap.compared === 1 ? '' : 's'} reviewed by a manager so far: figures appear from five
            on.
          </p>
        ) : (
          <>
            <p>
              Over {stats.gap.compared} reviewed forms managers moved <strong>{stats.gap.meanPoints} points</strong> of the week
              on average; {stats.gap.largeAdjustments} by 10 points or more.
            </p>
            <table className="counts-table">
              <caption>Mean share of the week by level</caption>
              <thead>
                <tr>
                  <th scope="col">Level</th>
                  <th scope="col">People said</th>
                  <th scope="col">Managers said</th>
                </tr>
              </thead>
              <tbody>
                {VALUE_LEVELS.map((level) => (
                  <tr key={level}>
                    <th scope="row">{VALUE_LEVEL_LABELS[level]}</th>
                    <td>{stats.gap.selfMix[level]}%</td>
                    <td>{stats.gap.managerMix[level]}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      {stats.writtenIn.length > 0 && (
        <section className="card" aria-labelledby="survey-written-in">
          <h3 id="survey-written-in" className="card__title">
            Activities written in (for review)
          </h3>
          <ul aria-label="Activities written in">
            {stats.writtenIn.map((entry) => (
              <li key={entry.text}>
                “{entry.text}” ×{entry.count}: reads as {entry.suggestedLevel.toLowerCase()} ({Math.round(entry.confidence * 100)}
                %)
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="survey-missing">
        <h3 id="survey-missing" className="card__title">
          Not answered yet ({missing.totalCount})
        </h3>
        {missing.nodes.length === 0 ? (
          <p>Everyone has answered.</p>
        ) : (
          <div className="table-scroll">
            <table className="counts-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Department</th>
                  <th scope="col">Manager</th>
                  <th scope="col">Waiting for</th>
                </tr>
              </thead>
              <tbody>
                {missing.nodes.map((node) => (
                  <tr key={node.responseId}>
                    <th scope="row">{node.name}</th>
                    <td>{node.department ?? '—'}</td>
                    <td>{node.managerName ?? '—'}</td>
                    <td>{node.waitingFor === 'SELF' ? 'their own form' : 'their manager'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {campaign.phase !== 'CLOSED' && <OfflineTemplates campaignId={campaign.id} phase={campaign.phase} />}

      {campaign.resultSnapshotVersion && campaign.closeCoverage && (
        <p className="notice" role="status">
          Closed into snapshot v{campaign.resultSnapshotVersion}: {campaign.closeCoverage.surveyed} from the survey,{' '}
          {campaign.closeCoverage.carried} carried over ({campaign.closeCoverage.carriedAgeDays} days old),{' '}
          {campaign.closeCoverage.none} without data, {campaign.closeCoverage.outside} outside the survey.
        </p>
      )}

      {open && (
        <section className="card" aria-labelledby="survey-actions">
          <h3 id="survey-actions" className="card__title">
            Invitations and closing
          </h3>
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  const result = await invite('EMAIL', false);
                  return `${result?.emailed ?? 0} invitations e-mailed${result?.withoutEmail ? `; ${result.withoutEmail} people have no e-mail address (use the CSV)` : ''}.`;
                })
              }
            >
              E-mail the links
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  const result = await invite('EMAIL', true);
                  return `${result?.emailed ?? 0} reminders e-mailed.`;
                })
              }
            >
              Remind those missing
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  const result = await invite('CSV', false);
                  const link = document.createElement('a');
                  link.href = URL.createObjectURL(new Blob([result?.csv ?? ''], { type: 'text/csv' }));
                  link.download = `${campaign.name.replace(/[^\w-]+/g, '-')}-links.csv`;
                  link.click();
                  URL.revokeObjectURL(link.href);
                  return `${result?.issued ?? 0} links in the CSV (earlier links stop working).`;
                })
              }
            >
              Download links as CSV
            </button>
          </div>
          <div className="actions">
            <div className="field">
              <label htmlFor="survey-non-respondents">People who did not answer</label>
              <select id="survey-non-respondents" value={policy} onChange={(e) => setPolicy(e.target.value as typeof policy)}>
                <option value="KEEP_PREVIOUS">keep their previous responsibilities, marked with their age</option>
                <option value="NONE">have no responsibilities</option>
              </select>
            </div>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  const result = await close(policy);
                  return `Closed into snapshot v${result?.snapshotVersion}.`;
                })
              }
            >
              Close into a new snapshot
            </button>
          </div>
          {closeJob && <JobProgress job={closeJob} action="Closing the survey" />}
        </section>
      )}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
