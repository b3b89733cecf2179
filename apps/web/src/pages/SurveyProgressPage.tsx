import { useParams } from 'react-router-dom';
import { useOrg } from '../modules/organizations/hooks/useOrg';
import { CampaignProgressView } from '../modules/surveys/components/CampaignProgressView';

export function SurveyProgressPage() {
  const { campaignId = '' } = useParams();
  const { orgId, linkTo } = useOrg();
  return <CampaignProgressView key={campaignId} campaignId={campaignId} orgId={orgId} linkTo={linkTo} />;
}
