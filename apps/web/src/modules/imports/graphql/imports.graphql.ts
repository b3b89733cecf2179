import { graphql } from '../../../gql';

export const ImportResultFieldsFragment = graphql(`
  fragment ImportResultFields on ImportResult {
    ok
    dryRun
    organizationId
    organizationName
    snapshotId
    snapshotVersion
    duplicateOfVersion
    people
    positions
    responsibilities
    errors {
      code
      file
      row
      rows
      column
      value
      message
    }
    warnings {
      code
      file
      row
      rows
      column
      value
      message
    }
    peopleFile {
      ...FileReportFields
    }
    responsibilitiesFile {
      ...FileReportFields
    }
    tops {
      row
      employeeId
      name
      title
    }
  }
`);

export const FileReportFieldsFragment = graphql(`
  fragment FileReportFields on FileReport {
    fileName
    format
    encoding
    delimiter
    hasHeader
    rowCount
    managerReference
    unmappedHeaders
    mapping {
      field
      header
      headers
      method
      note
    }
  }
`);

export const PreviewImportDocument = graphql(`
  mutation PreviewImport($organizationName: String!, $people: Upload!, $responsibilities: Upload, $options: ImportOptions) {
    result: previewImport(
      organizationName: $organizationName
      people: $people
      responsibilities: $responsibilities
      options: $options
    ) {
      ...ImportResultFields
    }
  }
`);

export const CommitImportDocument = graphql(`
  mutation CommitImport($organizationName: String!, $people: Upload!, $responsibilities: Upload, $options: ImportOptions) {
    result: commitImport(
      organizationName: $organizationName
      people: $people
      responsibilities: $responsibilities
      options: $options
    ) {
      ...ImportResultFields
      job {
        ...JobFields
      }
    }
  }
`);

/** A queued import followed to its outcome. */
export const ImportJobDocument = graphql(`
  query ImportJob($id: ID!) {
    job(id: $id) {
      ...JobFields
      importResult {
        ...ImportResultFields
      }
    }
  }
`);
