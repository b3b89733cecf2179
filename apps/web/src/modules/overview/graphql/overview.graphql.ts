import { graphql } from '../../../gql';

export const AnalysisSummaryDocument = graphql(`
  query AnalysisSummary($snapshotId: ID!, $leaderPositionId: ID) {
    analysisSummary(snapshotId: $snapshotId, leaderPositionId: $leaderPositionId) {
      findingCount
      leaderCount
      positionCount
      filledCount
      vacantCount
      leaderTacticalLoadPct
      leaderTimeBelowLevelPct
      coverage {
        positions
        withData
        withoutData
      }
      byKind {
        kind
        count
      }
      worstSubtrees {
        positionId
        employeeId
        name
        title
        headcount
        findingCount
        severitySum
        severityPerPerson
      }
    }
  }
`);

// The lazy chart: the top levels first, each team when it is opened, search on the server.
export const ChartNodeFieldsFragment = graphql(`
  fragment ChartNodeFields on ChartNode {
    id
    parentId
    name
    title
    tier
    tierSource
    department
    vacant
    employeeId
    directReports
    tacticalGap
    openFindings
    badges
    descendantCount
    subtreeFindings
    hasData
    descendantsWithoutData
    dottedLineManagerIds
    actualMix {
      implementation
      unification
      communication
      leadership
    }
  }
`);

export const OrgChartTopDocument = graphql(`
  query OrgChartTop($snapshotId: ID, $organizationId: ID, $depth: Int!, $rootPositionId: ID) {
    orgChartTop(snapshotId: $snapshotId, organizationId: $organizationId, depth: $depth, rootPositionId: $rootPositionId) {
      snapshotId
      expectedMixes {
        tier
        mix {
          implementation
          unification
          communication
          leadership
        }
      }
      nodes {
        ...ChartNodeFields
      }
    }
  }
`);

export const OrgChartChildrenDocument = graphql(`
  query OrgChartChildren($snapshotId: ID!, $positionId: ID!, $first: Int!, $after: String) {
    orgChartChildren(snapshotId: $snapshotId, positionId: $positionId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ChartNodeFields
      }
    }
  }
`);

export const OrgChartSearchDocument = graphql(`
  query OrgChartSearch($snapshotId: ID!, $query: String!, $first: Int!) {
    orgChartSearch(snapshotId: $snapshotId, query: $query, first: $first) {
      totalCount
      hits {
        ...ChartNodeFields
      }
      nodes {
        ...ChartNodeFields
      }
    }
  }
`);

export const OrgChartRevealDocument = graphql(`
  query OrgChartReveal($snapshotId: ID!, $positionIds: [ID!]!) {
    orgChartReveal(snapshotId: $snapshotId, positionIds: $positionIds) {
      ...ChartNodeFields
    }
  }
`);

export const OrgChartLeadersDocument = graphql(`
  query OrgChartLeaders($snapshotId: ID!, $query: String!, $first: Int!) {
    orgChartLeaders(snapshotId: $snapshotId, query: $query, first: $first) {
      id
      name
      title
      tier
      department
      vacant
    }
  }
`);

export const FindingFieldsFragment = graphql(`
  fragment FindingFields on Finding {
    key
    kind
    positionId
    positionTitle
    personName
    employeeId
    department
    severity
    explanation
    status
    reviewNote
    reviewer
    reviewedAt
    responsibility
    responsibilityId
    sharePct
    valueLevel
    delegateName
    delegateTo
    delegatePositionId
    noDelegateReason
  }
`);

// The far end of a dotted line: a name to show and, when inScope, a position to open.
export const DottedLineFieldsFragment = graphql(`
  fragment DottedLineFields on DottedLinePosition {
    id
    externalId
    title
    name
    vacant
    inScope
  }
`);

export const PositionDetailsDocument = graphql(`
  query PositionDetails($id: ID!) {
    position(id: $id) {
      id
      title
      tier
      tierSource
      grade
      department
      vacant
      externalId
      directReportCount
      holder {
        id
        name
        employeeId
      }
      dottedLineManagers {
        ...DottedLineFields
      }
      dottedLineReports {
        ...DottedLineFields
      }
      assignment {
        personId
        positionId
        lastPromotionDate
        roleStartDate
        previousTitle
      }
      mix {
        positionId
        tier
        allocatedPct
        carriedOverPct
        implementationExcess
        hasData
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
      responsibilities {
        id
        title
        sharePct
        valueLevel
        valueLevelSource
        heldSince
        classification {
          level
          confidence
          suggestedLevel
          runnerUp
          runnerUpConfidence
          reason
          matchedTerms
        }
      }
      findings {
        ...FindingFields
      }
    }
  }
`);

export const SetTierOverrideDocument = graphql(`
  mutation SetTierOverride($organizationId: ID!, $externalId: String!, $tier: Tier) {
    setTierOverride(organizationId: $organizationId, externalId: $externalId, tier: $tier)
  }
`);

export const SetValueLevelOverrideDocument = graphql(`
  mutation SetValueLevelOverride($organizationId: ID!, $employeeId: String!, $responsibility: String!, $valueLevel: ValueLevel) {
    setValueLevelOverride(
      organizationId: $organizationId
      employeeId: $employeeId
      responsibility: $responsibility
      valueLevel: $valueLevel
    )
  }
`);
