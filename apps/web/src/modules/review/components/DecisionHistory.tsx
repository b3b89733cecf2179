import type { FindingHistoryQuery } from '../../../gql/graphql';
import { formatDate, formatDateTime } from '../../shared/utils/format';
import { ACTION_STATUS_TEXT, stepText } from '../utils/actions';

type Props = {
  history: FindingHistoryQuery['findingHistory'];
};

const DECISION_TEXT = { OPEN: 'Reopened', ACCEPTED: 'Accepted', DISMISSED: 'Dismissed' } as const;

/** Every decision on a finding (who, when, status, note) and the actions they planned, newest first. */
export function DecisionHistory({ history }: Props) {
  return (
    <div className="decision-history">
      <h4 className="decision-history__title">Decisions</h4>
      {history.decisions.length === 0 ? (
        <p className="muted">No decision yet.</p>
      ) : (
        <ol className="decision-history__list" aria-label="Decisions">
          {history.decisions.map((decision) => (
            <li key={decision.reviewedAt}>
              <strong>{DECISION_TEXT[decision.status]}</strong>
              {decision.reviewer ? ` by ${decision.reviewer}` : ''} on {formatDateTime(decision.reviewedAt)}
              {decision.note ? (
                <>
                  : <q>{decision.note}</q>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {history.actions.length > 0 && (
        <>
          <h4 className="decision-history__title">Actions</h4>
          <ol className="decision-history__list" aria-label="Actions planned">
            {history.actions.map((action) => (
              <li key={action.id}>
                {stepText(action.step, action.delegateTo)}, owner {action.owner}, due {formatDate(action.dueOn)}:{' '}
                {ACTION_STATUS_TEXT[action.status]}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
