import { VALUE_LEVELS, type ValueLevel } from '@rolemap/domain';
import { useId, useState } from 'react';
import { formatPct, valueLevelLabel } from '../../shared/utils/format';
import type { ReviewGroup } from '../hooks/useReviewQueue';

type Props = {
  group: ReviewGroup;
  selected: boolean;
  busy: boolean;
  onSelect: (on: boolean) => void;
  onConfirm: (level: ValueLevel) => Promise<unknown>;
};

const odds = (probability: number) => formatPct(probability * 100);

/** One wording awaiting review: what the classifier read, who holds it, and confirming a level for all of them. */
export function ReviewGroupItem({ group, selected, busy, onSelect, onConfirm }: Props) {
  const selectId = useId();
  const [other, setOther] = useState<ValueLevel | ''>('');
  const quoted = `“${group.text}”`;
  const holders = group.samplePositions.map((sample) =>
    sample.employeeId ? `${sample.name ?? sample.employeeId} (${sample.title})` : `Vacant ${sample.title}`,
  );
  const more = group.count - group.samplePositions.length;
  return (
    <li className="review-item queue-item" aria-label={group.text}>
      <div className="queue-item__head">
        <input
          type="checkbox"
          checked={selected}
          disabled={busy || !group.suggestedLevel}
          onChange={(event) => onSelect(event.target.checked)}
          aria-label={`Select ${quoted}`}
        />
        <div>
          <p className="queue-item__text">
            <strong>{group.text}</strong>
            {group.description && <span className="muted"> — {group.description}</span>}
          </p>
          <p className="small muted">
            {group.count === 1 ? '1 responsibility' : `${group.count} responsibilities`}, {formatPct(group.totalSharePct)} of a
            person’s time in all · held by {holders.join(', ')}
            {more > 0 && `, and ${more} more`}
          </p>
        </div>
      </div>
      <p className="review-item__text">
        {group.suggestedLevel ? (
          <>
            Reads as <strong>{valueLevelLabel(group.suggestedLevel)}</strong> ({odds(group.confidence)})
            {group.runnerUp && (
              <>
                {' '}
                or {valueLevelLabel(group.runnerUp)} ({odds(group.runnerUpConfidence)})
              </>
            )}
            {' · '}
          </>
        ) : null}
        <span className="queue-item__reason">{capitalise(group.reasonText)}</span>
      </p>
      {group.decidingWords.length > 0 && (
        <p className="small">
          Deciding words:{' '}
          {group.decidingWords.map((words) => (
            <span key={words} className="tag tag--info queue-item__word">
              {words}
            </span>
          ))}
        </p>
      )}
      <div className="queue-item__actions">
        {group.suggestedLevel && (
          <button
            type="button"
            className="button button--primary button--small"
            disabled={busy}
            onClick={() => void onConfirm(group.suggestedLevel as ValueLevel)}
            aria-label={`Confirm ${quoted} as ${valueLevelLabel(group.suggestedLevel)}`}
          >
            Confirm {valueLevelLabel(group.suggestedLevel)}
          </button>
        )}
        <form
          className="queue-item__other"
          onSubmit={(event) => {
            event.preventDefault();
            if (other) void onConfirm(other);
          }}
        >
          <label htmlFor={selectId} className="small">
            {group.suggestedLevel ? 'or another level' : 'Choose a level'}
          </label>
          <select
            id={selectId}
            value={other}
            disabled={busy}
            onChange={(event) => setOther(event.target.value as ValueLevel | '')}
          >
            <option value="">—</option>
            {VALUE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {valueLevelLabel(level)}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="button button--small"
            disabled={busy || !other}
            aria-label={`Set the level of ${quoted}`}
          >
            Set
          </button>
        </form>
      </div>
    </li>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
