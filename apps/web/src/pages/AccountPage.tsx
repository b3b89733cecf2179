import { ApiTokensPanel } from '../modules/account/components/ApiTokensPanel';
import { SignOutEverywherePanel } from '../modules/account/components/SignOutEverywherePanel';

/** /account: the signed-in person's own API tokens and sessions. */
export function AccountPage() {
  return (
    <div className="page page--narrow">
      <h1>My account</h1>
      <ApiTokensPanel />
      <SignOutEverywherePanel />
    </div>
  );
}
