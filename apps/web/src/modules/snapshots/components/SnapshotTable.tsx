import { Link } from 'react-router-dom';
import { formatDate, formatDateTime } from '../../shared/utils/format';
import type { OrgSnapshot } from '../../organizations/hooks/useOrgContext';

type Props = {
  snapshots: readonly OrgSnapshot[];
  currentId: string | null;
  overviewLink: (snapshotId: string) => string;
  /** The snapshot's review queue (responsibilities whose level needs review). */
  reviewQueueLink: (snapshotId: string) => string;
};

export function SnapshotTable({ snapshots, currentId, overviewLink, reviewQueueLink }: Props) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">Imported versions, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">As of</th>
          <th scope="col">Imported</th>
          <th scope="col">File</th>
          <th scope="col" className="numeric">
            People
          </th>
          <th scope="col" className="numeric">
            Positions
          </th>
          <th scope="col" className="numeric">
            Responsibilities
          </th>
          <th scope="col">Levels</th>
        </tr>
      </thead>
      <tbody>
        {snapshots.map((snapshot) => (
          <tr key={snapshot.id} aria-current={snapshot.id === currentId ? 'true' : undefined}>
            <th scope="row">
              <Link to={overviewLink(snapshot.id)}>v{snapshot.version}</Link>
              {snapshot.label && <span className="muted small"> · {snapshot.label}</span>}
            </th>
            <td>{formatDate(snapshot.asOf)}</td>
            <td>{formatDateTime(snapshot.importedAt)}</td>
            <td>{snapshot.sourceFileName ?? <span className="muted">—</span>}</td>
            <td className="numeric">{snapshot.peopleCount}</td>
            <td className="numeric">{snapshot.positionCount}</td>
            <td className="numeric">{snapshot.responsibilityCount}</td>
            <td>
              <Link to={reviewQueueLink(snapshot.id)} aria-label={`Needs review in v${snapshot.version}`}>
                Needs review
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
