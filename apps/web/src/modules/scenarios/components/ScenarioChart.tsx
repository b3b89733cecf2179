import { OrgChartView } from '@rolemap/web-org-chart';
import { useMemo, useState } from 'react';
import type { ScenarioEditInput, ScenarioScoreFieldsFragment } from '../../../gql/graphql';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { useScenarioChart } from '../hooks/useScenarioChart';
import { scenarioChartNodes } from '../utils/scenario-chart';
import { RESPONSIBILITY_DRAG_TYPE, type ResponsibilityDrop, dropEdit, responsibilityDrop } from '../utils/scenario-edits';
import { MoveToPanel } from './MoveToPanel';

type Props = {
  snapshotId: string;
  /** The leader's own post for a leader's plan; null for the whole chart. */
  rootPositionId: string | null;
  affected: ScenarioScoreFieldsFragment['affected'];
  editable: boolean;
  busy: boolean;
  onEdit: (edit: ScenarioEditInput) => Promise<boolean>;
};

const CHART_OPTIONS = { animationMs: 0 };

/**
 * The chart as the scenario leaves it. In a draft, drag a card onto a new manager (or select it
 * and use "Move to…"), and drag one of the selected person's responsibilities onto whoever should
 * take it on (or use its "Move to…"); changed cards are marked, and "Show the baseline" draws the
 * chart as it is.
 */
export function ScenarioChart({ snapshotId, rootPositionId, affected, editable, busy, onEdit }: Props) {
  const { top, base, expected } = useScenarioChart(snapshotId, rootPositionId);
  const [baseline, setBaseline] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dropMessage, setDropMessage] = useState<string | null>(null);
  const [droppedResponsibility, setDroppedResponsibility] = useState<ResponsibilityDrop | null>(null);
  const nodes = useMemo(() => scenarioChartNodes(base, affected, expected, { baseline }), [base, affected, expected, baseline]);
  const byId = useMemo(() => {
    const employeeIds = new Map(base.map((node) => [node.id, node.employeeId]));
    return new Map(nodes.map((node) => [node.id, { ...node, employeeId: employeeIds.get(node.id) ?? null }]));
  }, [nodes, base]);
  const selected = selectedId ? byId.get(selectedId) : undefined;
  const manager = selected?.parentId ? byId.get(selected.parentId) : undefined;

  if (top.loading && !top.data) return <LoadingState label="Loading the chart…" />;
  if (top.error) return <ErrorState title="Could not load the chart." error={top.error} onRetry={() => void top.refetch()} />;
  const canMove = editable && !baseline;
  return (
    <section aria-labelledby="scenario-chart-heading" className="stack scenario-chart">
      <div className="actions">
        <h3 id="scenario-chart-heading" className="section-title">
          Chart {baseline ? 'as it is (baseline)' : 'with the edits'}
        </h3>
        <label className="field--inline">
          <input type="checkbox" checked={baseline} onChange={(event) => setBaseline(event.target.checked)} /> Show the baseline
        </label>
      </div>
      {canMove && (
        <p className="field-hint">
          Drag a card onto its new manager, or select it and use “Move to…”. Select someone to list their responsibilities below:
          drag one onto the card of whoever should take it on, or use its “Move to…”. Marked cards are the ones the scenario
          changes.
        </p>
      )}
      {dropMessage && (
        <p role="status" className="notice notice--warning">
          {dropMessage}
        </p>
      )}
      <div className="chart-frame">
        <OrgChartView
          nodes={nodes}
          depth={SCENARIO_DEPTH}
          options={CHART_OPTIONS}
          height={520}
          onSelect={(node) => {
            setSelectedId(node?.id ?? null);
            setDroppedResponsibility(null);
          }}
          onCardDrop={
            canMove
              ? (draggedId, targetId) => {
                  const result = dropEdit(draggedId, targetId, byId);
                  if ('reason' in result) {
                    setDropMessage(result.reason);
                    return;
                  }
                  setDropMessage(null);
                  void onEdit(result.edit);
                }
              : undefined
          }
          // Fixed while the draft can be edited: a type that came and went with the selection would rebuild the chart.
          externalDrop={
            canMove
              ? {
                  type: RESPONSIBILITY_DRAG_TYPE,
                  onDrop: (targetId, data) => {
                    const result = responsibilityDrop(data, targetId, byId);
                    setDropMessage('reason' in result ? result.reason : null);
                    setDroppedResponsibility('reason' in result ? null : result.drop);
                  },
                }
              : undefined
          }
        />
      </div>
      {canMove && selected?.employeeId && (
        <MoveToPanel
          key={selected.id}
          snapshotId={snapshotId}
          positionId={selected.id}
          employeeId={selected.employeeId}
          name={selected.name}
          managerEmployeeId={manager?.employeeId ?? null}
          disabled={busy}
          onEdit={onEdit}
          dropped={droppedResponsibility}
          onDropSettled={() => setDroppedResponsibility(null)}
        />
      )}
    </section>
  );
}

const SCENARIO_DEPTH = 4;
