import { useId, useState } from 'react';
import { TIERS } from '@rolemap/domain';
import type { CampaignScope, SurveyMode, SurveyModeRuleInput, Tier } from '../../../gql/graphql';
import type { OrgSnapshot } from '../../organizations/hooks/useOrgContext';
import { formatDate, tierLabel } from '../../shared/utils/format';

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
    modeRules: SurveyModeRuleInput[];
    opensAt: string;
    closesAt: string;
    minTotalPct: number;
    maxTotalPct: number;
  }) => Promise<void>;
};

const MODE_LABELS: Record<SurveyMode, string> = {
  SELF: 'Each person, their own',
  MANAGER: 'The line manager, for each report',
  BOTH: 'Each person, then their manager reviews',
};

/** A population with a mode of its own: a department, a tier, or both ('' for any). */
type RuleDraft = { department: string; tier: Tier | ''; mode: SurveyMode };

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
  const [rules, setRules] = useState<RuleDraft[]>([]);
  const changeRule = (index: number, change: Partial<RuleDraft>) =>
    setRules((current) => current.map((rule, at) => (at === index ? { ...rule, ...change } : rule)));
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
          modeRules: rules.map((rule) => ({
            department: rule.department.trim() || null,
            tier: rule.tier || null,
            mode: rule.mode,
          })),
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
          {(Object.keys(MODE_LABELS) as SurveyMode[]).map((value) => (
            <option key={value} value={value}>
              {MODE_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="survey-create__rules">
        <legend>Other modes for some people (the first rule that fits a person wins)</legend>
        {rules.map((rule, index) => (
          <div key={index} className="survey-create__row" role="group" aria-label={`Mode rule ${index + 1}`}>
            <div className="field">
              <label htmlFor={`${id}-rule-${index}-department`}>Department (any when empty)</label>
              <input
                id={`${id}-rule-${index}-department`}
                type="text"
                value={rule.department}
                onChange={(e) => changeRule(index, { department: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-rule-${index}-tier`}>Tier</label>
              <select
                id={`${id}-rule-${index}-tier`}
                value={rule.tier}
                onChange={(e) => changeRule(index, { tier: e.target.value as Tier | '' })}
              >
                <option value="">Any tier</option>
                {TIERS.map((tier) => (
                  <option key={tier} value={tier}>
                    {tierLabel(tier)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-rule-${index}-mode`}>Who fills in</label>
              <select
                id={`${id}-rule-${index}-mode`}
                value={rule.mode}
                onChange={(e) => changeRule(index, { mode: e.target.value as SurveyMode })}
              >
                {(Object.keys(MODE_LABELS) as SurveyMode[]).map((value) => (
                  <option key={value} value={value}>
                    {MODE_LABELS[value]}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="button"
              aria-label={`Remove mode rule ${index + 1}`}
              onClick={() => setRules((current) => current.filter((_, at) => at !== index))}
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => setRules((current) => [...current, { department: '', tier: '', mode: 'MANAGER' }])}
        >
          Add a mode rule
        </button>
      </fieldset>
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
