import { useId, useState } from 'react';
import { formatPct } from '../../shared/utils/format';
import type { ResponsibilityDrop } from '../utils/scenario-edits';
import { ShareField, sharePctOf } from './ShareField';

type Props = {
  drop: ResponsibilityDrop;
  holderName: string;
  disabled: boolean;
  /** Adds the move with the share to move (null: all of it). */
  onConfirm: (sharePct: number | null) => void;
  onCancel: () => void;
};

/** A responsibility dropped on someone's card: the share to move (all of it unless changed), then Move or Cancel. */
export function ConfirmResponsibilityMove({ drop, holderName, disabled, onConfirm, onCancel }: Props) {
  const id = useId();
  const [share, setShare] = useState('');
  return (
    <form
      className="stack scenario-move__confirm"
      aria-label={`Move “${drop.responsibility}” to ${drop.toName}`}
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm(sharePctOf(share));
      }}
    >
      <p>
        Move “{drop.responsibility}” ({formatPct(drop.sharePct)} of {holderName}’s time) to <strong>{drop.toName}</strong>?
      </p>
      <ShareField id={`${id}-share`} holderName={holderName} maxPct={drop.sharePct} value={share} onChange={setShare} />
      <div className="actions">
        <button type="submit" className="button button--primary button--small" disabled={disabled} autoFocus>
          Move
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
