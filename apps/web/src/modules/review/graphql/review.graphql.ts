import { graphql } from '../../../gql';

/** How a delegation gap can be closed: best fit, the knock-on hand-offs, what to do next. */
export const DelegationChainFieldsFragment = graphql(`
  fragment DelegationChainFields on Finding {
    outcome
    bestFitEmployeeId
    bestFitPositionId
    bestFitName
    nextStep
    handOffs {
      fromName
      fromEmployeeId
      responsibility
      sharePct
      toName
      toEmployeeId
    }
  }
`);

/** An action as the review shows it beside its finding and in the team's list. */
export const ActionFieldsFragment = graphql(`
  fragment ActionFields on FindingAction {
    id
    findingKey
    owner
    dueOn
    step
    delegateTo
    note
    status
    createdBy
    createdAt
    updatedAt
    resolvedInSnapshotId
  }
`);

export const LeaderFindingsDocument = graphql(`
  query LeaderFindings($snapshotId: ID!, $filter: FindingFilter, $first: Int!) {
    findings(snapshotId: $snapshotId, filter: $filter, first: $first) {
      totalCount
      nodes {
        ...FindingFields
      }
    }
  }
`);

/** Where a review starts: the leaders whose teams have findings nobody has decided on. */
export const LeadersToReviewDocument = graphql(`
  query LeadersToReview($snapshotId: ID!, $first: Int!) {
    leadersToReview(snapshotId: $snapshotId, first: $first) {
      totalCount
      nodes {
        positionId
        name
        title
        tier
        department
        openCount
        highCount
        maxSeverity
      }
    }
  }
`);

/** A finding's decisions and the actions they planned, with what accepting it now would plan. */
export const FindingHistoryDocument = graphql(`
  query FindingHistory($snapshotId: ID!, $key: String!) {
    findingHistory(snapshotId: $snapshotId, key: $key) {
      key
      decisions {
        status
        note
        reviewer
        reviewedAt
      }
      actions {
        ...ActionFields
      }
      suggestedAction {
        owner
        dueOn
        step
        delegateTo
      }
    }
  }
`);

/**
 * A team's actions, also shown beside their findings (by finding key): asked apart from the
 * findings list, whose 1,000-finding page would pass the cost budget with an action each.
 */
export const ActionsDocument = graphql(`
  query Actions($snapshotId: ID!, $leaderPositionId: ID, $statuses: [ActionStatus!], $overdueOnly: Boolean!, $first: Int!) {
    actions(
      snapshotId: $snapshotId
      leaderPositionId: $leaderPositionId
      statuses: $statuses
      overdueOnly: $overdueOnly
      first: $first
    ) {
      totalCount
      overdueCount
      nodes {
        id
        findingKey
        owner
        dueOn
        step
        delegateTo
        note
        status
        createdBy
        createdAt
        updatedAt
        resolvedInSnapshotId
        findingKind
        positionId
        subjectName
        subjectTitle
        overdue
      }
    }
  }
`);

export const SetActionStatusDocument = graphql(`
  mutation SetActionStatus($id: ID!, $status: ActionStatus!, $note: String) {
    setActionStatus(id: $id, status: $status, note: $note) {
      ...ActionFields
    }
  }
`);

/**
 * The delegation gaps' chains, asked apart from the findings list: hand-offs are a list per
 * finding, and with them a 1,000-finding page would pass the request's cost budget.
 */
export const LeaderDelegationChainsDocument = graphql(`
  query LeaderDelegationChains($snapshotId: ID!, $leaderPositionId: ID!, $first: Int!) {
    findings(snapshotId: $snapshotId, filter: { leaderPositionId: $leaderPositionId, kinds: [DELEGATION_GAP] }, first: $first) {
      nodes {
        key
        positionId
        ...DelegationChainFields
      }
    }
  }
`);

export const ReviewFindingDocument = graphql(`
  mutation ReviewFinding($snapshotId: ID!, $key: String!, $status: ReviewStatus!, $note: String, $action: ActionPlanInput) {
    reviewFinding(snapshotId: $snapshotId, key: $key, status: $status, note: $note, action: $action) {
      ...FindingFields
      action {
        ...ActionFields
      }
    }
  }
`);

// A leader's dotted-line reports, named only: those outside their subtree are read-only (no findings, no ratings).
export const LeaderDottedLineReportsDocument = graphql(`
  query LeaderDottedLineReports($positionId: ID!) {
    position(id: $positionId) {
      id
      dottedLineReports {
        ...DottedLineFields
      }
    }
  }
`);
