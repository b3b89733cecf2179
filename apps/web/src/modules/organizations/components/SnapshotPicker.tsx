import { useId } from 'react';
import { formatDate } from '../../shared/utils/format';
import type { OrgSnapshot } from '../hooks/useOrgContext';

type Props = {
  snapshots: readonly OrgSnapshot[];
  value: string | null;
  onChange: (snapshotId: string) => void;
};

export function SnapshotPicker({ snapshots, value, onChange }: Props) {
  const id = useId();
  if (snapshots.length === 0) return null;
  return (
    <div className="field field--inline">
      <label htmlFor={id}>Snapshot</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        {snapshots.map((snapshot, index) => (
          <option key={snapshot.id} value={snapshot.id}>
            v{snapshot.version} · as of {formatDate(snapshot.asOf)}
            {index === 0 ? ' (latest)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
