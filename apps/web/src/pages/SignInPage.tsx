import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { SignInForm } from '../modules/auth/components/SignInForm';
import { signInWithLink } from '../modules/auth/utils/auth-requests';
import { ErrorState } from '../modules/shared/components/ErrorState';
import { LoadingState } from '../modules/shared/components/LoadingState';

/** /sign-in, and /sign-in?link=… for the one-time links the server prints or an HR admin sends. */
export function SignInPage() {
  const [searchParams] = useSearchParams();
  const link = searchParams.get('link');
  const navigate = useNavigate();
  const client = useApolloClient();
  const [linkError, setLinkError] = useState<Error | null>(null);
  const used = useRef(false);
  const enter = () => void client.resetStore().then(() => navigate('/', { replace: true }));

  useEffect(() => {
    // A link works once: StrictMode's second effect run must not spend it again.
    if (!link || used.current) return;
    used.current = true;
    signInWithLink(link).then(enter, (error: Error) => setLinkError(error));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per link
  }, [link]);

  return (
    <div className="page page--narrow">
      {link && !linkError && <LoadingState label="Signing you in…" />}
      {linkError && <ErrorState title="This sign-in link did not work." error={linkError} />}
      {(!link || linkError) && <SignInForm onSignedIn={enter} />}
    </div>
  );
}
