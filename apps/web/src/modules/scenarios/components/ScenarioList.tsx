import { Link } from 'react-router-dom';
import type { ScenarioListItem } from '../utils/scenario-list';
import { STATUS_LABELS } from '../utils/scenario-figures';
import { formatDateTime } from '../../shared/utils/format';

type Props = {
  items: readonly ScenarioListItem[];
  hrefOf: (scenarioId: string) => string;
  /** Scenarios ticked for comparing side by side. */
  checked: ReadonlySet<string>;
  onCheck: (scenarioId: string, checked: boolean) => void;
};

export function ScenarioList({ items, hrefOf, checked, onCheck }: Props) {
  return (
    <table className="data-table" aria-label="Scenarios">
      <thead>
        <tr>
          <th scope="col">Compare</th>
          <th scope="col">Name</th>
          <th scope="col">Status</th>
          <th scope="col">Owner</th>
          <th scope="col">Base snapshot</th>
          <th scope="col" className="numeric">
            Edits
          </th>
          <th scope="col">Changed</th>
        </tr>
      </thead>
      <tbody>
        {items.map(({ scenario, baseLabel, rebaseOnto }) => (
          <tr key={scenario.id}>
            <td>
              <input
                type="checkbox"
                aria-label={`Compare ${scenario.name}`}
                checked={checked.has(scenario.id)}
                onChange={(event) => onCheck(scenario.id, event.target.checked)}
              />
            </td>
            <th scope="row">
              <Link to={hrefOf(scenario.id)}>{scenario.name}</Link>
              {scenario.kind === 'DELEGATION_PLAN' && <span className="muted"> · delegation plan</span>}
            </th>
            <td>
              <span className={`status status--${scenario.status.toLowerCase()}`}>{STATUS_LABELS[scenario.status]}</span>
            </td>
            <td>{scenario.ownerName}</td>
            <td>
              {baseLabel}
              {rebaseOnto && (
                <span className="badge-pill scenario-stale" title={`A newer snapshot, v${rebaseOnto.version}, exists`}>
                  Stale: rebase to v{rebaseOnto.version}
                </span>
              )}
            </td>
            <td className="numeric">{scenario.edits.length}</td>
            <td>{formatDateTime(scenario.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
