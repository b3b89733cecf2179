import type { MeQuery } from '../../../gql/graphql';
import type { SurveyForm } from '../hooks/useSurveyForm';
import { ownTeamTemplates } from './own-team-templates';

type Me = NonNullable<MeQuery['me']>;

const form = (campaignId: string, side: 'SELF' | 'MANAGER', organizationId = 'org-1') =>
  ({ campaignId, campaignName: `Survey ${campaignId}`, organizationId, side }) as SurveyForm;

const me = (role: Me['memberships'][number]['role'], personExternalId: string | null = 'E100', owner = false): Me => ({
  id: 'acc-1',
  displayName: 'Dana',
  email: 'dana@example.com',
  owner,
  memberships: [{ organizationId: 'org-1', organizationName: 'Northwind', role, personExternalId }],
});

describe('ownTeamTemplates', () => {
  it('offers a leader their own team’s template once per campaign where they fill in or review forms', () => {
    const forms = [form('c1', 'SELF'), form('c1', 'MANAGER'), form('c1', 'MANAGER'), form('c2', 'SELF')];
    expect(ownTeamTemplates(forms, me('LEADER'))).toEqual([
      { campaignId: 'c1', campaignName: 'Survey c1', leaderEmployeeId: 'E100' },
    ]);
  });

  it('follows the download route’s rules: leaders and HR admins, signed in, with their employee id', () => {
    const forms = [form('c1', 'MANAGER')];
    expect(ownTeamTemplates(forms, me('HR_ADMIN'))).toHaveLength(1);
    expect(ownTeamTemplates(forms, me('EMPLOYEE'))).toEqual([]);
    expect(ownTeamTemplates(forms, me('VIEWER'))).toEqual([]);
    expect(ownTeamTemplates(forms, me('EMPLOYEE', 'E100', true))).toHaveLength(1);
    expect(ownTeamTemplates(forms, me('LEADER', null))).toEqual([]);
    expect(ownTeamTemplates([form('c1', 'MANAGER', 'org-2')], me('LEADER'))).toEqual([]);
    expect(ownTeamTemplates(forms, null)).toEqual([]);
  });
});
