import { useId, useState, type FormEvent } from 'react';

type SnapshotRef = { id: string; version: number; asOf: string };

type Props = {
  snapshots: readonly SnapshotRef[];
  defaultSnapshotId: string | null;
  busy: boolean;
  onCreate: (input: { snapshotId: string; name: string; notes: string | null }) => Promise<void>;
};

/** A new draft scenario, branched from one snapshot. */
export function CreateScenarioForm({ snapshots, defaultSnapshotId, busy, onCreate }: Props) {
  const id = useId();
  const [name, setName] = useState('');
  const [notes, setNotes] = useState('');
  const [snapshotId, setSnapshotId] = useState(defaultSnapshotId ?? snapshots[0]?.id ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || !snapshotId) return;
    void onCreate({ snapshotId, name: name.trim(), notes: notes.trim() || null }).then(() => {
      setName('');
      setNotes('');
    });
  };
  return (
    <form className="card stack" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`} className="card__title">
        New scenario
      </h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} value={name} maxLength={200} onChange={(event) => setName(event.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-snapshot`}>Branch from snapshot</label>
        <select id={`${id}-snapshot`} value={snapshotId} onChange={(event) => setSnapshotId(event.target.value)}>
          {snapshots.map((snapshot) => (
            <option key={snapshot.id} value={snapshot.id}>
              v{snapshot.version} · {snapshot.asOf}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>Notes (optional)</label>
        <textarea id={`${id}-notes`} value={notes} maxLength={4000} onChange={(event) => setNotes(event.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy || !name.trim() || !snapshotId}>
          Create scenario
        </button>
      </div>
    </form>
  );
}
