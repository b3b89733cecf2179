import { type ResponsibilityLevel, VALUE_LEVELS, type ValueLevel } from '@rolemap/domain';
import { useEffect, useId } from 'react';
import type { ValueLevelSource } from '../../../gql/graphql';
import { valueLevelLabel } from '../../shared/utils/format';
import { useOverrideSelect } from '../hooks/useOverrideSelect';

type Props = {
  /** The responsibility's title, for the accessible names. */
  title: string;
  /** UNCLASSIFIED shows an empty choice until HR picks a level. */
  level: ResponsibilityLevel;
  source: ValueLevelSource;
  /** Resolves once saved and the analysis refetched; null clears HR's level. */
  onChange: (level: ValueLevel | null) => Promise<unknown>;
  /** Set after a save: the row may have moved to another level's group and been drawn anew. */
  focusRequested: boolean;
  onFocused: () => void;
};

/** A compact select to set HR's value level for one responsibility; "Save" shows once it differs. */
export function LevelControl({ title, level, source, onChange, focusRequested, onFocused }: Props) {
  const selectId = useId();
  const current: ValueLevel | '' = level === 'UNCLASSIFIED' ? '' : level;
  const { selectRef, draft, setDraft, saving, error, changed, submit } = useOverrideSelect<ValueLevel>(current, onChange, source);
  useEffect(() => {
    if (!focusRequested || saving) return;
    selectRef.current?.focus();
    onFocused();
  }, [focusRequested, saving, onFocused, selectRef]);

  return (
    <form className="level-control" aria-busy={saving} onSubmit={(event) => void submit(event)}>
      <label htmlFor={selectId} className="visually-hidden">
        Value level of “{title}”
      </label>
      <select
        id={selectId}
        ref={selectRef}
        className="level-control__select"
        value={draft}
        disabled={saving}
        onChange={(event) => setDraft(event.target.value as ValueLevel | '')}
      >
        {level === 'UNCLASSIFIED' && (
          <option value="" disabled>
            Needs review — choose a level
          </option>
        )}
        {VALUE_LEVELS.map((option) => (
          <option key={option} value={option}>
            {valueLevelLabel(option)}
          </option>
        ))}
        {source === 'OVERRIDE' && <option value="">Clear (use the file or the classifier)</option>}
      </select>
      {(changed || saving) && (
        <button type="submit" className="button button--small" disabled={saving} aria-label={`Save the level of “${title}”`}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      )}
      {error && (
        <p role="alert" className="field-error level-control__error">
          Could not save the level: {error}
        </p>
      )}
    </form>
  );
}
