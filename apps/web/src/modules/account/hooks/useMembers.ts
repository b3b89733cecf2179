import { useMutation, useQuery } from '@apollo/client/react';
import type { OrganizationRole } from '../../../gql/graphql';
import { AddMemberDocument, MembersDocument, RemoveMemberDocument, SetMemberRoleDocument } from '../graphql/account.graphql';

export type MemberInput = {
  role: OrganizationRole;
  personExternalId: string | null;
};

/** "People with access" of one organization, for its HR admins. */
export function useMembers(organizationId: string) {
  const { data, loading, error, refetch } = useQuery(MembersDocument, {
    variables: { organizationId },
    fetchPolicy: 'cache-and-network',
  });
  const [addMutation] = useMutation(AddMemberDocument);
  const [setRoleMutation] = useMutation(SetMemberRoleDocument);
  const [removeMutation] = useMutation(RemoveMemberDocument);
  const after = async <T>(work: Promise<T>) => {
    await work;
    await refetch();
  };
  return {
    members: data?.members ?? [],
    loading: loading && !data,
    error,
    refetch,
    add: (email: string, displayName: string | null, input: MemberInput) =>
      after(addMutation({ variables: { organizationId, email, displayName, ...input } })),
    setRole: (accountId: string, input: MemberInput) =>
      after(setRoleMutation({ variables: { organizationId, accountId, ...input } })),
    remove: (accountId: string) => after(removeMutation({ variables: { organizationId, accountId } })),
  };
}
