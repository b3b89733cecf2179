import type { MeQuery } from '../../../gql/graphql';
import type { SurveyForm } from '../hooks/useSurveyForm';

export type OwnTeamTemplate = { campaignId: string; campaignName: string; leaderEmployeeId: string };

type Me = NonNullable<MeQuery['me']>;

/**
 * The campaigns whose team template the signed-in manager may download, as the download route
 * allows: one's own team (the people whose forms they fill in or review), as a leader or HR admin
 * of the campaign's organization. Closed campaigns have no forms listed, so none show.
 */
export function ownTeamTemplates(forms: readonly SurveyForm[], me: Me | null): OwnTeamTemplate[] {
  if (!me) return [];
  const templates = new Map<string, OwnTeamTemplate>();
  for (const form of forms) {
    if (form.side !== 'MANAGER' || templates.has(form.campaignId)) continue;
    const membership = me.memberships.find((entry) => entry.organizationId === form.organizationId);
    const role = me.owner ? 'HR_ADMIN' : membership?.role;
    if (!membership?.personExternalId || (role !== 'LEADER' && role !== 'HR_ADMIN')) continue;
    templates.set(form.campaignId, {
      campaignId: form.campaignId,
      campaignName: form.campaignName,
      leaderEmployeeId: membership.personExternalId,
    });
  }
  return [...templates.values()];
}
