import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ScenarioFieldsFragment } from '../../../gql/graphql';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { plural } from '../../shared/utils/format';
import { ScenarioScoreDocument } from '../graphql/scenarios.graphql';
import { usePlanDelegation } from '../hooks/usePlanDelegation';
import { AffectedPeople } from './AffectedPeople';
import { FindingChanges } from './FindingChanges';
import { PersonPicker } from './PersonPicker';

type Props = {
  snapshotId: string;
  findingKey: string;
  responsibility: string;
  /** The leader holding the work, by employee id (not offered as a delegate). */
  leaderEmployeeId: string | null;
  /** The analysis' suggested delegate; null when nobody has room (the leader picks). */
  suggestedName: string | null;
  planHrefOf: (scenarioId: string) => string;
};

/**
 * On a delegation gap: adds the move to the leader's delegation plan (the suggested delegate with
 * the hand-offs that make room, or someone the leader picks) and shows the plan's before and
 * after for everyone it touches.
 */
export function PlanDelegation({ snapshotId, findingKey, responsibility, leaderEmployeeId, suggestedName, planHrefOf }: Props) {
  const { plan, planning, problem } = usePlanDelegation(snapshotId);
  const [picking, setPicking] = useState(false);
  const [planned, setPlanned] = useState<ScenarioFieldsFragment | null>(null);
  const submit = async (delegate: string | null) => {
    const result = await plan(findingKey, delegate);
    if (result) {
      setPlanned(result);
      setPicking(false);
    }
  };
  return (
    <div className="plan-delegation stack" aria-label={`Plan the delegation of “${responsibility}”`}>
      {!planned && (
        <div className="actions">
          {suggestedName && (
            <button
              type="button"
              className="button button--primary button--small"
              disabled={planning}
              onClick={() => void submit(null)}
            >
              Plan this delegation to {suggestedName}
            </button>
          )}
          <button
            type="button"
            className="button button--small"
            disabled={planning}
            aria-expanded={picking}
            onClick={() => setPicking(!picking)}
          >
            {suggestedName ? 'Pick another delegate…' : 'Plan this delegation: pick a delegate…'}
          </button>
        </div>
      )}
      {picking && (
        <PersonPicker
          snapshotId={snapshotId}
          label={`Delegate for “${responsibility}”`}
          exclude={leaderEmployeeId ? [leaderEmployeeId] : []}
          onPick={(person) => void submit(person.employeeId)}
        />
      )}
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem.message}
        </p>
      )}
      {planned && <PlannedImpact plan={planned} href={planHrefOf(planned.id)} />}
    </div>
  );
}

function PlannedImpact({ plan, href }: { plan: ScenarioFieldsFragment; href: string }) {
  const { data, loading, error } = useQuery(ScenarioScoreDocument, {
    variables: { id: plan.id },
    // Before and after mixes of one position must not merge in the cache (PositionMix is keyed by position).
    fetchPolicy: 'no-cache',
  });
  const score = data?.scenarioScore;
  return (
    <div className="card stack plan-delegation__impact" role="status">
      <p>
        Added to <Link to={href}>{plan.name}</Link> ({plural(plan.edits.length, 'edit')}, draft).
      </p>
      {loading && !score && <LoadingState label="Scoring the plan…" />}
      {error && !score && <ErrorState title="Could not score the plan." error={error} />}
      {score && (
        <>
          <FindingChanges resolved={score.resolved} introduced={score.introduced} />
          <AffectedPeople affected={score.affected} heading="Before and after, for everyone affected" />
        </>
      )}
    </div>
  );
}
