import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { SingleSignOnButton } from '../modules/auth/components/SingleSignOnButton';
import { useSignInOptions } from '../modules/auth/hooks/useSignInOptions';
import { SignInForm } from '../modules/auth/components/SignInForm';
import { signInWithLink } from '../modules/auth/utils/auth-requests';
import { ErrorState } from '../modules/shared/components/ErrorState';
import { LoadingState } from '../modules/shared/components/LoadingState';

/**
 * /sign-in, /sign-in?link=… for the one-time links the server prints or an HR admin sends, and
 * /sign-in?sso_error=… when the server refused a single sign-on (it says why).
 */
export function SignInPage() {
  const [searchParams] = useSearchParams();
  const link = searchParams.get('link');
  const ssoError = searchParams.get('sso_error');
  const location = useLocation();
  const { from, notice } = (location.state ?? {}) as { from?: string; notice?: string };
  const { sso } = useSignInOptions();
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
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {ssoError && <ErrorState title="Single sign-on did not work." error={{ message: ssoError }} />}
      {(!link || linkError) && (
        <>
          <SignInForm onSignedIn={enter} />
          {sso && <SingleSignOnButton providerName={sso.providerName} startUrl={sso.startUrl} returnTo={from ?? '/'} />}
        </>
      )}
    </div>
  );
}
