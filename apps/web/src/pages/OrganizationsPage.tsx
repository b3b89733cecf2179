import { useQuery } from '@apollo/client/react';
import { ORGANIZATIONS_QUERY } from '../modules/organizations/graphql/organizations.query';

export function OrganizationsPage() {
  const { data, loading, error } = useQuery(ORGANIZATIONS_QUERY);
  if (loading) return <p role="status">Loading organizations…</p>;
  if (error) return <p role="alert">Could not load organizations: {error.message}</p>;
  const organizations = data?.organizations ?? [];
  return (
    <section aria-labelledby="organizations-heading">
      <h1 id="organizations-heading">Organizations</h1>
      {organizations.length === 0 ? (
        <p>No organization yet. Import an org chart with <code>npx rolemap import people.csv</code>.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Organization</th>
              <th scope="col">Latest snapshot</th>
              <th scope="col">People</th>
              <th scope="col">As of</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((organization) => (
              <tr key={organization.id}>
                <td>{organization.name}</td>
                <td>{organization.latestSnapshot ? `v${organization.latestSnapshot.version}` : '—'}</td>
                <td>{organization.latestSnapshot?.peopleCount ?? 0}</td>
                <td>{organization.latestSnapshot?.asOf ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
