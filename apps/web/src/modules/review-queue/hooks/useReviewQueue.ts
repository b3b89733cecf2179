import type { ApolloCache } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import type { ValueLevel } from '@rolemap/domain';
import { useCallback, useMemo, useState } from 'react';
import type { ClassificationQueueQuery } from '../../../gql/graphql';
import { ClassificationQueueDocument, ConfirmValueLevelsDocument } from '../graphql/review-queue.graphql';

export type ReviewGroup = ClassificationQueueQuery['classificationQueue']['groups'][number];

/** Wordings shown at once; a longer queue is worked through a page at a time as it shrinks. */
export const QUEUE_PAGE_SIZE = 200;

/**
 * A confirmation changes every analysis of the organization: refetch what is on screen (the queue
 * itself) and drop the cached analyses other pages read, so they ask again.
 */
const REFRESH_ANALYSIS = {
  refetchQueries: 'active' as const,
  awaitRefetchQueries: true,
  update: (cache: ApolloCache) => {
    for (const fieldName of ['findings', 'analysisSummary', 'orgChart', 'position', 'subtree', 'person']) {
      cache.evict({ id: 'ROOT_QUERY', fieldName });
    }
    cache.gc();
  },
};

/** The snapshot's review queue, the rows HR has ticked, and confirming one, some or the ticked ones. */
export function useReviewQueue(snapshotId: string | null) {
  const queue = useQuery(ClassificationQueueDocument, {
    variables: { snapshotId: snapshotId ?? '', first: QUEUE_PAGE_SIZE, offset: 0 },
    skip: !snapshotId,
  });
  const [mutate, confirming] = useMutation(ConfirmValueLevelsDocument, REFRESH_ANALYSIS);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [lastOutcome, setLastOutcome] = useState<{ confirmed: number; overrides: number } | null>(null);

  const groups = useMemo(() => queue.data?.classificationQueue.groups ?? [], [queue.data]);
  // Rows confirmed elsewhere drop out of the selection once the queue no longer lists them.
  const selectedKeys = useMemo(
    () => groups.filter((group) => selected.has(group.key)).map((group) => group.key),
    [groups, selected],
  );

  const toggle = useCallback((key: string, on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const confirm = async (confirmations: { key: string; level: ValueLevel }[]) => {
    if (!snapshotId || confirmations.length === 0) return;
    setError(null);
    try {
      const result = await mutate({ variables: { snapshotId, confirmations } });
      const outcome = result.data?.confirmValueLevels;
      if (!outcome) throw new Error('The server did not confirm the change.');
      setLastOutcome({ confirmed: outcome.confirmed, overrides: outcome.overrides });
      setSelected((current) => {
        const next = new Set(current);
        for (const { key } of confirmations) next.delete(key);
        return next;
      });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  /** The ticked rows, each with its suggested level (rows without a suggestion need a level chosen). */
  const confirmSelected = () =>
    confirm(
      groups
        .filter((group) => selected.has(group.key) && group.suggestedLevel)
        .map((group) => ({ key: group.key, level: group.suggestedLevel as ValueLevel })),
    );

  const selectAll = (on: boolean) =>
    setSelected(on ? new Set(groups.filter((g) => g.suggestedLevel).map((g) => g.key)) : new Set());

  return {
    queue,
    groups,
    selectedKeys,
    toggle,
    selectAll,
    confirm,
    confirmSelected,
    confirming: confirming.loading,
    error,
    lastOutcome,
  };
}
