import { FINDING_KINDS, REVIEW_STATUSES } from '@rolemap/domain';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { FindingKind, ReviewStatus } from '../../../gql/graphql';

/** Filters live in the URL so a reload or a shared link shows the same list. */
export function useReviewFilters() {
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  const rawKind = params.get('kind');
  const status = (REVIEW_STATUSES as readonly string[]).includes(rawStatus ?? '') ? (rawStatus as ReviewStatus) : null;
  const kind = (FINDING_KINDS as readonly string[]).includes(rawKind ?? '') ? (rawKind as FindingKind) : null;

  const set = useCallback(
    (name: 'status' | 'kind', value: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return {
    status,
    kind,
    setStatus: (value: ReviewStatus | null) => set('status', value),
    setKind: (value: FindingKind | null) => set('kind', value),
  };
}
