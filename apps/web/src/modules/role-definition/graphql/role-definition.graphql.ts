import { graphql } from '../../../gql';

export const RoleDefinitionDocument = graphql(`
  query RoleDefinition($positionId: ID!) {
    roleDefinition(positionId: $positionId) {
      positionId
      title
      purpose {
        text
        status
        appliesTo
        setBy
        setAt
      }
      manager {
        positionId
        name
        title
      }
      dottedLineManagers {
        positionId
        name
        title
      }
      directReports
      totalReports
      keyAccountabilities {
        level
        label
        sharePct
        expectedPct
        items {
          responsibilityId
          title
          sharePct
        }
        otherCount
        otherSharePct
      }
      decisionRights {
        level
        label
        right
        rightLabel
        matter
        expectedPct
      }
      decisionRightsSource
      takeOn {
        level
        advice
      }
    }
  }
`);

export const SetRolePurposeDocument = graphql(`
  mutation SetRolePurpose($input: SetRolePurposeInput!) {
    setRolePurpose(input: $input) {
      positionId
      purpose {
        text
        status
        appliesTo
        setBy
        setAt
      }
    }
  }
`);
