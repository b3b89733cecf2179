import { useMutation, useQuery } from '@apollo/client/react';
import { CreateScenarioDocument, ScenariosDocument } from '../graphql/scenarios.graphql';

/** The organization's scenarios (a leader: their own) and creating one. */
export function useScenarios(organizationId: string) {
  const list = useQuery(ScenariosDocument, { variables: { organizationId }, fetchPolicy: 'cache-and-network' });
  const [createMutation, created] = useMutation(CreateScenarioDocument, { refetchQueries: ['Scenarios'] });
  const create = async (input: { snapshotId: string; name: string; notes: string | null }) =>
    (await createMutation({ variables: input })).data?.createScenario ?? null;
  return { list, create, creating: created.loading };
}
