import { useId, useState } from 'react';
import type { ActionPlanInput, ActionStep } from '../../../gql/graphql';
import { ACTION_STEP_TEXT } from '../utils/actions';

export type ActionPlanDraft = { owner: string; dueOn: string; step: ActionStep; delegateTo: string };

type Props = {
  /** What the server suggests (the leader, a month on, the step that fits the finding). */
  suggested: ActionPlanDraft;
  saving: boolean;
  onSubmit: (plan: ActionPlanInput) => void;
  onCancel: () => void;
};

const STEPS: ActionStep[] = ['DELEGATE', 'STOP_DOING', 'HIRE'];

/** The action accepting a finding opens: step, whom to delegate to, owner, due date. */
export function ActionForm({ suggested, saving, onSubmit, onCancel }: Props) {
  const id = useId();
  const [plan, setPlan] = useState<ActionPlanDraft>(suggested);
  const set = (field: keyof ActionPlanDraft) => (value: string) => setPlan((current) => ({ ...current, [field]: value }));
  const missingDelegate = plan.step === 'DELEGATE' && plan.delegateTo.trim() === '';
  const incomplete = plan.owner.trim() === '' || plan.dueOn === '' || missingDelegate;
  return (
    <form
      className="action-form"
      aria-label="Plan the action"
      onSubmit={(event) => {
        event.preventDefault();
        if (incomplete) return;
        onSubmit({
          step: plan.step,
          owner: plan.owner.trim(),
          dueOn: plan.dueOn,
          delegateTo: plan.step === 'DELEGATE' ? plan.delegateTo.trim() : null,
        });
      }}
    >
      <fieldset className="action-form__steps">
        <legend>Planned step</legend>
        {STEPS.map((step) => (
          <label key={step}>
            <input
              type="radio"
              name={`${id}-step`}
              value={step}
              checked={plan.step === step}
              onChange={() => set('step')(step)}
            />{' '}
            {ACTION_STEP_TEXT[step]}
          </label>
        ))}
      </fieldset>
      {plan.step === 'DELEGATE' && (
        <label className="action-form__field">
          Delegate to
          <input
            type="text"
            value={plan.delegateTo}
            maxLength={200}
            onChange={(event) => set('delegateTo')(event.target.value)}
          />
        </label>
      )}
      <label className="action-form__field">
        Owner
        <input type="text" value={plan.owner} maxLength={200} onChange={(event) => set('owner')(event.target.value)} />
      </label>
      <label className="action-form__field">
        Due
        <input type="date" value={plan.dueOn} required onChange={(event) => set('dueOn')(event.target.value)} />
      </label>
      {missingDelegate && <p className="field-error">Name whom the work is delegated to.</p>}
      <div className="review-controls__buttons">
        <button type="submit" className="button button--primary" disabled={saving || incomplete}>
          {saving ? 'Saving…' : 'Accept and plan the action'}
        </button>
        <button type="button" className="button button--quiet" disabled={saving} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
