import { useApolloClient } from '@apollo/client/react';
import { NavLink, useNavigate } from 'react-router-dom';
import { useMe } from '../hooks/useMe';
import { signOut } from '../utils/auth-requests';

/** Who is signed in, with their role where they have one, and a way out. */
export function AccountMenu() {
  const { me } = useMe();
  const client = useApolloClient();
  const navigate = useNavigate();
  if (!me) return null;
  const roles = me.owner
    ? 'owner'
    : [...new Set(me.memberships.map((membership) => membership.role.replace('_', ' ').toLowerCase()))].join(', ');
  const leave = async () => {
    await signOut();
    await client.clearStore();
    navigate('/sign-in');
  };
  return (
    <div className="account-menu" aria-label="Signed in">
      <span className="account-menu__name">{me.displayName}</span>
      {roles && <span className="muted"> · {roles}</span>}
      <NavLink to="/account">My account</NavLink>
      <button type="button" className="button" onClick={() => void leave()}>
        Sign out
      </button>
    </div>
  );
}
