import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import type { Tier, ValueLevel } from '@rolemap/domain';
import { useEffect, useMemo, useState } from 'react';
import type { FindingCountsQuery } from '../../../gql/graphql';
import { FindingCountsDocument, PolicyDocument, UpdatePolicyDocument } from '../graphql/policy.graphql';
import { hasErrors, toDraft, toPolicyInput, validateDraft, type PolicyDraft, type ThresholdName } from '../utils/policy-form';

export type FindingCounts = FindingCountsQuery['analysisSummary'];

export function usePolicyEditor(organizationId: string, snapshotId: string | null) {
  const client = useApolloClient();
  const policy = useQuery(PolicyDocument, { variables: { organizationId } });
  const counts = useQuery(FindingCountsDocument, { variables: { snapshotId: snapshotId ?? '' }, skip: !snapshotId });
  const [save, saving] = useMutation(UpdatePolicyDocument);
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const [comparison, setComparison] = useState<{ before: FindingCounts; after: FindingCounts } | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  const saved = policy.data?.policy;
  useEffect(() => {
    if (saved) setDraft(toDraft(saved));
  }, [saved]);

  const errors = useMemo(() => (draft ? validateDraft(draft) : { mix: {}, thresholds: {} }), [draft]);
  const dirty = !!draft && !!saved && JSON.stringify(draft) !== JSON.stringify(toDraft(saved));

  const setMix = (tier: Tier, level: ValueLevel, value: string) => {
    setDraft((current) => current && { ...current, mix: { ...current.mix, [tier]: { ...current.mix[tier], [level]: value } } });
  };
  const setThreshold = (name: ThresholdName, value: string) => {
    setDraft((current) => current && { ...current, thresholds: { ...current.thresholds, [name]: value } });
  };

  const submit = async () => {
    if (!draft || hasErrors(errors)) return;
    setSaveError(null);
    const before = counts.data?.analysisSummary ?? null;
    try {
      const result = await save({
        variables: { organizationId, policy: toPolicyInput(draft) },
        update: (cache, { data }) => {
          if (data)
            cache.writeQuery({ query: PolicyDocument, variables: { organizationId }, data: { policy: data.updatePolicy } });
        },
      });
      if (!result.data) throw new Error('The server did not confirm the change.');
      // Every analysis in the cache used the old policy.
      client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'analysisSummary' });
      client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'findings' });
      client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'orgChart' });
      client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'position' });
      client.cache.gc();
      if (snapshotId) {
        const fresh = await counts.refetch();
        if (before && fresh.data) setComparison({ before, after: fresh.data.analysisSummary });
      }
    } catch (caught) {
      setSaveError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const resetDraft = () => {
    if (saved) setDraft(toDraft(saved));
  };

  return {
    policy,
    counts,
    draft,
    errors,
    invalid: hasErrors(errors),
    dirty,
    setMix,
    setThreshold,
    submit,
    resetDraft,
    saving: saving.loading,
    saveError,
    comparison,
  };
}
