import type {
  ActionFieldsFragment,
  ActionPlanInput,
  ActionStatus,
  DelegationChainFieldsFragment,
  FindingFieldsFragment,
  ReviewStatus,
} from '../../../gql/graphql';
import { PlanDelegation } from '../../scenarios/components/PlanDelegation';
import { SeverityBadge } from '../../shared/components/SeverityBadge';
import { StatusBadge } from '../../shared/components/StatusBadge';
import { findingKindLabel } from '../../shared/utils/format';
import { DelegationChain } from './DelegationChain';
import { ReviewControls } from './ReviewControls';

type Props = {
  snapshotId: string;
  findings: readonly FindingFieldsFragment[];
  /** The newest action of each finding, by finding key. */
  actions: ReadonlyMap<string, ActionFieldsFragment>;
  /** Delegation gaps' chains by `key|positionId`. */
  chains: ReadonlyMap<string, DelegationChainFieldsFragment>;
  focusedPositionId: string | null;
  onReview: (key: string, status: ReviewStatus, note: string, action?: ActionPlanInput) => Promise<unknown>;
  onActionStatus: (id: string, status: ActionStatus) => Promise<unknown>;
  /** HR and leaders plan delegations (a link to the plan by its id); null hides "Plan this delegation". */
  planHrefOf?: ((scenarioId: string) => string) | null;
};

export function FindingReviewList({
  snapshotId,
  findings,
  actions,
  chains,
  focusedPositionId,
  onReview,
  onActionStatus,
  planHrefOf = null,
}: Props) {
  return (
    <ul className="review-list" aria-label="Findings to review">
      {findings.map((finding) => {
        const subject = `${finding.personName ?? finding.positionTitle}: ${findingKindLabel(finding.kind)}${finding.responsibility ? ` (${finding.responsibility})` : ''}`;
        return (
          <li
            key={`${finding.key}-${finding.positionId}`}
            className={finding.positionId === focusedPositionId ? 'review-item review-item--focused' : 'review-item'}
            data-position-id={finding.positionId}
            aria-label={subject}
          >
            <div className="review-item__head">
              <span className="review-item__kind">{findingKindLabel(finding.kind)}</span>
              <SeverityBadge severity={finding.severity} />
              <StatusBadge status={finding.status} />
            </div>
            <p className="review-item__who">
              <strong>{finding.personName ?? 'Vacant'}</strong> · {finding.positionTitle}
            </p>
            <p className="review-item__text">{finding.explanation}</p>
            {finding.kind === 'DELEGATION_GAP' &&
              finding.responsibility &&
              chains.has(`${finding.key}|${finding.positionId}`) && (
                <DelegationChain
                  responsibility={finding.responsibility}
                  sharePct={finding.sharePct ?? 0}
                  chain={chains.get(`${finding.key}|${finding.positionId}`)!}
                />
              )}
            {finding.kind === 'DELEGATION_GAP' && finding.responsibility && planHrefOf && (
              <PlanDelegation
                snapshotId={snapshotId}
                findingKey={finding.key}
                responsibility={finding.responsibility}
                leaderEmployeeId={finding.employeeId ?? null}
                suggestedName={finding.delegatePositionId ? (finding.delegateName ?? null) : null}
                planHrefOf={planHrefOf}
              />
            )}
            <ReviewControls
              snapshotId={snapshotId}
              findingKey={finding.key}
              status={finding.status}
              note={finding.reviewNote}
              reviewer={finding.reviewer}
              reviewedAt={finding.reviewedAt}
              action={actions.get(finding.key) ?? null}
              subject={subject}
              onReview={(status, note, action) => onReview(finding.key, status, note, action)}
              onActionStatus={onActionStatus}
            />
          </li>
        );
      })}
    </ul>
  );
}
