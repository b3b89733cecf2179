import { Link } from 'react-router-dom';
import type { AnalysisSummaryQuery } from '../../../gql/graphql';
import { plural } from '../../shared/utils/format';

type Props = {
  subtrees: AnalysisSummaryQuery['analysisSummary']['worstSubtrees'];
  reviewLink: (positionId: string) => string;
};

/** Teams with the most severity per person: where a leader review pays off first. */
export function WorstSubtrees({ subtrees, reviewLink }: Props) {
  return (
    <section className="card" aria-labelledby="worst-subtrees-heading">
      <h2 id="worst-subtrees-heading" className="card__title">
        Teams to look at first
      </h2>
      {subtrees.length === 0 ? (
        <p className="muted">No team has findings.</p>
      ) : (
        <ol className="subtree-list">
          {subtrees.slice(0, 6).map((subtree) => (
            <li key={subtree.positionId}>
              <Link to={reviewLink(subtree.positionId)} className="subtree-list__link">
                <span className="subtree-list__name">{subtree.name ?? 'Vacant'}</span>
                <span className="subtree-list__title">{subtree.title}</span>
              </Link>
              <span className="subtree-list__meta">
                {plural(subtree.findingCount, 'finding')} in a team of {subtree.headcount}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
