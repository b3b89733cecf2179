import type { ReactNode } from 'react';
import type { SnapshotDiffQuery } from '../../../gql/graphql';
import { formatDate, tierLabel } from '../../shared/utils/format';

type Props = {
  diff: SnapshotDiffQuery['snapshotDiff'];
};

const PROMOTION_REASONS: Record<string, string> = {
  HIGHER_TIER: 'Higher tier',
  HIGHER_TITLE: 'More senior title',
  FEWER_LAYERS_ABOVE: 'Moved up the chart',
};

export function SnapshotDiffView({ diff }: Props) {
  return (
    <div className="diff">
      <p className="muted">
        From the chart as of {formatDate(diff.previousAsOf)} to the chart as of {formatDate(diff.nextAsOf)}.
      </p>
      <div className="diff__grid">
        <DiffSection title="Joiners" count={diff.joiners.length}>
          {diff.joiners.map((person) => (
            <li key={person.employeeId}>
              <strong>{person.name}</strong> · {person.title}
              <span className="muted small">
                {' '}
                {tierLabel(person.tier)}
                {person.department ? `, ${person.department}` : ''}
              </span>
            </li>
          ))}
        </DiffSection>
        <DiffSection title="Leavers" count={diff.leavers.length}>
          {diff.leavers.map((person) => (
            <li key={person.employeeId}>
              <strong>{person.name}</strong> · {person.title}
              <span className="muted small">{person.department ? ` ${person.department}` : ''}</span>
            </li>
          ))}
        </DiffSection>
        <DiffSection title="Moves" count={diff.moves.length}>
          {diff.moves.map((move) => (
            <li key={move.employeeId}>
              <strong>{move.name}</strong>
              {move.managerChanged && (
                <span className="block small">
                  Manager: {move.fromManagerName ?? move.fromManager ?? '—'} → {move.toManagerName ?? move.toManager ?? '—'}
                </span>
              )}
              {move.departmentChanged && (
                <span className="block small">
                  Department: {move.fromDepartment ?? '—'} → {move.toDepartment ?? '—'}
                </span>
              )}
            </li>
          ))}
        </DiffSection>
        <DiffSection title="Promotions" count={diff.promotions.length}>
          {diff.promotions.map((promotion) => (
            <li key={promotion.employeeId}>
              <strong>{promotion.name}</strong>
              <span className="block small">
                {promotion.fromTitle} → {promotion.toTitle}
                <span className="muted"> · {PROMOTION_REASONS[promotion.reason] ?? promotion.reason}</span>
              </span>
            </li>
          ))}
        </DiffSection>
      </div>
    </div>
  );
}

type SectionProps = {
  title: string;
  count: number;
  children: ReactNode;
};

function DiffSection({ title, count, children }: SectionProps) {
  const id = `diff-${title.toLowerCase()}`;
  return (
    <section className="card diff__section" aria-labelledby={id}>
      <h3 id={id} className="card__title">
        {title} <span className="muted">({count})</span>
      </h3>
      {count === 0 ? <p className="muted small">None.</p> : <ul className="plain-list">{children}</ul>}
    </section>
  );
}
