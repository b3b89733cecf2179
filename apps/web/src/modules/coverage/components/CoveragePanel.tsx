import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import type { CoverageSummaryQuery } from '../../../gql/graphql';
import { ErrorState } from '../../shared/components/ErrorState';
import { findingKindLabel, formatNumber, plural } from '../../shared/utils/format';
import { CoverageSummaryDocument } from '../graphql/coverage.graphql';

type Props = {
  snapshotId: string;
  /** Only this leader's team (the leader included); the whole organization when absent. */
  leaderPositionId?: string | null;
  /** The snapshot's Needs review page. */
  needsReviewHref: string;
};

/** Departments listed at most; the least covered come first. */
const DEPARTMENTS_SHOWN = 6;

/** How much of the chart the findings can see, and what they could not check for lack of data. */
export function CoveragePanel({ snapshotId, leaderPositionId = null, needsReviewHref }: Props) {
  const { data, error, refetch } = useQuery(CoverageSummaryDocument, { variables: { snapshotId, leaderPositionId } });
  if (error) return <ErrorState title="Could not load the data coverage." error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  return (
    <CoverageFigures
      summary={data.analysisSummary}
      scope={leaderPositionId ? 'team' : 'organization'}
      needsReviewHref={needsReviewHref}
    />
  );
}

type FiguresProps = {
  summary: CoverageSummaryQuery['analysisSummary'];
  scope: 'team' | 'organization';
  needsReviewHref: string;
};

export function CoverageFigures({ summary, scope, needsReviewHref }: FiguresProps) {
  const { coverage, coverageByDepartment, notChecked, unclassifiedCount } = summary;
  const gaps = coverageByDepartment.filter((department) => department.withoutData > 0).slice(0, DEPARTMENTS_SHOWN);
  const kinds = notChecked.byKind.filter((entry) => entry.count > 0);
  const reasons = notChecked.byReason.filter((entry) => entry.count > 0);
  const headingId = `coverage-heading-${scope}`;
  return (
    <section className="card coverage" aria-labelledby={headingId}>
      <h3 id={headingId} className="card__title">
        Data coverage {scope === 'team' ? 'in this team' : ''}
      </h3>
      <p className="coverage__headline">
        <strong>{formatNumber(coverage.withData)}</strong> of {plural(coverage.positions, 'position')}{' '}
        {coverage.withData === 1 ? 'has' : 'have'} responsibilities recorded
        {coverage.pct !== null && ` (${formatNumber(coverage.pct)}%)`}.
      </p>
      {coverage.withoutData > 0 && (
        <p className="small muted">
          {plural(coverage.withoutData, 'position')} without any: their work is unknown, not free time, so they are never suggested
          as delegates.
        </p>
      )}
      {gaps.length > 0 && (
        <table className="data-table data-table--compact" aria-label="Coverage by department, least covered first">
          <thead>
            <tr>
              <th scope="col">Department</th>
              <th scope="col" className="numeric">
                With data
              </th>
              <th scope="col" className="numeric">
                Positions
              </th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((department) => (
              <tr key={department.department ?? '(none)'}>
                <th scope="row">{department.department ?? 'No department'}</th>
                <td className="numeric">{formatNumber(department.withData)}</td>
                <td className="numeric">{formatNumber(department.positions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {notChecked.count > 0 ? (
        <div className="coverage__not-checked">
          <p className="small">
            <strong>Could not be checked for lack of data:</strong>{' '}
            {kinds.map((entry) => `${findingKindLabel(entry.kind)} for ${plural(entry.count, 'person', 'people')}`).join('; ')}.
          </p>
          <ul className="plain-list small muted" aria-label="Why they could not be checked">
            {reasons.map((entry) => (
              <li key={entry.reason}>
                {capitalise(entry.reasonText)}: {formatNumber(entry.count)}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="small muted">Every rule could be checked for everyone with data.</p>
      )}
      {unclassifiedCount > 0 && (
        <p className="small">
          <Link to={needsReviewHref}>
            {plural(unclassifiedCount, 'responsibility', 'responsibilities')} {unclassifiedCount === 1 ? 'needs' : 'need'} review of
            {unclassifiedCount === 1 ? ' its' : ' their'} level
          </Link>{' '}
          <span className="muted">(left out of the findings until confirmed)</span>
        </p>
      )}
    </section>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
