import { useMutation, useQuery } from '@apollo/client/react';
import type { CreateSurveyCampaignInput } from '../../../gql/graphql';
import {
  CloseSurveyCampaignDocument,
  CreateSurveyCampaignDocument,
  IssueSurveyInvitationsDocument,
  SurveyCampaignsDocument,
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
  const [close, closing] = useMutation(CloseSurveyCampaignDocument, { refetchQueries: 'active', awaitRefetchQueries: true });
  return {
    progress,
    invite: async (delivery: 'EMAIL' | 'CSV', reminder: boolean) =>
      (await invite({ variables: { campaignId, delivery, reminder } })).data?.issueSurveyInvitations ?? null,
    close: async (nonRespondents: 'KEEP_PREVIOUS' | 'NONE') =>
      (await close({ variables: { campaignId, nonRespondents } })).data?.closeSurveyCampaign ?? null,
    busy: inviting.loading || closing.loading,
  };
}
