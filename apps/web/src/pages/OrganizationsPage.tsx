import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { OrganizationsDocument } from '../modules/organizations/graphql/organizations.graphql';
import { ErrorState } from '../modules/shared/components/ErrorState';
import { LoadingState } from '../modules/shared/components/LoadingState';
import { formatDate } from '../modules/shared/utils/format';

export function OrganizationsPage() {
  const { data, loading, error, refetch } = useQuery(OrganizationsDocument);
  if (loading && !data) return <LoadingState label="Loading organizations…" />;
  if (error) return <ErrorState title="Could not load organizations." error={error} onRetry={() => void refetch()} />;
  const organizations = data?.organizations ?? [];
  return (
    <section aria-labelledby="organizations-heading" className="page">
      <div className="page-head">
        <h1 id="organizations-heading">Organizations</h1>
        <Link to="/import" className="button button--primary">
          Import a new organization
        </Link>
      </div>
      {organizations.length === 0 ? (
        <p>
          No organization yet. <Link to="/import">Import an org chart</Link> from your HRIS export.
        </p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Organization</th>
              <th scope="col">Latest snapshot</th>
              <th scope="col" className="numeric">
                People
              </th>
              <th scope="col">As of</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((organization) => (
              <tr key={organization.id}>
                <th scope="row">
                  <Link to={`/org/${organization.id}/overview`}>{organization.name}</Link>
                </th>
                <td>{organization.latestSnapshot ? `v${organization.latestSnapshot.version}` : '—'}</td>
                <td className="numeric">{organization.latestSnapshot?.peopleCount ?? 0}</td>
                <td>{formatDate(organization.latestSnapshot?.asOf)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
