import { useState } from 'react';
import type { ScenarioEditInput } from '../../../gql/graphql';
import { usePositionDetails } from '../../overview/hooks/usePositionDetails';
import { formatPct } from '../../shared/utils/format';
import { moveCardEdit, moveResponsibilityEdit } from '../utils/scenario-edits';
import { PersonPicker } from './PersonPicker';

type Props = {
  snapshotId: string;
  /** The selected card: its position id in the base snapshot, employee id and name. */
  positionId: string;
  employeeId: string;
  name: string;
  managerEmployeeId: string | null;
  disabled: boolean;
  onEdit: (edit: ScenarioEditInput) => Promise<boolean>;
};

type Picking = { kind: 'card' } | { kind: 'responsibility'; title: string; sharePct: number };

/**
 * The keyboard way to do what dragging does: "Move to…" a new manager for the selected person,
 * or "Move to…" another person for one of their responsibilities, with a searchable picker.
 */
export function MoveToPanel({ snapshotId, positionId, employeeId, name, managerEmployeeId, disabled, onEdit }: Props) {
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
          onClick={() => setPicking(picking?.kind === 'card' ? null : { kind: 'card' })}
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
              <span>
                {item.title} <span className="muted">· {formatPct(item.sharePct)}</span>
              </span>
              <button
                type="button"
                className="button button--quiet button--small"
                disabled={disabled}
                aria-label={`Move “${item.title}” to…`}
                onClick={() => {
                  setShare('');
                  setPicking({ kind: 'responsibility', title: item.title, sharePct: item.sharePct });
                }}
              >
                Move to…
              </button>
              {picking?.kind === 'responsibility' && picking.title === item.title && (
                <div className="stack">
                  <div className="field field--inline">
                    <label htmlFor={`share-${item.id}`}>Share of {name}’s time to move (empty: all of it)</label>
                    <input
                      id={`share-${item.id}`}
                      className="input--number"
                      type="number"
                      min={1}
                      max={picking.sharePct}
                      value={share}
                      onChange={(event) => setShare(event.target.value)}
                    />
                  </div>
                  <PersonPicker
                    snapshotId={snapshotId}
                    label={`Who takes on “${item.title}”`}
                    exclude={[employeeId]}
                    onPick={(person) =>
                      void done(moveResponsibilityEdit(employeeId, item.title, person.employeeId!, share ? Number(share) : null))
                    }
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
