import { graphql } from '../../../gql';

export const GradeTierFieldsFragment = graphql(`
  fragment GradeTierFields on GradeTier {
    grade
    tier
    source
    scheme
    positions
  }
`);

export const GradeTiersDocument = graphql(`
  query GradeTiers($organizationId: ID!) {
    gradeTiers(organizationId: $organizationId) {
      ...GradeTierFields
    }
  }
`);

export const SetGradeTiersDocument = graphql(`
  mutation SetGradeTiers($organizationId: ID!, $grades: [GradeTierInput!]!) {
    setGradeTiers(organizationId: $organizationId, input: { grades: $grades }) {
      ...GradeTierFields
    }
  }
`);
