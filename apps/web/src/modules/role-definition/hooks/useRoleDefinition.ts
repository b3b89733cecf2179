import { useMutation, useQuery } from '@apollo/client/react';
import type { RolePurposeScope } from '../../../gql/graphql';
import { RoleDefinitionDocument, SetRolePurposeDocument } from '../graphql/role-definition.graphql';

/** A position's role definition, and (for HR) writing its purpose. */
export function useRoleDefinition(positionId: string) {
  const { data, loading, error } = useQuery(RoleDefinitionDocument, { variables: { positionId } });
  const [mutate, saving] = useMutation(SetRolePurposeDocument, {
    // The role report and other roles with the same title read the new purpose too.
    refetchQueries: [RoleDefinitionDocument],
  });
  const role = data?.roleDefinition ?? null;
  const savePurpose = async (text: string, appliesTo: RolePurposeScope) => {
    await mutate({ variables: { input: { positionId, text, appliesTo } } });
  };
  return { role, loading, error, savePurpose, saving: saving.loading, saveError: saving.error };
}
