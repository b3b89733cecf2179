import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { CreateSurveyCampaignInput, JobFieldsFragment } from '../../../gql/graphql';
import { followJob } from '../../shared/utils/follow-job';
import {
  CreateSurveyCampaignDocument,
  IssueSurveyInvitationsDocument,
  QueueSurveyCloseDocument,
  SurveyCampaignsDocument,
  SurveyCloseJobDocument,
  SurveyProgressDocument,
} from '../graphql/surveys.graphql';

export const CAMPAIGNS_PAGE = 50;
export const MISSING_PAGE = 100;

/** The organization's campaigns and creating one. */
export function useCampaigns(organizationId: string) {
  const list = useQuery(SurveyCampaignsDocument, {
    variables: { organizationId, first: CAMPAIGNS_PAGE, offset: 0 },
    fetchPolicy: 'cache-and-network',
  });
  const [mutate, creating] = useMutation(CreateSurveyCampaignDocument, { refetchQueries: 'active', awaitRefetchQueries: true });
  const create = async (input: CreateSurveyCampaignInput) =>
    (await mutate({ variables: { input } })).data?.createSurveyCampaign ?? null;
  return { list, create, creating: creating.loading };
}

/** One campaign's progress, who is missing, and HR's actions on it. */
export function useCampaignProgress(campaignId: string) {
  const progress = useQuery(SurveyProgressDocument, {
    variables: { campaignId, first: MISSING_PAGE, offset: 0 },
    fetchPolicy: 'cache-and-network',
  });
  const [invite, inviting] = useMutation(IssueSurveyInvitationsDocument, { refetchQueries: 'active' });
  const client = useApolloClient();
  const [queueClose] = useMutation(QueueSurveyCloseDocument);
  /** The closing job while it runs, for its progress bar. */
  const [closeJob, setCloseJob] = useState<JobFieldsFragment | null>(null);
  /** Queues the closing and follows it to the new snapshot; throws with the job's error when it fails. */
  const close = async (nonRespondents: 'KEEP_PREVIOUS' | 'NONE') => {
    const queued = (await queueClose({ variables: { campaignId, nonRespondents } })).data?.queueSurveyClose;
    if (!queued) return null;
    setCloseJob(queued);
    try {
      const done = await followJob(client, SurveyCloseJobDocument, queued.id, { onUpdate: setCloseJob });
      if (done.state === 'FAILED' || !done.surveyClosing)
        throw new Error(`Closing failed: ${done.error ?? 'no reason was given'}`);
      await client.refetchQueries({ include: 'active' });
      return done.surveyClosing;
    } finally {
      setCloseJob(null);
    }
  };
  return {
    progress,
    invite: async (delivery: 'EMAIL' | 'CSV', reminder: boolean) =>
      (await invite({ variables: { campaignId, delivery, reminder } })).data?.issueSurveyInvitations ?? null,
    close,
    closeJob,
    busy: inviting.loading || closeJob !== null,
  };
}
