import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useOrg } from '../modules/organizations/hooks/useOrg';
import { CreateScenarioForm } from '../modules/scenarios/components/CreateScenarioForm';
import { ScenarioList } from '../modules/scenarios/components/ScenarioList';
import { useScenarios } from '../modules/scenarios/hooks/useScenarios';
import { scenarioListItems } from '../modules/scenarios/utils/scenario-list';
import { ErrorState } from '../modules/shared/components/ErrorState';
import { LoadingState } from '../modules/shared/components/LoadingState';

/** HR and leaders: the organization's scenarios and delegation plans (a leader: their own), a new one, compare. */
export function ScenariosPage() {
  const { orgId, snapshots, snapshotId, linkTo } = useOrg();
  const { list, create, creating } = useScenarios(orgId);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const items = useMemo(() => scenarioListItems(list.data?.scenarios ?? [], snapshots), [list.data, snapshots]);
  const compareHref = linkTo(`/org/${orgId}/scenarios/compare?ids=${[...checked].join(',')}`);
  return (
    <div className="stack">
      <section aria-labelledby="scenarios-title" className="stack">
        <h2 id="scenarios-title" className="section-title">
          Scenarios and delegation plans
        </h2>
        {list.loading && !list.data && <LoadingState label="Loading scenarios…" />}
        {list.error && (
          <ErrorState title="Could not load the scenarios." error={list.error} onRetry={() => void list.refetch()} />
        )}
        {list.data && items.length === 0 && (
          <p className="field-hint">No scenario yet. Create one below, or plan a delegation from the leader review.</p>
        )}
        {items.length > 0 && (
          <>
            <ScenarioList
              items={items}
              hrefOf={(id) => linkTo(`/org/${orgId}/scenarios/${id}`)}
              checked={checked}
              onCheck={(id, on) =>
                setChecked((previous) => {
                  const next = new Set(previous);
                  if (on) next.add(id);
                  else next.delete(id);
                  return next;
                })
              }
            />
            <div className="actions">
              {checked.size >= 2 && checked.size <= 5 ? (
                <Link className="button" to={compareHref}>
                  Compare {checked.size} scenarios
                </Link>
              ) : (
                <span className="field-hint">Tick two to five scenarios to compare them side by side.</span>
              )}
            </div>
          </>
        )}
      </section>
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      {snapshots.length > 0 && (
        <CreateScenarioForm
          snapshots={snapshots}
          defaultSnapshotId={snapshotId}
          busy={creating}
          onCreate={async (input) => {
            setError(null);
            try {
              const created = await create(input);
              if (created) navigate(linkTo(`/org/${orgId}/scenarios/${created.id}`));
            } catch (failure) {
              setError(failure instanceof Error ? failure.message : String(failure));
            }
          }}
        />
      )}
    </div>
  );
}
