import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { UploadSurveyTemplateMutation } from '../../../gql/graphql';
import { postMultipart } from '../../imports/utils/multipart';
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
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<TemplateUploadResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const data = await postMultipart(UploadSurveyTemplateDocument, { campaignId, file, dryRun });
      setResult(data.uploadSurveyTemplate);
      if (data.uploadSurveyTemplate.ok && !dryRun) await client.refetchQueries({ include: 'active' });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return {
    teams,
    download: (leaderEmployeeId: string) =>
      downloads.download(leaderEmployeeId, teamTemplateUrl(campaignId, leaderEmployeeId), teamTemplateFileName(leaderEmployeeId)),
    downloading: downloads.busy,
    downloadError: downloads.error,
    file,
    choose: (next: File | null) => {
      setFile(next);
      setResult(null);
      setError(null);
    },
    check: () => send(true),
    upload: () => send(false),
    result,
    busy,
    error,
  };
}
