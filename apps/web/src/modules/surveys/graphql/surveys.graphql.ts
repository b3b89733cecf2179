import { graphql } from '../../../gql';

export const SurveyFormFieldsFragment = graphql(`
  fragment SurveyFormFields on SurveyForm {
    responseId
    campaignId
    organizationId
    campaignName
    closesAt
    phase
    minTotalPct
    maxTotalPct
    subjectEmployeeId
    subjectName
    subjectTitle
    department
    side
    mode
    status
    submittedAt
    lockedReason
    answers {
      weeklyHours
      lines {
        activityId
        otherText
        sharePct
      }
    }
    selfAnswers {
      weeklyHours
      lines {
        activityId
        otherText
        sharePct
      }
    }
  }
`);

export const SurveyFormsDocument = graphql(`
  query SurveyForms($invitation: String) {
    surveyForms(invitation: $invitation) {
      ...SurveyFormFields
    }
  }
`);

export const SurveyFormDocument = graphql(`
  query SurveyForm($responseId: ID!, $invitation: String) {
    surveyForm(responseId: $responseId, invitation: $invitation) {
      ...SurveyFormFields
    }
    surveyActivities(responseId: $responseId, invitation: $invitation) {
      versionId
      activities {
        id
        label
        valueLevel
        functionName
      }
    }
  }
`);

export const SaveSurveyAnswersDocument = graphql(`
  mutation SaveSurveyAnswers($responseId: ID!, $answers: SurveyAnswersInput!, $invitation: String) {
    saveSurveyAnswers(responseId: $responseId, answers: $answers, invitation: $invitation) {
      ...SurveyFormFields
    }
  }
`);

export const SubmitSurveyAnswersDocument = graphql(`
  mutation SubmitSurveyAnswers($responseId: ID!, $answers: SurveyAnswersInput!, $invitation: String) {
    submitSurveyAnswers(responseId: $responseId, answers: $answers, invitation: $invitation) {
      ...SurveyFormFields
    }
  }
`);

export const SurveyCampaignsDocument = graphql(`
  query SurveyCampaigns($organizationId: ID!, $first: Int!, $offset: Int!) {
    surveyCampaigns(organizationId: $organizationId, first: $first, offset: $offset) {
      totalCount
      nodes {
        id
        name
        phase
        scope
        scopeValue
        defaultMode
        opensAt
        closesAt
        participantCount
        baseSnapshotVersion
        resultSnapshotVersion
      }
    }
  }
`);

export const CreateSurveyCampaignDocument = graphql(`
  mutation CreateSurveyCampaign($input: CreateSurveyCampaignInput!) {
    createSurveyCampaign(input: $input) {
      id
      name
      participantCount
    }
  }
`);

export const SurveyProgressDocument = graphql(`
  query SurveyProgress($campaignId: ID!, $first: Int!, $offset: Int!) {
    surveyCampaign(id: $campaignId) {
      id
      name
      phase
      scope
      scopeValue
      defaultMode
      opensAt
      closesAt
      minTotalPct
      maxTotalPct
      participantCount
      baseSnapshotVersion
      resultSnapshotId
      resultSnapshotVersion
      closeCoverage {
        surveyed
        carried
        none
        outside
        carriedAgeDays
        writtenIn
      }
    }
    surveyProgress(campaignId: $campaignId) {
      invited
      responded
      rate
      inProgress
      awaitingReview
      byDepartment {
        key
        label
        groups
        invited
        responded
        rate
      }
      byManager {
        key
        label
        groups
        invited
        responded
        rate
      }
      gap {
        compared
        meanPoints
        largeAdjustments
        selfMix {
          IMPLEMENTATION
          UNIFICATION
          COMMUNICATION
          LEADERSHIP
        }
        managerMix {
          IMPLEMENTATION
          UNIFICATION
          COMMUNICATION
          LEADERSHIP
        }
        byDepartment {
          key
          label
          compared
          meanPoints
        }
      }
      writtenIn {
        text
        count
        suggestedLevel
        confidence
      }
    }
    surveyMissing(campaignId: $campaignId, first: $first, offset: $offset) {
      totalCount
      nodes {
        responseId
        employeeId
        name
        department
        managerName
        waitingFor
        status
      }
    }
  }
`);

export const IssueSurveyInvitationsDocument = graphql(`
  mutation IssueSurveyInvitations($campaignId: ID!, $delivery: InvitationDelivery!, $reminder: Boolean!) {
    issueSurveyInvitations(campaignId: $campaignId, delivery: $delivery, reminder: $reminder) {
      issued
      emailed
      withoutEmail
      failed {
        employeeId
        error
      }
      csv
    }
  }
`);

/** Closing runs as a background job: queue it, then follow it to its outcome. */
export const QueueSurveyCloseDocument = graphql(`
  mutation QueueSurveyClose($campaignId: ID!, $nonRespondents: NonRespondentPolicy!) {
    queueSurveyClose(campaignId: $campaignId, nonRespondents: $nonRespondents) {
      ...JobFields
    }
  }
`);

export const SurveyCloseJobDocument = graphql(`
  query SurveyCloseJob($id: ID!) {
    job(id: $id) {
      ...JobFields
      surveyClosing {
        snapshotId
        snapshotVersion
        coverage {
          surveyed
          carried
          none
          outside
        }
      }
    }
  }
`);

/** The offline route: a workbook per team, downloaded from /api/survey-campaigns/:id/teams/:leader/template.xlsx. */
export const SurveyTemplateTeamsDocument = graphql(`
  query SurveyTemplateTeams($campaignId: ID!) {
    surveyTemplateTeams(campaignId: $campaignId) {
      leaderEmployeeId
      leaderName
      department
      members
      answered
    }
  }
`);

export const UploadSurveyTemplateDocument = graphql(`
  mutation UploadSurveyTemplate($campaignId: ID!, $file: Upload!, $dryRun: Boolean!) {
    uploadSurveyTemplate(campaignId: $campaignId, file: $file, dryRun: $dryRun) {
      ok
      dryRun
      leaderEmployeeId
      submitted
      skipped
      rowCount
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
    }
  }
`);
