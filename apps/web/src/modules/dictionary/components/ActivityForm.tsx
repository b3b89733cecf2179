import { VALUE_LEVELS, VALUE_LEVEL_DESCRIPTIONS, type ValueLevel } from '@rolemap/domain';
import { type FormEvent, useId, useState } from 'react';
import { valueLevelLabel } from '../../shared/utils/format';
import { useLevelSuggestion } from '../hooks/useLevelSuggestion';

export type ActivityDraft = { processKey: string; label: string; description: string; valueLevel: ValueLevel | '' };

type Props = {
  organizationId: string;
  /** The activity being edited; absent for a new one. */
  initial?: ActivityDraft;
  /** Processes a new activity may go under (by function); absent when editing. */
  processes?: readonly { key: string; label: string; functionLabel: string }[];
  submitLabel: string;
  onSubmit: (draft: ActivityDraft) => Promise<string | null>;
  onCancel?: () => void;
};

const LABEL_MAX = 300;
const DESCRIPTION_MAX = 2000;

/** Label, description and level of an activity; "Suggest" asks the classifier, HR decides. */
export function ActivityForm({ organizationId, initial, processes, submitLabel, onSubmit, onCancel }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<ActivityDraft>(
    initial ?? { processKey: processes?.[0]?.key ?? '', label: '', description: '', valueLevel: '' },
  );
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const suggestion = useLevelSuggestion(organizationId);
  const set = <K extends keyof ActivityDraft>(field: K, value: ActivityDraft[K]) =>
    setDraft((current) => ({ ...current, [field]: value }));

  const labelError =
    draft.label.trim() === ''
      ? 'Give the activity a label.'
      : draft.label.length > LABEL_MAX
        ? `At most ${LABEL_MAX} characters.`
        : null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (labelError) {
      setError(labelError);
      return;
    }
    setSaving(true);
    setError(await onSubmit(draft));
    setSaving(false);
  };
  const suggest = async () => {
    const found = await suggestion.suggest(draft.label, draft.description);
    if (found?.level) set('valueLevel', found.level);
  };

  return (
    <form className="activity-form stack" onSubmit={(event) => void submit(event)} noValidate aria-label={submitLabel}>
      {processes && (
        <div className="field">
          <label htmlFor={`${id}-process`}>Process</label>
          <select id={`${id}-process`} value={draft.processKey} onChange={(event) => set('processKey', event.target.value)}>
            {processes.map((process) => (
              <option key={process.key} value={process.key}>
                {process.functionLabel} › {process.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-label`}>Label</label>
        <input
          id={`${id}-label`}
          value={draft.label}
          maxLength={LABEL_MAX}
          aria-invalid={error !== null && labelError !== null}
          onChange={(event) => set('label', event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>
          Description <span className="muted">(optional)</span>
        </label>
        <textarea
          id={`${id}-description`}
          rows={2}
          value={draft.description}
          maxLength={DESCRIPTION_MAX}
          onChange={(event) => set('description', event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-level`}>Value level</label>
        <div className="field--inline">
          <select
            id={`${id}-level`}
            value={draft.valueLevel}
            aria-describedby={`${id}-level-hint`}
            onChange={(event) => set('valueLevel', event.target.value as ValueLevel | '')}
          >
            {!initial && <option value="">Let the classifier choose (marked for review)</option>}
            {VALUE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {valueLevelLabel(level)} — {VALUE_LEVEL_DESCRIPTIONS[level]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={suggestion.loading || !draft.label.trim()}
            onClick={() => void suggest()}
          >
            {suggestion.loading ? 'Suggesting…' : 'Suggest a level'}
          </button>
        </div>
        <p id={`${id}-level-hint`} className="field-hint" role="status">
          {suggestion.suggestion
            ? suggestion.suggestion.level
              ? `Suggested: ${valueLevelLabel(suggestion.suggestion.level)} (${Math.round(suggestion.suggestion.confidence * 100)}% confident${suggestion.suggestion.confident ? '' : ', check it'}).`
              : 'The classifier cannot judge this wording; choose a level.'
            : 'Saving a level confirms it.'}
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
        )}
        {error && (
          <span role="alert" className="field-error">
            {error}
          </span>
        )}
      </div>
    </form>
  );
}
