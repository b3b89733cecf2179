import { type FormEvent, useState } from 'react';
import type { OrganizationRole } from '../../../gql/graphql';
import type { MemberInput } from '../hooks/useMembers';
import { ROLE_OPTIONS, needsPerson } from '../utils/roles';

type Props = {
  onAdd: (email: string, displayName: string | null, input: MemberInput) => Promise<void>;
};

/** Gives someone access by e-mail; without an account yet they get one, and sign in by single sign-on or a link. */
export function AddMemberForm({ onAdd }: Props) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<OrganizationRole>('VIEWER' as OrganizationRole);
  const [personExternalId, setPersonExternalId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      await onAdd(email.trim(), displayName.trim() || null, { role, personExternalId: personExternalId.trim() || null });
      setAdded(email.trim());
      setEmail('');
      setDisplayName('');
      setPersonExternalId('');
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form__grid" aria-label="Add a member" onSubmit={(event) => void submit(event)}>
      <label className="field">
        E-mail
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label className="field">
        Name (for a new account)
        <input value={displayName} maxLength={200} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <label className="field">
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as OrganizationRole)}>
          {ROLE_OPTIONS.map((option) => (
            <option key={option.role} value={option.role}>
              {option.label}: {option.hint}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Employee id{needsPerson(role) ? '' : ' (optional)'}
        <input value={personExternalId} required={needsPerson(role)} onChange={(e) => setPersonExternalId(e.target.value)} />
      </label>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Adding…' : 'Add member'}
      </button>
      {error && (
        <p role="alert" className="state state--error">
          {error}
        </p>
      )}
      {added && (
        <p role="status" className="notice">
          {added} has access now.
        </p>
      )}
    </form>
  );
}
