import { useId, useState } from 'react';
import type { CampaignScope, SurveyMode } from '../../../gql/graphql';
import type { OrgSnapshot } from '../../organizations/hooks/useOrgContext';
import { formatDate } from '../../shared/utils/format';

type Props = {
  organizationId: string;
  snapshots: readonly OrgSnapshot[];
  defaultSnapshotId: string | null;
  busy: boolean;
  onCreate: (input: {
    organizationId: string;
    name: string;
    baseSnapshotId: string;
    scope: CampaignScope;
    scopeValue: string | null;
    defaultMode: SurveyMode;
    opensAt: string;
    closesAt: string;
    minTotalPct: number;
    maxTotalPct: number;
  }) => Promise<void>;
};

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** HR's form for a new campaign: which snapshot and people, who fills in, the window and the accepted total. */
export function CreateCampaignForm({ organizationId, snapshots, defaultSnapshotId, busy, onCreate }: Props) {
  const id = useId();
  const [name, setName] = useState('');
  const [snapshotId, setSnapshotId] = useState(defaultSnapshotId ?? snapshots[0]?.id ?? '');
  const [scope, setScope] = useState<CampaignScope>('ORGANIZATION');
  const [scopeValue, setScopeValue] = useState('');
  const [mode, setMode] = useState<SurveyMode>('SELF');
  const [opens, setOpens] = useState(today());
  const [closes, setCloses] = useState(inDays(14));
  const [min, setMin] = useState('95');
  const [max, setMax] = useState('105');
  return (
    <form
      className="card stack survey-create"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void onCreate({
          organizationId,
          name,
          baseSnapshotId: snapshotId,
          scope,
          scopeValue: scope === 'ORGANIZATION' ? null : scopeValue,
          defaultMode: mode,
          opensAt: opens === today() ? new Date().toISOString() : `${opens}T00:00:00.000Z`,
          closesAt: `${closes}T23:59:59.000Z`,
          minTotalPct: Number(min),
          maxTotalPct: Number(max),
        });
      }}
    >
      <h2 id={`${id}-title`} className="card__title">
        New survey
      </h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-snapshot`}>Snapshot to survey</label>
        <select id={`${id}-snapshot`} value={snapshotId} onChange={(e) => setSnapshotId(e.target.value)}>
          {snapshots.map((snapshot) => (
            <option key={snapshot.id} value={snapshot.id}>
              v{snapshot.version} ({formatDate(snapshot.asOf)})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-scope`}>Who is asked</label>
        <select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.target.value as CampaignScope)}>
          <option value="ORGANIZATION">The whole organization</option>
          <option value="DEPARTMENT">One department</option>
          <option value="SUBTREE">A leader and everyone below them</option>
        </select>
      </div>
      {scope !== 'ORGANIZATION' && (
        <div className="field">
          <label htmlFor={`${id}-scope-value`}>{scope === 'DEPARTMENT' ? 'Department' : 'Leader’s employee id'}</label>
          <input
            id={`${id}-scope-value`}
            type="text"
            required
            value={scopeValue}
            onChange={(e) => setScopeValue(e.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-mode`}>Who fills in each form</label>
        <select id={`${id}-mode`} value={mode} onChange={(e) => setMode(e.target.value as SurveyMode)}>
          <option value="SELF">Each person, their own</option>
          <option value="MANAGER">The line manager, for each report</option>
          <option value="BOTH">Each person, then their manager reviews</option>
        </select>
      </div>
      <div className="survey-create__row">
        <div className="field">
          <label htmlFor={`${id}-opens`}>Opens</label>
          <input id={`${id}-opens`} type="date" required value={opens} onChange={(e) => setOpens(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-closes`}>Closes (end of day, UTC)</label>
          <input id={`${id}-closes`} type="date" required value={closes} onChange={(e) => setCloses(e.target.value)} />
        </div>
      </div>
      <div className="survey-create__row">
        <div className="field">
          <label htmlFor={`${id}-min`}>Lowest accepted total (%)</label>
          <input
            id={`${id}-min`}
            className="input--number"
            type="number"
            min={0}
            max={100}
            value={min}
            onChange={(e) => setMin(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-max`}>Highest accepted total (%)</label>
          <input
            id={`${id}-max`}
            className="input--number"
            type="number"
            min={100}
            max={200}
            value={max}
            onChange={(e) => setMax(e.target.value)}
          />
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy || !name.trim() || !snapshotId}>
          Create the survey
        </button>
      </div>
    </form>
  );
}
