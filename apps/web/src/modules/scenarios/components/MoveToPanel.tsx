import { useState } from 'react';
import type { ScenarioEditInput } from '../../../gql/graphql';
import { usePositionDetails } from '../../overview/hooks/usePositionDetails';
import { formatPct } from '../../shared/utils/format';
import {
  RESPONSIBILITY_DRAG_TYPE,
  type ResponsibilityDrop,
  moveCardEdit,
  moveResponsibilityEdit,
  responsibilityDragData,
} from '../utils/scenario-edits';
import { ConfirmResponsibilityMove } from './ConfirmResponsibilityMove';
import { PersonPicker } from './PersonPicker';
import { ShareField, sharePctOf } from './ShareField';

type Props = {
  snapshotId: string;
  /** The selected card: its position id in the base snapshot, employee id and name. */
  positionId: string;
  employeeId: string;
  name: string;
  managerEmployeeId: string | null;
  disabled: boolean;
  onEdit: (edit: ScenarioEditInput) => Promise<boolean>;
  /** One of this person's responsibilities dropped on someone's card, waiting for its share. */
  dropped?: ResponsibilityDrop | null;
  /** The drop was moved or cancelled (or "Move to…" took over). */
  onDropSettled?: () => void;
};

type Picking = { kind: 'card' } | { kind: 'responsibility'; title: string; sharePct: number };

/**
 * The keyboard way to do what dragging does: "Move to…" a new manager for the selected person,
 * or "Move to…" another person for one of their responsibilities, with a searchable picker.
 * The responsibilities can also be dragged onto a card on the chart (`dropped` then asks for the share).
 */
export function MoveToPanel({
  snapshotId,
  positionId,
  employeeId,
  name,
  managerEmployeeId,
  disabled,
  onEdit,
  dropped = null,
  onDropSettled,
}: Props) {
  const { position } = usePositionDetails(positionId);
  const [picking, setPicking] = useState<Picking | null>(null);
  const [share, setShare] = useState('');
  const done = async (edit: ScenarioEditInput) => {
    if (await onEdit(edit)) setPicking(null);
  };
  return (
    <section className="card stack scenario-move" aria-label={`Move ${name}`}>
      <div className="actions">
        <strong>{name}</strong>
        <button
          type="button"
          className="button"
          disabled={disabled}
          aria-expanded={picking?.kind === 'card'}
          onClick={() => {
            onDropSettled?.();
            setPicking(picking?.kind === 'card' ? null : { kind: 'card' });
          }}
        >
          Move to…
        </button>
      </div>
      {picking?.kind === 'card' && (
        <PersonPicker
          snapshotId={snapshotId}
          label={`New manager for ${name}`}
          exclude={[employeeId, ...(managerEmployeeId ? [managerEmployeeId] : [])]}
          onPick={(manager) => void done(moveCardEdit(employeeId, manager.employeeId!))}
        />
      )}
      {position && position.responsibilities.length > 0 && (
        <ul className="scenario-move__responsibilities" aria-label={`Responsibilities of ${name}`}>
          {position.responsibilities.map((item) => (
            <li key={item.id}>
              <span
                className="scenario-move__drag"
                draggable={!disabled}
                title="Drag onto the card of whoever should take it on"
                data-responsibility={item.title}
                onDragStart={(event) => {
                  event.dataTransfer.setData(
                    RESPONSIBILITY_DRAG_TYPE,
                    responsibilityDragData({ from: employeeId, responsibility: item.title, sharePct: item.sharePct }),
                  );
                  event.dataTransfer.effectAllowed = 'move';
                }}
              >
                <span aria-hidden="true" className="scenario-move__grip">
                  ⠿
                </span>{' '}
                {item.title} <span className="muted">· {formatPct(item.sharePct)}</span>
              </span>
              <button
                type="button"
                className="button button--quiet button--small"
                disabled={disabled}
                aria-label={`Move “${item.title}” to…`}
                onClick={() => {
                  onDropSettled?.();
                  setShare('');
                  setPicking({ kind: 'responsibility', title: item.title, sharePct: item.sharePct });
                }}
              >
                Move to…
              </button>
              {dropped?.from === employeeId && dropped.responsibility === item.title ? (
                <ConfirmResponsibilityMove
                  key={`${dropped.to}:${dropped.responsibility}`}
                  drop={dropped}
                  holderName={name}
                  disabled={disabled}
                  onCancel={() => onDropSettled?.()}
                  onConfirm={(sharePct) =>
                    void onEdit(moveResponsibilityEdit(employeeId, item.title, dropped.to, sharePct)).then(
                      (ok) => ok && onDropSettled?.(),
                    )
                  }
                />
              ) : (
                picking?.kind === 'responsibility' &&
                picking.title === item.title && (
                  <div className="stack">
                    <ShareField
                      id={`share-${item.id}`}
                      holderName={name}
                      maxPct={picking.sharePct}
                      value={share}
                      onChange={setShare}
                    />
                    <PersonPicker
                      snapshotId={snapshotId}
                      label={`Who takes on “${item.title}”`}
                      exclude={[employeeId]}
                      onPick={(person) =>
                        void done(moveResponsibilityEdit(employeeId, item.title, person.employeeId!, sharePctOf(share)))
                      }
                    />
                  </div>
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
