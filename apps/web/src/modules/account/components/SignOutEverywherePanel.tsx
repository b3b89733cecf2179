import { useSignOutEverywhere } from '../hooks/useSignOutEverywhere';

/** Ends the sessions of every browser signed in as you, this one included (API tokens keep working). */
export function SignOutEverywherePanel() {
  const { signOutEverywhere, busy, error } = useSignOutEverywhere();
  return (
    <section className="card" aria-labelledby="sign-out-everywhere-heading">
      <h2 id="sign-out-everywhere-heading">Sign out everywhere</h2>
      <p className="muted">
        Signs out every browser and device signed in as you, this one too: use it after signing in on a shared or lost device.
        Your API tokens keep working; revoke them above.
      </p>
      {error && (
        <p role="alert" className="state state--error">
          {error.message}
        </p>
      )}
      <button type="button" className="button" disabled={busy} onClick={() => void signOutEverywhere()}>
        {busy ? 'Signing out…' : 'Sign out everywhere'}
      </button>
    </section>
  );
}
