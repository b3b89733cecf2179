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

export const OrgChartDocument = graphql(`
  query OrgChart($snapshotId: ID!) {
    orgChart(snapshotId: $snapshotId) {
      id
      parentId
      name
      title
      tier
      department
      vacant
      employeeId
      directReports
      tacticalGap
      openFindings
      badges
      actualMix {
        implementation
        unification
        communication
        leadership
      }
      expectedMix {
        implementation
        unification
        communication
        leadership
      }
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

export const PositionDetailsDocument = graphql(`
  query PositionDetails($id: ID!) {
    position(id: $id) {
      id
      title
      tier
      tierSource
      department
      vacant
      externalId
      directReportCount
      holder {
        id
        name
        employeeId
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
