import { TIERS, type Tier } from '@rolemap/domain';
import { useId } from 'react';
import type { TierSource } from '../../../gql/graphql';
import { tierLabel } from '../../shared/utils/format';
import { useOverrideSelect } from '../hooks/useOverrideSelect';

type Props = {
  tier: Tier;
  source: TierSource;
  /** The position's grade as imported, named when it decided the tier. */
  grade?: string | null;
  /** Resolves once the change is saved and the analysis refetched; null clears HR's tier. */
  onChange: (tier: Tier | null) => Promise<unknown>;
};

const SOURCE_TEXT: Record<TierSource, string> = {
  TITLE: 'inferred from the job title',
  STRUCTURE: 'inferred from the reporting lines',
  OVERRIDE: 'set by HR',
  GRADE: 'inferred from the grade',
};

/** The position's tier, why it is that tier, and HR's override of it. */
export function TierControl({ tier, source, grade, onChange }: Props) {
  const selectId = useId();
  const noteId = useId();
  // '' stands for the inferred tier.
  const current = source === 'OVERRIDE' ? tier : '';
  const { selectRef, draft, setDraft, saving, error, changed, submit } = useOverrideSelect<Tier>(current, onChange);

  return (
    <div className="override">
      <p className="override__current">
        <span className="override__label">Tier</span> <strong>{tierLabel(tier)}</strong>{' '}
        <span className="muted">
          · {SOURCE_TEXT[source]}
          {source === 'GRADE' && grade ? ` “${grade}”` : ''}
        </span>
      </p>
      <form className="override__form" aria-busy={saving} onSubmit={(event) => void submit(event)}>
        <label htmlFor={selectId}>Change tier</label>
        <select
          id={selectId}
          ref={selectRef}
          value={draft}
          disabled={saving}
          aria-describedby={noteId}
          onChange={(event) => setDraft(event.target.value as Tier | '')}
        >
          <option value="">Inferred (clear override)</option>
          {TIERS.map((option) => (
            <option key={option} value={option}>
              {tierLabel(option)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small" disabled={saving || !changed}>
          {saving ? 'Saving…' : 'Apply'}
        </button>
      </form>
      <p id={noteId} className="field-hint">
        Applies to this snapshot and future ones.
      </p>
      {error && (
        <p role="alert" className="field-error">
          Could not change the tier: {error}
        </p>
      )}
    </div>
  );
}
