import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen } from '@testing-library/react';
import { RoleDefinitionDocument, SetRolePurposeDocument } from '../graphql/role-definition.graphql';
import { RoleDefinitionSection } from './RoleDefinitionSection';

function roleResult(purpose: { text: string; status: string; appliesTo: 'TITLE' | 'POSITION' | null; setBy: string | null }) {
  return {
    data: {
      roleDefinition: {
        __typename: 'RoleDefinition',
        positionId: 'pos-1',
        title: 'Engineering Manager',
        purpose: { __typename: 'RolePurpose', setAt: null, ...purpose },
        manager: { __typename: 'RoleRef', positionId: 'pos-0', name: 'Dana Reyes', title: 'Director of Engineering' },
        dottedLineManagers: [],
        directReports: 3,
        totalReports: 7,
        keyAccountabilities: [
          {
            __typename: 'AccountabilityGroup',
            level: 'UNIFICATION',
            label: 'Unification',
            sharePct: 40,
            expectedPct: 35,
            items: [{ __typename: 'Accountability', responsibilityId: 'r1', title: 'Plan the sprint', sharePct: 30 }],
            otherCount: 2,
            otherSharePct: 10,
          },
        ],
        decisionRights: [
          {
            __typename: 'DecisionRight',
            level: 'UNIFICATION',
            label: 'Unification',
            right: 'DECIDES',
            rightLabel: 'Decides',
            matter: 'the team’s plans, priorities and standards, and who does what',
            expectedPct: 35,
          },
        ],
        decisionRightsSource: 'Derived from the tier’s expected mix.',
        takeOn: [],
      },
    },
  };
}

const DRAFT = { text: 'A manager role in Engineering.', status: 'DRAFT', appliesTo: null, setBy: null };
const WRITTEN = { text: 'Runs the platform team.', status: 'WRITTEN', appliesTo: 'TITLE' as const, setBy: 'Hana HR' };

describe('RoleDefinitionSection', () => {
  it('shows a marked draft, the line and span, accountabilities and decision rights; no edit button for a leader', async () => {
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: RoleDefinitionDocument, variables: { positionId: 'pos-1' } }, result: roleResult(DRAFT) },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <RoleDefinitionSection positionId="pos-1" canEdit={false} />
      </MockedProvider>,
    );
    expect(await screen.findByText('Purpose (draft)')).toBeInTheDocument();
    expect(screen.getByText(/HR has not written this purpose yet/)).toBeInTheDocument();
    expect(screen.getByText(/Reports to Dana Reyes \(Director of Engineering\)/)).toHaveTextContent(
      '3 direct reports, 7 people in all',
    );
    expect(screen.getByText(/Plan the sprint/)).toBeInTheDocument();
    expect(screen.getByText('2 smaller responsibilities', { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Decision rights' })).toHaveTextContent('Decides the team’s plans');
    expect(screen.queryByRole('button', { name: 'Edit purpose' })).toBeNull();
  });

  it('lets HR write the purpose for the title and shows it once saved', async () => {
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: RoleDefinitionDocument, variables: { positionId: 'pos-1' } }, result: roleResult(DRAFT) },
      {
        request: {
          query: SetRolePurposeDocument,
          variables: { input: { positionId: 'pos-1', text: 'Runs the platform team.', appliesTo: 'TITLE' } },
        },
        result: {
          data: {
            setRolePurpose: {
              __typename: 'RoleDefinition',
              positionId: 'pos-1',
              purpose: { __typename: 'RolePurpose', setAt: null, ...WRITTEN },
            },
          },
        },
      },
      { request: { query: RoleDefinitionDocument, variables: { positionId: 'pos-1' } }, result: roleResult(WRITTEN) },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <RoleDefinitionSection positionId="pos-1" canEdit />
      </MockedProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit purpose' }));
    fireEvent.change(screen.getByLabelText('Purpose of the role'), { target: { value: 'Runs the platform team.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save purpose' }));
    expect(await screen.findByText('Written by Hana HR for every “Engineering Manager”.')).toBeInTheDocument();
    expect(screen.getByTestId('role-purpose')).toHaveTextContent('Runs the platform team.');
    expect(screen.getByText('Purpose')).toBeInTheDocument();
  });
});
