import { graphql } from '../../../gql';

export const JobFieldsFragment = graphql(`
  fragment JobFields on BackgroundJob {
    id
    kind
    state
    progress
    stage
    attempts
    error
    downloadUrl
    fileName
    expiresAt
  }
`);

/** A job followed for its progress and, for a report, its download link. */
export const JobStatusDocument = graphql(`
  query JobStatus($id: ID!) {
    job(id: $id) {
      ...JobFields
    }
  }
`);
