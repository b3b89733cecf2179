import { useQuery } from '@apollo/client/react';
import type { EditProgress } from '../../../gql/graphql';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { ScenarioTrackingDocument } from '../graphql/scenarios.graphql';

const PROGRESS: Record<EditProgress, string> = { DONE: 'Done', PARTLY_DONE: 'Partly done', NOT_DONE: 'Not done' };

/** "Was the delegation done?": an approved plan against the next snapshot, per edit. */
export function ScenarioTracking({ scenarioId }: { scenarioId: string }) {
  const { data, loading, error, refetch } = useQuery(ScenarioTrackingDocument, { variables: { id: scenarioId } });
  return (
    <section aria-labelledby="tracking-heading" className="stack">
      <h3 id="tracking-heading" className="section-title">
        Was it done?
      </h3>
      {loading && !data && <LoadingState label="Comparing with the next snapshot…" />}
      {error && !data && (
        <ErrorState
          title={
            /No snapshot after/.test(error.message) ? 'Not tracked yet.' : 'Could not compare the plan with a later snapshot.'
          }
          error={error}
          onRetry={() => void refetch()}
        />
      )}
      {data && (
        <>
          <p>
            Against snapshot v{data.scenarioTracking.snapshotVersion} ({data.scenarioTracking.snapshotAsOf}):{' '}
            {data.scenarioTracking.done} done, {data.scenarioTracking.partlyDone} partly done, {data.scenarioTracking.notDone} not
            done.
          </p>
          <table className="data-table data-table--compact">
            <thead>
              <tr>
                <th scope="col">Edit</th>
                <th scope="col">Progress</th>
                <th scope="col">What the snapshot shows</th>
              </tr>
            </thead>
            <tbody>
              {data.scenarioTracking.edits.map((edit) => (
                <tr key={edit.number} data-progress={edit.progress}>
                  <th scope="row">{edit.description}</th>
                  <td>{PROGRESS[edit.progress]}</td>
                  <td>{edit.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
