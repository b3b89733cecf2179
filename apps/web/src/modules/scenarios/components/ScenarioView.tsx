import { useState } from 'react';
import type { ScenarioScoreFieldsFragment } from '../../../gql/graphql';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { formatDateTime, plural } from '../../shared/utils/format';
import type { ScenarioControls } from '../hooks/useScenario';
import { STATUS_LABELS, findingKindFigures, headlineFigures, tierGapFigures } from '../utils/scenario-figures';
import { AffectedPeople } from './AffectedPeople';
import { FigureTable } from './FigureTable';
import { FindingChanges } from './FindingChanges';
import { ScenarioChart } from './ScenarioChart';
import { ScenarioTracking } from './ScenarioTracking';

type SnapshotRef = { id: string; version: number; asOf: string };

type Props = {
  controls: ScenarioControls;
  isHrAdmin: boolean;
  snapshots: readonly SnapshotRef[];
  /** The newest snapshot when it is newer than the scenario's base. */
  rebaseOnto: (score: ScenarioScoreFieldsFragment) => SnapshotRef | null;
  /** The chart's top: the leader's own post for a leader, else null (whole chart). */
  chartRootPositionId: string | null;
  reportLinks?: (scenarioId: string) => React.ReactNode;
};

/** A scenario: its edits (undone one at a time), the scoring, the chart, and its life cycle. */
export function ScenarioView({ controls, isHrAdmin, snapshots, rebaseOnto, chartRootPositionId, reportLinks }: Props) {
  const { score, problem, busy } = controls;
  const [note, setNote] = useState('');
  if (score.loading && !score.data) return <LoadingState label="Scoring the scenario…" />;
  if (score.error && !score.data)
    return <ErrorState title="Could not load the scenario." error={score.error} onRetry={() => void score.refetch()} />;
  const data = score.data!.scenarioScore;
  const scenario = data.scenario;
  const base = snapshots.find((snapshot) => snapshot.id === scenario.snapshotId);
  const draft = scenario.status === 'DRAFT';
  const newer = rebaseOnto(data);
  const working = busy !== null;
  return (
    <div className="stack scenario">
      <header className="stack">
        <h2 className="section-title">
          {scenario.name}{' '}
          <span className={`status status--${scenario.status.toLowerCase()}`} data-testid="scenario-status">
            {STATUS_LABELS[scenario.status]}
          </span>
        </h2>
        <p className="field-hint">
          {scenario.kind === 'DELEGATION_PLAN' ? 'Delegation plan' : 'Scenario'} by {scenario.ownerName} · over snapshot{' '}
          {base ? `v${base.version} (${base.asOf})` : 'a removed snapshot'} · version {scenario.version} · changed{' '}
          {formatDateTime(scenario.updatedAt)}
          {scenario.decidedBy && ` · ${STATUS_LABELS[scenario.status].toLowerCase()} by ${scenario.decidedBy}`}
        </p>
        {scenario.notes && <p className="scenario__notes">{scenario.notes}</p>}
        {reportLinks?.(scenario.id)}
      </header>

      {problem && (
        <div role="alert" className="notice notice--error">
          {problem.conflict ? (
            <>
              <strong>Someone else changed this scenario while you had it open.</strong> Your change was not saved.{' '}
              {problem.message}{' '}
              <button type="button" className="button button--small" onClick={() => void controls.reload()}>
                Reload the scenario
              </button>
            </>
          ) : (
            problem.message
          )}
        </div>
      )}

      {newer && (
        <div className="notice notice--warning" role="note">
          A newer snapshot (v{newer.version}, {newer.asOf}) exists: this scenario is stale.{' '}
          <button
            type="button"
            className="button button--small"
            disabled={working}
            onClick={() => void controls.rebase(newer.id)}
          >
            Rebase onto v{newer.version}
          </button>
        </div>
      )}
      {scenario.droppedEdits.length > 0 && (
        <section aria-label="Edits that no longer apply" className="notice notice--warning">
          <p>
            <strong>{plural(scenario.droppedEdits.length, 'edit')} no longer apply</strong> after the last rebase (kept out, not
            lost):
          </p>
          <ul>
            {scenario.droppedEdits.map((edit) => (
              <li key={edit.number}>
                {edit.description}: {edit.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="actions" role="group" aria-label="Scenario status">
        {draft && (
          <button
            type="button"
            className="button button--primary"
            disabled={working || scenario.edits.length === 0}
            onClick={() => void controls.submit()}
          >
            Submit for approval
          </button>
        )}
        {scenario.status === 'PROPOSED' && isHrAdmin && (
          <>
            <div className="field">
              <label htmlFor="decision-note">Note for the owner (optional)</label>
              <input id="decision-note" value={note} onChange={(event) => setNote(event.target.value)} />
            </div>
            <button
              type="button"
              className="button button--primary"
              disabled={working}
              onClick={() => void controls.approve(note)}
            >
              Approve
            </button>
            <button type="button" className="button" disabled={working} onClick={() => void controls.reject(note)}>
              Reject
            </button>
          </>
        )}
        {(scenario.status === 'PROPOSED' || scenario.status === 'REJECTED') && (
          <button type="button" className="button" disabled={working} onClick={() => void controls.reopen()}>
            Back to draft
          </button>
        )}
      </div>

      <section aria-labelledby="scenario-edits-heading" className="stack">
        <h3 id="scenario-edits-heading" className="section-title">
          Edits <span className="muted">· {scenario.edits.length}</span>
        </h3>
        {scenario.edits.length === 0 ? (
          <p className="muted">
            No edits yet. {draft && 'Move people on the chart below, or plan delegations from the leader review.'}
          </p>
        ) : (
          <ol className="scenario-edits" aria-label="Edits in order">
            {scenario.edits.map((edit, i) => (
              <li key={edit.number}>
                {edit.description}
                {draft && i === scenario.edits.length - 1 && (
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    disabled={working}
                    onClick={() => void controls.undo()}
                  >
                    Undo
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
        {data.problems.length > 0 && (
          <ul className="notice notice--warning" aria-label="Edits that do not apply">
            {data.problems.map((item) => (
              <li key={item.number}>
                {item.description}: {item.message}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="scenario-score-heading" className="stack">
        <h3 id="scenario-score-heading" className="section-title">
          Scoring {busy && <span className="muted">· updating…</span>}
        </h3>
        <div className="scenario-score">
          <FigureTable caption="Role health" rows={headlineFigures(data)} />
          <FigureTable caption="Findings by kind" rows={findingKindFigures(data)} />
          <FigureTable caption="Tactical gap per tier" rows={tierGapFigures(data)} />
        </div>
        <p className="field-hint">Cost is not scored: salaries are not part of the data.</p>
        <FindingChanges resolved={data.resolved} introduced={data.introduced} />
      </section>

      <ScenarioChart
        snapshotId={scenario.snapshotId}
        rootPositionId={chartRootPositionId}
        affected={data.affected}
        editable={draft}
        busy={working}
        onEdit={(edit) => controls.addEdits([edit])}
      />

      <AffectedPeople affected={data.affected} />

      {scenario.status === 'APPROVED' && <ScenarioTracking scenarioId={scenario.id} />}
    </div>
  );
}
