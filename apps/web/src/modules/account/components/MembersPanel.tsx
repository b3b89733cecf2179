import { useMe } from '../../auth/hooks/useMe';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { useMembers } from '../hooks/useMembers';
import { AddMemberForm } from './AddMemberForm';
import { MemberRow } from './MemberRow';

type Props = { organizationId: string };

/** "People with access" for the organization's HR admins: members, their roles, adding and removing. */
export function MembersPanel({ organizationId }: Props) {
  const { me } = useMe();
  const { members, loading, error, refetch, add, setRole, remove } = useMembers(organizationId);
  return (
    <>
      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading">People with access</h2>
        <p className="muted">
          HR admins see everything in the organization, leaders their own subtree, employees their own role, viewers the chart
          without ratings or findings. Leaders and employees need their employee id in the chart.
        </p>
        {loading && <LoadingState label="Loading members…" />}
        {error && <ErrorState title="Could not load who has access." error={error} onRetry={() => void refetch()} />}
        {!loading && !error && (
          <table className="data-table data-table--compact" aria-label="Members">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                <th scope="col">Employee id</th>
                <th scope="col">Signs in with</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <MemberRow
                  key={`${member.accountId}:${member.role}:${member.personExternalId ?? ''}`}
                  member={member}
                  isSelf={member.accountId === me?.id}
                  onSave={(input) => setRole(member.accountId, input)}
                  onRemove={() => remove(member.accountId)}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="add-member-heading">
        <h2 id="add-member-heading">Add a member</h2>
        <AddMemberForm onAdd={add} />
      </section>
    </>
  );
}
