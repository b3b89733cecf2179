import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { ScenarioEditInput } from '../../../gql/graphql';
import {
  AddScenarioEditsDocument,
  ApproveScenarioDocument,
  RebaseScenarioDocument,
  RejectScenarioDocument,
  ReopenScenarioDocument,
  ScenarioScoreDocument,
  SubmitScenarioDocument,
  UndoScenarioEditDocument,
} from '../graphql/scenarios.graphql';
import { type ScenarioProblem, scenarioProblem } from '../utils/scenario-errors';

// Every change re-scores the scenario and refreshes the list's status and version.
const REFETCH = { refetchQueries: ['ScenarioScore', 'Scenarios'], awaitRefetchQueries: true };

/**
 * One scenario with its score, and every change to it. Each change sends the version the page
 * shows, so a change someone else made in between is refused (CONFLICT) instead of overwritten;
 * `problem` then says so and `reload` fetches the current state.
 */
export function useScenario(scenarioId: string) {
  // Not normalised: a before and an after mix of one position would be one cache entry (PositionMix is keyed by position).
  const score = useQuery(ScenarioScoreDocument, { variables: { id: scenarioId }, fetchPolicy: 'no-cache' });
  const [problem, setProblem] = useState<ScenarioProblem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [addEdits] = useMutation(AddScenarioEditsDocument, REFETCH);
  const [undo] = useMutation(UndoScenarioEditDocument, REFETCH);
  const [submit] = useMutation(SubmitScenarioDocument, REFETCH);
  const [approve] = useMutation(ApproveScenarioDocument, REFETCH);
  const [reject] = useMutation(RejectScenarioDocument, REFETCH);
  const [reopen] = useMutation(ReopenScenarioDocument, REFETCH);
  const [rebase] = useMutation(RebaseScenarioDocument, REFETCH);
  const version = score.data?.scenarioScore.scenario.version ?? null;

  const run = async (what: string, change: (expectedVersion: number | null) => Promise<unknown>): Promise<boolean> => {
    setBusy(what);
    setProblem(null);
    try {
      await change(version);
      return true;
    } catch (error) {
      setProblem(scenarioProblem(error));
      return false;
    } finally {
      setBusy(null);
    }
  };

  return {
    score,
    problem,
    busy,
    clearProblem: () => setProblem(null),
    reload: async () => {
      setProblem(null);
      await score.refetch();
    },
    addEdits: (edits: ScenarioEditInput[]) =>
      run('edit', (expectedVersion) => addEdits({ variables: { scenarioId, edits, expectedVersion } })),
    undo: () => run('undo', (expectedVersion) => undo({ variables: { scenarioId, expectedVersion } })),
    submit: () => run('submit', (expectedVersion) => submit({ variables: { scenarioId, expectedVersion } })),
    approve: (note: string) =>
      run('approve', (expectedVersion) => approve({ variables: { scenarioId, note: note.trim() || null, expectedVersion } })),
    reject: (note: string) =>
      run('reject', (expectedVersion) => reject({ variables: { scenarioId, note: note.trim() || null, expectedVersion } })),
    reopen: () => run('reopen', (expectedVersion) => reopen({ variables: { scenarioId, expectedVersion } })),
    rebase: (snapshotId: string | null) =>
      run('rebase', (expectedVersion) => rebase({ variables: { scenarioId, snapshotId, expectedVersion } })),
  };
}

export type ScenarioControls = ReturnType<typeof useScenario>;
