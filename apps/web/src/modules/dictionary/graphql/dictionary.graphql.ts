import { graphql } from '../../../gql';

export const DictionaryVersionFieldsFragment = graphql(`
  fragment DictionaryVersionFields on DictionaryVersion {
    id
    version
    source
    summary
    entryCount
    activityCount
    createdBy
    createdAt
    current
  }
`);

export const ActivityDictionaryDocument = graphql(`
  query ActivityDictionary($organizationId: ID!) {
    activityDictionary(organizationId: $organizationId) {
      version {
        ...DictionaryVersionFields
      }
      functions {
        key
        label
        description
        activityCount
        processes {
          key
          label
          activityCount
        }
      }
    }
  }
`);

export const DictionaryActivitiesDocument = graphql(`
  query DictionaryActivities(
    $organizationId: ID!
    $versionId: ID!
    $functionKey: String
    $search: String
    $first: Int!
    $offset: Int!
  ) {
    dictionaryActivities(
      organizationId: $organizationId
      versionId: $versionId
      functionKey: $functionKey
      search: $search
      first: $first
      offset: $offset
    ) {
      totalCount
      nodes {
        id
        key
        label
        description
        valueLevel
        levelSource
        processKey
        processLabel
        functionKey
        functionLabel
      }
    }
  }
`);

export const UpdateDictionaryEntryDocument = graphql(`
  mutation UpdateDictionaryEntry(
    $organizationId: ID!
    $baseVersionId: ID
    $key: String!
    $changes: DictionaryEntryChangesInput!
  ) {
    updateDictionaryEntry(organizationId: $organizationId, baseVersionId: $baseVersionId, key: $key, changes: $changes) {
      ...DictionaryVersionFields
    }
  }
`);

export const AddDictionaryEntryDocument = graphql(`
  mutation AddDictionaryEntry($organizationId: ID!, $baseVersionId: ID, $entry: NewDictionaryEntryInput!) {
    addDictionaryEntry(organizationId: $organizationId, baseVersionId: $baseVersionId, entry: $entry) {
      ...DictionaryVersionFields
    }
  }
`);

export const RemoveDictionaryEntryDocument = graphql(`
  mutation RemoveDictionaryEntry($organizationId: ID!, $baseVersionId: ID, $key: String!) {
    removeDictionaryEntry(organizationId: $organizationId, baseVersionId: $baseVersionId, key: $key) {
      ...DictionaryVersionFields
    }
  }
`);

export const CopyStarterDictionaryDocument = graphql(`
  mutation CopyStarterDictionary($organizationId: ID!) {
    copyStarterDictionary(organizationId: $organizationId) {
      ...DictionaryVersionFields
    }
  }
`);

export const SuggestActivityLevelDocument = graphql(`
  query SuggestActivityLevel($organizationId: ID!, $label: String!, $description: String) {
    suggestActivityLevel(organizationId: $organizationId, label: $label, description: $description) {
      level
      confidence
      confident
    }
  }
`);

export const ImportDictionaryDocument = graphql(`
  mutation ImportDictionary($organizationId: ID!, $file: Upload!, $dryRun: Boolean!) {
    importDictionary(organizationId: $organizationId, file: $file, dryRun: $dryRun) {
      ok
      dryRun
      unchanged
      entryCount
      activityCount
      suggestedCount
      version {
        ...DictionaryVersionFields
      }
      errors {
        file
        row
        rows
        column
        value
        message
        code
      }
      warnings {
        file
        row
        rows
        column
        value
        message
        code
      }
    }
  }
`);
