import { graphql } from '../../../gql';

/** A scenario as the list and its page show it: its edits and the ones a rebase could not carry. */
export const ScenarioFieldsFragment = graphql(`
  fragment ScenarioFields on Scenario {
    id
    organizationId
    snapshotId
    name
    kind
    status
    notes
    ownerName
    scopeEmployeeId
    version
    createdAt
    updatedAt
    decidedBy
    decidedAt
    edits {
      number
      kind
      description
      from
      to
      position
      responsibility
      sharePct
      toManager
      fromManager
    }
    droppedEdits {
      number
      description
      message
    }
  }
`);

export const ScenarioMixFieldsFragment = graphql(`
  fragment ScenarioMixFields on PositionMix {
    tacticalGap
    allocatedPct
    overallocatedPct
    actual {
      implementation
      unification
      communication
      leadership
    }
    expected {
      implementation
      unification
      communication
      leadership
    }
  }
`);

export const ScenarioFindingFieldsFragment = graphql(`
  fragment ScenarioFindingFields on ScenarioFinding {
    key
    kind
    severity
    employeeId
    personName
    explanation
  }
`);

/** Everything the scoring says about one scenario, before and after its edits. */
export const ScenarioScoreFieldsFragment = graphql(`
  fragment ScenarioScoreFields on ScenarioScore {
    scenario {
      ...ScenarioFields
    }
    findingsByKind {
      kind
      before
      after
    }
    findingCount {
      before
      after
    }
    resolved {
      ...ScenarioFindingFields
    }
    introduced {
      ...ScenarioFindingFields
    }
    leaderTimeBelowLevelPct {
      before
      after
    }
    leaderTacticalLoadPct {
      before
      after
    }
    tacticalGapByTier {
      tier
      before
      after
    }
    meanSpan {
      before
      after
    }
    maxSpan {
      before
      after
    }
    layers {
      before
      after
    }
    overCapacity {
      before
      after
    }
    affected {
      externalId
      name
      title
      tier
      managerBefore
      managerAfter
      before {
        ...ScenarioMixFields
      }
      after {
        ...ScenarioMixFields
      }
      findingsBefore {
        key
        kind
      }
      findingsAfter {
        key
        kind
      }
    }
    problems {
      number
      description
      message
    }
  }
`);

export const ScenariosDocument = graphql(`
  query Scenarios($organizationId: ID!) {
    scenarios(organizationId: $organizationId) {
      ...ScenarioFields
    }
  }
`);

export const ScenarioScoreDocument = graphql(`
  query ScenarioScore($id: ID!) {
    scenarioScore(id: $id) {
      ...ScenarioScoreFields
    }
  }
`);

export const CompareScenariosDocument = graphql(`
  query CompareScenarios($organizationId: ID!, $scenarioIds: [ID!]!) {
    compareScenarios(organizationId: $organizationId, scenarioIds: $scenarioIds) {
      ...ScenarioScoreFields
    }
  }
`);

export const ScenarioTrackingDocument = graphql(`
  query ScenarioTracking($id: ID!, $snapshotId: ID) {
    scenarioTracking(id: $id, snapshotId: $snapshotId) {
      snapshotId
      snapshotVersion
      snapshotAsOf
      done
      partlyDone
      notDone
      edits {
        number
        description
        progress
        detail
      }
    }
  }
`);

export const CreateScenarioDocument = graphql(`
  mutation CreateScenario($snapshotId: ID!, $name: String!, $notes: String) {
    createScenario(snapshotId: $snapshotId, name: $name, notes: $notes) {
      ...ScenarioFields
    }
  }
`);

export const AddScenarioEditsDocument = graphql(`
  mutation AddScenarioEdits($scenarioId: ID!, $edits: [ScenarioEditInput!]!, $expectedVersion: Int) {
    addScenarioEdits(scenarioId: $scenarioId, edits: $edits, expectedVersion: $expectedVersion) {
      ...ScenarioFields
    }
  }
`);

export const UndoScenarioEditDocument = graphql(`
  mutation UndoScenarioEdit($scenarioId: ID!, $expectedVersion: Int) {
    undoScenarioEdit(scenarioId: $scenarioId, expectedVersion: $expectedVersion) {
      ...ScenarioFields
    }
  }
`);

export const SubmitScenarioDocument = graphql(`
  mutation SubmitScenario($scenarioId: ID!, $expectedVersion: Int) {
    submitScenario(scenarioId: $scenarioId, expectedVersion: $expectedVersion) {
      ...ScenarioFields
    }
  }
`);

export const ApproveScenarioDocument = graphql(`
  mutation ApproveScenario($scenarioId: ID!, $note: String, $expectedVersion: Int) {
    approveScenario(scenarioId: $scenarioId, note: $note, expectedVersion: $expectedVersion) {
      ...ScenarioFields
    }
  }
`);

export const RejectScenarioDocument = graphql(`
  mutation RejectScenario($scenarioId: ID!, $note: String, $expectedVersion: Int) {
    rejectScenario(scenarioId: $scenarioId, note: $note, expectedVersion: $expectedVersion) {
      ...ScenarioFields
    }
  }
`);

export const ReopenScenarioDocument = graphql(`
  mutation ReopenScenario($scenarioId: ID!, $expectedVersion: Int) {
    reopenScenario(scenarioId: $scenarioId, expectedVersion: $expectedVersion) {
      ...ScenarioFields
    }
  }
`);

export const RebaseScenarioDocument = graphql(`
  mutation RebaseScenario($scenarioId: ID!, $snapshotId: ID, $expectedVersion: Int) {
    rebaseScenario(scenarioId: $scenarioId, snapshotId: $snapshotId, expectedVersion: $expectedVersion) {
      ...ScenarioFields
    }
  }
`);

export const PlanDelegationDocument = graphql(`
  mutation PlanDelegation($snapshotId: ID!, $findingKey: String!, $delegate: String) {
    planDelegation(snapshotId: $snapshotId, findingKey: $findingKey, delegate: $delegate) {
      ...ScenarioFields
    }
  }
`);
