import { useApolloClient, useQuery } from '@apollo/client/react';
import type { UploadSurveyTemplateMutation } from '../../../gql/graphql';
import { postMultipart } from '../../imports/utils/multipart';
import { useCheckedUpload } from '../../shared/hooks/useCheckedUpload';
import { useReportDownload } from '../../shared/hooks/useReportDownload';
import { SurveyTemplateTeamsDocument, UploadSurveyTemplateDocument } from '../graphql/surveys.graphql';
import { teamTemplateFileName, teamTemplateUrl } from '../utils/template-url';

export type TemplateUploadResult = UploadSurveyTemplateMutation['uploadSurveyTemplate'];

/**
 * HR's offline route of a campaign: its teams, each team's workbook (a checked download), and a
 * filled-in workbook sent back. A check (dry run) or a refused upload changes nothing; an accepted
 * one refreshes the progress on the page.
 */
export function useSurveyTemplates(campaignId: string) {
  const client = useApolloClient();
  const teams = useQuery(SurveyTemplateTeamsDocument, { variables: { campaignId }, fetchPolicy: 'cache-and-network' });
  const downloads = useReportDownload('template');
  const upload = useCheckedUpload(
    async (file, dryRun) =>
      (await postMultipart(UploadSurveyTemplateDocument, { campaignId, file, dryRun })).uploadSurveyTemplate,
    async (result, dryRun) => {
      if (result.ok && !dryRun) await client.refetchQueries({ include: 'active' });
    },
  );

  return {
    teams,
    download: (leaderEmployeeId: string) =>
      downloads.download(leaderEmployeeId, teamTemplateUrl(campaignId, leaderEmployeeId), teamTemplateFileName(leaderEmployeeId)),
    downloading: downloads.busy,
    downloadError: downloads.error,
    ...upload,
    upload: upload.send,
  };
}
