import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router-dom';
import { useOrg } from '../modules/organizations/hooks/useOrg';
import { CompareView } from '../modules/scenarios/components/CompareView';
import { CompareScenariosDocument } from '../modules/scenarios/graphql/scenarios.graphql';
import { ErrorState } from '../modules/shared/components/ErrorState';
import { LoadingState } from '../modules/shared/components/LoadingState';

export function CompareScenariosPage() {
  const { orgId, linkTo } = useOrg();
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
  const { data, loading, error, refetch } = useQuery(CompareScenariosDocument, {
    variables: { organizationId: orgId, scenarioIds: ids },
    skip: ids.length === 0,
    // Before and after mixes of one position must not merge in the cache (PositionMix is keyed by position).
    fetchPolicy: 'no-cache',
  });
  return (
    <div className="stack">
      <p>
        <Link to={linkTo(`/org/${orgId}/scenarios`)}>← All scenarios</Link>
      </p>
      <h2 className="section-title">Scenarios side by side</h2>
      {ids.length === 0 && <p className="field-hint">Pick the scenarios to compare on the scenarios page.</p>}
      {loading && !data && <LoadingState label="Scoring the scenarios…" />}
      {error && <ErrorState title="Could not compare the scenarios." error={error} onRetry={() => void refetch()} />}
      {data && <CompareView scores={data.compareScenarios} hrefOf={(id) => linkTo(`/org/${orgId}/scenarios/${id}`)} />}
    </div>
  );
}
