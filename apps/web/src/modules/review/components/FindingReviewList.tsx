import type { DelegationChainFieldsFragment, FindingFieldsFragment, ReviewStatus } from '../../../gql/graphql';
import { SeverityBadge } from '../../shared/components/SeverityBadge';
import { StatusBadge } from '../../shared/components/StatusBadge';
import { findingKindLabel } from '../../shared/utils/format';
import { DelegationChain } from './DelegationChain';
import { ReviewControls } from './ReviewControls';

type Props = {
  findings: readonly FindingFieldsFragment[];
  /** Delegation gaps' chains by `key|positionId`. */
  chains: ReadonlyMap<string, DelegationChainFieldsFragment>;
  focusedPositionId: string | null;
  onReview: (key: string, status: ReviewStatus, note: string) => Promise<unknown>;
};

export function FindingReviewList({ findings, chains, focusedPositionId, onReview }: Props) {
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
            <ReviewControls
              // Remount when the saved review changes so the note field starts from it.
              key={`${finding.status}-${finding.reviewedAt ?? ''}`}
              status={finding.status}
              note={finding.reviewNote}
              reviewer={finding.reviewer}
              reviewedAt={finding.reviewedAt}
              subject={subject}
              onReview={(status, note) => onReview(finding.key, status, note)}
            />
          </li>
        );
      })}
    </ul>
  );
}
