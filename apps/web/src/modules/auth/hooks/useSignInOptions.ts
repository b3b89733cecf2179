import { useEffect, useState } from 'react';
import { type SignInOptions, fetchSignInOptions } from '../utils/auth-requests';

/** The server's sign-in options, once; none while they load. */
export function useSignInOptions(): SignInOptions {
  const [options, setOptions] = useState<SignInOptions>({ sso: null });
  useEffect(() => {
    let live = true;
    fetchSignInOptions().then(
      (loaded) => live && setOptions(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return options;
}
