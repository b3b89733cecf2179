import { useState } from 'react';
import type { MembersQuery, OrganizationRole } from '../../../gql/graphql';
import type { MemberInput } from '../hooks/useMembers';
import { ROLE_OPTIONS, needsPerson, roleLabel } from '../utils/roles';

type Member = MembersQuery['members'][number];

type Props = {
  member: Member;
  /** The signed-in account: nobody changes their own access. */
  isSelf: boolean;
  onSave: (input: MemberInput) => Promise<void>;
  onRemove: () => Promise<void>;
};

/** One person with access: their role and person in the chart, editable, and a way to remove them. */
export function MemberRow({ member, isSelf, onSave, onRemove }: Props) {
  const [role, setRole] = useState<OrganizationRole>(member.role);
  const [personExternalId, setPersonExternalId] = useState(member.personExternalId ?? '');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = role !== member.role || personExternalId.trim() !== (member.personExternalId ?? '');
  const signIn = [member.hasPassword && 'password', member.singleSignOn && 'single sign-on'].filter(Boolean).join(', ');

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr aria-label={member.displayName}>
      <th scope="row">
        {member.displayName}
        {isSelf && <span className="muted"> (you)</span>}
        <br />
        <span className="muted">{member.email}</span>
      </th>
      <td>
        {isSelf ? (
          roleLabel(member.role)
        ) : (
          <select
            aria-label={`Role of ${member.displayName}`}
            value={role}
            onChange={(e) => setRole(e.target.value as OrganizationRole)}
          >
            {ROLE_OPTIONS.map((option) => (
              <option key={option.role} value={option.role}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </td>
      <td>
        {isSelf ? (
          (member.personExternalId ?? '—')
        ) : (
          <input
            aria-label={`Employee id of ${member.displayName}`}
            value={personExternalId}
            required={needsPerson(role)}
            placeholder={needsPerson(role) ? 'needed' : 'optional'}
            onChange={(e) => setPersonExternalId(e.target.value)}
            size={10}
          />
        )}
      </td>
      <td>{member.disabled ? 'disabled' : signIn || 'sign-in link or single sign-on'}</td>
      <td>
        {!isSelf && changed && (
          <button
            type="button"
            className="button button--small button--primary"
            disabled={busy}
            onClick={() => void run(() => onSave({ role, personExternalId: personExternalId.trim() || null }))}
          >
            Save
          </button>
        )}
        {!isSelf && !confirming && (
          <button type="button" className="button button--small" disabled={busy} onClick={() => setConfirming(true)}>
            Remove
          </button>
        )}
        {confirming && (
          <>
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => void run(onRemove)}
              aria-label={`Confirm removing ${member.displayName}`}
            >
              Remove access
            </button>{' '}
            <button type="button" className="button button--small button--quiet" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        )}
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
