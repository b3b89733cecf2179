import { NavLink, Outlet } from 'react-router-dom';
import { useIsHrAdmin } from '../../account/hooks/useIsHrAdmin';
import { useOrgRole } from '../../auth/hooks/useOrgRole';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { useOrgContext } from '../hooks/useOrgContext';
import { SnapshotPicker } from './SnapshotPicker';

const SECTIONS = [
  { path: 'overview', label: 'Overview' },
  { path: 'review', label: 'Leader review' },
  { path: 'actions', label: 'Actions' },
  { path: 'needs-review', label: 'Needs review' },
  { path: 'snapshots', label: 'Snapshots' },
  { path: 'policy', label: 'Policy' },
  { path: 'dictionary', label: 'Dictionary' },
  { path: 'import', label: 'Import' },
  { path: 'surveys', label: 'Surveys' },
];
/** Scenarios are HR's and leaders' (the server refuses everyone else anyway). */
const SCENARIO_SECTIONS = [{ path: 'scenarios', label: 'Scenarios' }];
/** Shown to the organization's HR admins only (the server refuses everyone else anyway). */
const HR_SECTIONS = [
  { path: 'grades', label: 'Grades' },
  { path: 'access', label: 'People with access' },
  { path: 'audit-log', label: 'Audit log' },
];

/** Resolves the organization and snapshot once, for every page below /org/:orgId. */
export function OrgLayout() {
  const { context, loading, error, notFound, unknownSnapshot, selectSnapshot, refetch } = useOrgContext();
  const hrAdmin = useIsHrAdmin(context?.orgId ?? '');
  const role = useOrgRole(context?.orgId ?? '');
  const plans = role === 'HR_ADMIN' || role === 'LEADER';
  if (loading && !context) return <LoadingState label="Loading organization…" />;
  if (error) return <ErrorState title="Could not load the organization." error={error} onRetry={() => void refetch()} />;
  if (notFound || !context) return <ErrorState title="This organization does not exist, or you cannot see it." error={null} />;
  const base = `/org/${context.orgId}`;
  return (
    <>
      <div className="org-bar">
        <div className="org-bar__title">
          <p className="eyebrow">Organization</p>
          <h1 className="org-bar__name">{context.organization.name}</h1>
        </div>
        <nav aria-label="Organization" className="tabs">
          {[...SECTIONS, ...(plans ? SCENARIO_SECTIONS : []), ...(hrAdmin ? HR_SECTIONS : [])].map((section) => (
            <NavLink key={section.path} to={context.linkTo(`${base}/${section.path}`)} className="tabs__link">
              {section.label}
            </NavLink>
          ))}
        </nav>
        <SnapshotPicker snapshots={context.snapshots} value={context.snapshotId} onChange={selectSnapshot} />
      </div>
      {unknownSnapshot && (
        <p role="alert" className="notice notice--warning">
          The snapshot in the link does not belong to this organization; showing the latest one instead.
        </p>
      )}
      <div className="page">
        <Outlet context={context} />
      </div>
    </>
  );
}
