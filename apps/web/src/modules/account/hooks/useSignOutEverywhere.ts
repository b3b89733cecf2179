import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router-dom';
import { SignOutEverywhereDocument } from '../graphql/account.graphql';

/** Ends every session of the account (this browser's too), then asks to sign in again. */
export function useSignOutEverywhere() {
  const [mutate, state] = useMutation(SignOutEverywhereDocument);
  const client = useApolloClient();
  const navigate = useNavigate();
  const signOutEverywhere = async () => {
    await mutate();
    await client.clearStore();
    navigate('/sign-in', { replace: true, state: { notice: 'You are signed out on every device.' } });
  };
  return { signOutEverywhere, busy: state.loading, error: state.error };
}
