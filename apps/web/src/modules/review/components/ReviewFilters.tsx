import { FINDING_KINDS, REVIEW_STATUSES } from '@rolemap/domain';
import { useId } from 'react';
import type { FindingKind, ReviewStatus } from '../../../gql/graphql';
import { findingKindLabel } from '../../shared/utils/format';

type Props = {
  status: ReviewStatus | null;
  kind: FindingKind | null;
  onStatusChange: (status: ReviewStatus | null) => void;
  onKindChange: (kind: FindingKind | null) => void;
};

const STATUS_LABELS: Record<ReviewStatus, string> = { OPEN: 'Open', ACCEPTED: 'Accepted', DISMISSED: 'Dismissed' };

export function ReviewFilters({ status, kind, onStatusChange, onKindChange }: Props) {
  const statusId = useId();
  const kindId = useId();
  return (
    <div className="filters" role="group" aria-label="Filter findings">
      <div className="field field--inline">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          value={status ?? ''}
          onChange={(event) => onStatusChange((event.target.value || null) as ReviewStatus | null)}
        >
          <option value="">All statuses</option>
          {REVIEW_STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor={kindId}>Kind</label>
        <select
          id={kindId}
          value={kind ?? ''}
          onChange={(event) => onKindChange((event.target.value || null) as FindingKind | null)}
        >
          <option value="">All kinds</option>
          {FINDING_KINDS.map((value) => (
            <option key={value} value={value}>
              {findingKindLabel(value)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
