import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ApiTokensDocument, CreateApiTokenDocument, RevokeApiTokenDocument } from '../graphql/account.graphql';

export type CreatedToken = { name: string; token: string; expiresAt: string | null };

/** The signed-in account's API tokens: the list, creating one (its secret kept only until dismissed), revoking. */
export function useApiTokens() {
  const { data, loading, error, refetch } = useQuery(ApiTokensDocument, { fetchPolicy: 'cache-and-network' });
  const [createMutation, creating] = useMutation(CreateApiTokenDocument);
  const [revokeMutation] = useMutation(RevokeApiTokenDocument);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const create = async (name: string, days: number | null) => {
    const result = await createMutation({ variables: { name, days } });
    const issued = result.data!.createApiToken;
    setCreated({ name: issued.apiToken.name, token: issued.token, expiresAt: issued.apiToken.expiresAt ?? null });
    await refetch();
  };
  const revoke = async (id: string) => {
    await revokeMutation({ variables: { id } });
    await refetch();
  };
  return {
    tokens: data?.apiTokens ?? [],
    loading: loading && !data,
    error,
    refetch,
    create,
    creating: creating.loading,
    revoke,
    created,
    dismissCreated: () => setCreated(null),
  };
}
