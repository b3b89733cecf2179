import { Link } from 'react-router-dom';
import type { ActionStatus, ActionsQuery } from '../../../gql/graphql';
import { findingKindLabel, formatDate, formatNumber, plural } from '../../shared/utils/format';
import { ACTION_STATUS_TEXT, STATUS_VERB, nextStatuses, stepText } from '../utils/actions';

type Props = {
  actions: ActionsQuery['actions'];
  /** A link to the review of the team the subject is in, when they are in the snapshot. */
  reviewHrefOf?: (positionId: string) => string;
  onStatus: (id: string, status: ActionStatus) => Promise<unknown>;
  label: string;
};

/** Actions as a table: overdue ones first and marked, each movable on. */
export function ActionList({ actions, reviewHrefOf, onStatus, label }: Props) {
  if (actions.totalCount === 0) return <p className="muted">No actions yet: accepting a finding plans one.</p>;
  return (
    <div className="action-list__scroll">
      <p className="action-list__summary">
        {plural(actions.totalCount, 'action')}
        {actions.overdueCount > 0 && <span className="action-overdue">{formatNumber(actions.overdueCount)} overdue</span>}
      </p>
      <table className="data-table data-table--compact action-list" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">Finding</th>
            <th scope="col">Step</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {actions.nodes.map((action) => {
            const who =
              action.subjectName ?? (action.subjectTitle ? `Vacant (${action.subjectTitle})` : 'No longer in this chart');
            return (
              <tr key={action.id} className={action.overdue ? 'action-list__row--overdue' : undefined}>
                <td>{action.positionId && reviewHrefOf ? <Link to={reviewHrefOf(action.positionId)}>{who}</Link> : who}</td>
                <td>{findingKindLabel(action.findingKind)}</td>
                <td>{stepText(action.step, action.delegateTo)}</td>
                <td>{action.owner}</td>
                <td>
                  {formatDate(action.dueOn)}
                  {action.overdue && <span className="action-overdue">Overdue</span>}
                </td>
                <td>{ACTION_STATUS_TEXT[action.status]}</td>
                <td>
                  {nextStatuses(action.status).map((status) => (
                    <button
                      key={status}
                      type="button"
                      className="button button--quiet"
                      aria-label={`${STATUS_VERB[status]}: ${who}, ${stepText(action.step, action.delegateTo)}`}
                      onClick={() => void onStatus(action.id, status)}
                    >
                      {STATUS_VERB[status]}
                    </button>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
