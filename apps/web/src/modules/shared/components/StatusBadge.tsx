import type { ReviewStatus } from '../../../gql/graphql';

type Props = {
  status: ReviewStatus;
};

const LABELS: Record<ReviewStatus, string> = { OPEN: 'Open', ACCEPTED: 'Accepted', DISMISSED: 'Dismissed' };

export function StatusBadge({ status }: Props) {
  return <span className={`status status--${status.toLowerCase()}`}>{LABELS[status]}</span>;
}
