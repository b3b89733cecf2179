import { Link } from 'react-router-dom';
import type { LeadersToReviewQuery } from '../../../gql/graphql';
import { SeverityBadge } from '../../shared/components/SeverityBadge';
import { formatNumber, plural, tierLabel } from '../../shared/utils/format';

type Props = {
  leaders: LeadersToReviewQuery['leadersToReview'];
  /** The link to one leader's review. */
  hrefOf: (positionId: string) => string;
};

/** Where a review starts: the leaders with open findings, most severe first, with their counts. */
export function LeadersToReview({ leaders, hrefOf }: Props) {
  if (leaders.totalCount === 0) {
    return <p className="muted">No open findings: every finding has been accepted or dismissed.</p>;
  }
  return (
    <section aria-labelledby="leaders-to-review-heading" className="leaders-to-review">
      <h2 id="leaders-to-review-heading" className="section-title">
        Leaders with open findings <span className="muted">· {formatNumber(leaders.totalCount)}</span>
      </h2>
      <ol className="leaders-to-review__list" aria-label="Leaders with open findings">
        {leaders.nodes.map((leader) => (
          <li key={leader.positionId} className="leaders-to-review__item">
            <Link to={hrefOf(leader.positionId)} className="leaders-to-review__name">
              {leader.name ?? `Vacant (${leader.title})`}
            </Link>
            <span className="leaders-to-review__meta">
              {leader.title} · {tierLabel(leader.tier)}
              {leader.department ? ` · ${leader.department}` : ''}
            </span>
            <span className="leaders-to-review__counts">
              <SeverityBadge severity={leader.maxSeverity} /> {plural(leader.openCount, 'open finding')}
              {leader.highCount > 0 ? `, ${formatNumber(leader.highCount)} high` : ''}
            </span>
          </li>
        ))}
      </ol>
      {leaders.totalCount > leaders.nodes.length && (
        <p className="muted">
          The {leaders.nodes.length} most in need of a review of {formatNumber(leaders.totalCount)}; search for others above.
        </p>
      )}
    </section>
  );
}
