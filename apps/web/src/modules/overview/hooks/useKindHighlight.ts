import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import type { FindingKind } from '../../../gql/graphql';
import { LeaderFindingsDocument } from '../../review/graphql/review.graphql';

/**
 * The chart's badges cover three kinds only, so the positions behind a kind card come from
 * the findings query rather than the chart data.
 */
export function useKindHighlight(snapshotId: string) {
  const [kind, setKind] = useState<FindingKind | null>(null);
  const { data, loading, error } = useQuery(LeaderFindingsDocument, {
    variables: { snapshotId, filter: { kinds: kind ? [kind] : [] }, first: 1000 },
    skip: !kind,
  });
  const positionIds = useMemo(
    () => (kind && data ? [...new Set(data.findings.nodes.map((finding) => finding.positionId))] : []),
    [kind, data],
  );
  const toggle = (next: FindingKind) => setKind((current) => (current === next ? null : next));
  return { kind, toggle, clear: () => setKind(null), positionIds, loading, error };
}
