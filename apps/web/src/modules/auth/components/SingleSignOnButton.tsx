import { singleSignOnUrl } from '../utils/auth-requests';

type Props = {
  providerName: string;
  startUrl: string;
  /** The page to open after signing in. */
  returnTo: string;
};

/** A plain link, not a fetch: the browser itself goes to the provider and comes back signed in. */
export function SingleSignOnButton({ providerName, startUrl, returnTo }: Props) {
  return (
    <p className="sign-in__sso">
      <a className="button button--primary" href={singleSignOnUrl(startUrl, returnTo)}>
        Sign in with {providerName}
      </a>
    </p>
  );
}
