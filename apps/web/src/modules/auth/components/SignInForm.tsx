import { type FormEvent, useState } from 'react';
import { signInWithPassword } from '../utils/auth-requests';

type Props = {
  onSignedIn: () => void;
};

export function SignInForm({ onSignedIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signInWithPassword(email, password);
      onSignedIn();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="sign-in" aria-labelledby="sign-in-heading" onSubmit={(event) => void submit(event)}>
      <h1 id="sign-in-heading">Sign in to rolemap</h1>
      <label>
        E-mail
        <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        Password
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && (
        <p role="alert" className="state state--error">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="muted">
        On a first start the server prints a one-time sign-in link for the owner, and the demo users with their passwords.
      </p>
    </form>
  );
}
