import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { ScenarioFieldsFragment } from '../../../gql/graphql';
import { PlanDelegationDocument } from '../graphql/scenarios.graphql';
import { type ScenarioProblem, scenarioProblem } from '../utils/scenario-errors';

/** "Plan this delegation": the gap's move into the caller's draft delegation plan (created on first use). */
export function usePlanDelegation(snapshotId: string) {
  const [mutate, { loading }] = useMutation(PlanDelegationDocument, {
    refetchQueries: ['ScenarioScore', 'Scenarios'],
    awaitRefetchQueries: true,
  });
  const [problem, setProblem] = useState<ScenarioProblem | null>(null);
  const plan = async (findingKey: string, delegate: string | null): Promise<ScenarioFieldsFragment | null> => {
    setProblem(null);
    try {
      return (await mutate({ variables: { snapshotId, findingKey, delegate } })).data?.planDelegation ?? null;
    } catch (error) {
      setProblem(scenarioProblem(error));
      return null;
    }
  };
  return { plan, planning: loading, problem };
}
