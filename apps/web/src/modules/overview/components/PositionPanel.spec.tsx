import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import type { Tier } from '@rolemap/domain';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { MeDocument } from '../../auth/graphql/auth.graphql';
import { RoleDefinitionDocument } from '../../role-definition/graphql/role-definition.graphql';
import { PositionDetailsDocument, SetTierOverrideDocument, SetValueLevelOverrideDocument } from '../graphql/overview.graphql';
import { PositionPanel } from './PositionPanel';

const mix = (implementation: number, unification: number, communication: number, leadership: number) => ({
  __typename: 'ValueMix' as const,
  implementation,
  unification,
  communication,
  leadership,
});

const classification = (level: string, confidence: number, matchedTerms: string[], extra: Record<string, unknown> = {}) => ({
  __typename: 'Classification',
  level,
  confidence,
  suggestedLevel: level === 'UNCLASSIFIED' ? 'IMPLEMENTATION' : level,
  runnerUp: 'UNIFICATION',
  runnerUpConfidence: 0.1,
  reason: level === 'UNCLASSIFIED' ? 'LOW_CONFIDENCE' : null,
  matchedTerms,
  ...extra,
});

// Shaped like the server's answer, with the __typename fields the cache adds to the query.
const responsibility = (id: string, title: string, sharePct: number, fields: Record<string, unknown>) => ({
  __typename: 'Responsibility',
  id,
  title,
  sharePct,
  valueLevel: 'IMPLEMENTATION',
  valueLevelSource: 'CLASSIFIED',
  heldSince: null,
  classification: classification('IMPLEMENTATION', 0.55, []),
  ...fields,
});

const tacticalFinding = {
  __typename: 'Finding' as const,
  key: 'PROMOTED_STILL_TACTICAL:E0011',
  kind: 'PROMOTED_STILL_TACTICAL' as const,
  positionId: 'pos-maya',
  positionTitle: 'Director of Engineering, Platform',
  personName: 'Maya Lindqvist',
  employeeId: 'E0011',
  department: 'Engineering',
  severity: 0.8,
  explanation:
    'Maya Lindqvist was promoted to Director of Engineering, Platform but still spends 45% of their time on implementation work.',
  status: 'OPEN' as const,
  reviewNote: null,
  reviewer: null,
  reviewedAt: null,
  responsibility: null,
  responsibilityId: null,
  sharePct: null,
  valueLevel: null,
  delegateName: null,
  delegateTo: null,
  delegatePositionId: null,
  noDelegateReason: null,
};

const dottedLine = (id: string, externalId: string, title: string, name: string, inScope: boolean) => ({
  __typename: 'DottedLinePosition' as const,
  id,
  externalId,
  title,
  name,
  vacant: false,
  inScope,
});

/** Maya as the server returns her: stored tier DIRECTOR, the analysis' tier in the mix. */
function maya({
  analysisTier = 'DIRECTOR',
  vacant = false,
  debugLevel,
  noData = false,
  grade = null,
  dotted = false,
}: {
  analysisTier?: Tier;
  vacant?: boolean;
  debugLevel?: 'OVERRIDE';
  noData?: boolean;
  grade?: string | null;
  dotted?: boolean;
} = {}) {
  const position = {
    __typename: 'Position',
    id: 'pos-maya',
    title: 'Director of Engineering, Platform',
    tier: 'DIRECTOR',
    tierSource: grade ? 'GRADE' : 'TITLE',
    grade,
    department: 'Engineering',
    vacant,
    externalId: vacant ? 'POST-7' : 'E0011',
    directReportCount: 2,
    holder: vacant ? null : { __typename: 'Person', id: 'person-maya', name: 'Maya Lindqvist', employeeId: 'E0011' },
    dottedLineManagers: dotted ? [dottedLine('pos-cto', 'E0002', 'Chief Technology Officer', 'Ravi Patel', true)] : [],
    dottedLineReports: dotted
      ? [
          dottedLine('pos-ana', 'E0301', 'Product Designer', 'Ana Souza', true),
          dottedLine('pos-li', 'E0450', 'Data Analyst', 'Li Wei', false),
        ]
      : [],
    assignment: null,
    mix: {
      __typename: 'PositionMix',
      positionId: 'pos-maya',
      tier: analysisTier,
      allocatedPct: noData ? 0 : 100,
      carriedOverPct: 0,
      implementationExcess: noData ? -10 : 35,
      hasData: !noData,
      actual: noData ? mix(0, 0, 0, 0) : mix(45, 25, 15, 15),
      expected: analysisTier === 'IC' ? mix(70, 15, 10, 5) : mix(10, 30, 30, 30),
    },
    responsibilities: noData
      ? []
      : [
          responsibility('r-debug', 'Debug production incidents in the fleet scheduler', 45, {
            valueLevel: debugLevel ? 'UNIFICATION' : 'IMPLEMENTATION',
            valueLevelSource: debugLevel ?? 'CLASSIFIED',
            classification: classification('IMPLEMENTATION', 0.55, ['debug', 'deploy']),
          }),
          responsibility('r-crm', 'Update opportunities in the CRM', 25, {
            valueLevel: 'UNCLASSIFIED',
            classification: classification('UNCLASSIFIED', 0.48, [], { runnerUpConfidence: 0.4 }),
          }),
          responsibility('r-roadmap', 'Coordinate the platform roadmap', 30, {
            valueLevel: 'UNIFICATION',
            valueLevelSource: 'GIVEN',
            classification: classification('UNIFICATION', 0.75, ['coordinate']),
          }),
        ],
    findings: analysisTier === 'IC' || noData ? [] : [tacticalFinding],
  };
  return { data: { position } };
}

const details = (result: ReturnType<typeof maya>): MockLink.MockedResponse => ({
  request: { query: PositionDetailsDocument, variables: { id: 'pos-maya' } },
  result,
});

/** The panel's role definition and the signed-in HR admin, as often as the panel refetches them. */
const roleDefinitionMocks: MockLink.MockedResponse[] = [
  {
    request: { query: RoleDefinitionDocument, variables: { positionId: 'pos-maya' } },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: {
      data: {
        roleDefinition: {
          __typename: 'RoleDefinition',
          positionId: 'pos-maya',
          title: 'Director of Engineering, Platform',
          purpose: {
            __typename: 'RolePurpose',
            text: 'A director role.',
            status: 'DRAFT',
            appliesTo: null,
            setBy: null,
            setAt: null,
          },
          manager: null,
          dottedLineManagers: [],
          directReports: 2,
          totalReports: 5,
          keyAccountabilities: [],
          decisionRights: [],
          decisionRightsSource: 'From the policy.',
          takeOn: [],
        },
      },
    },
  },
  {
    request: { query: MeDocument },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: {
      data: {
        me: { __typename: 'Me', id: 'a1', displayName: 'HR', email: 'hr@example.com', owner: true, memberships: [] },
      },
    },
  },
];

function renderPanel(mocks: MockLink.MockedResponse[], onOpenPosition?: (positionId: string) => void) {
  return render(
    <MockedProvider mocks={[...mocks, ...roleDefinitionMocks]}>
      <MemoryRouter>
        <PositionPanel
          organizationId="org-1"
          snapshotId="snap-1"
          positionId="pos-maya"
          reviewLink={(id) => `/review/${id}`}
          onClose={() => undefined}
          onOpenPosition={onOpenPosition}
        />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('PositionPanel overrides', () => {
  it('explains each level: the deciding words, the two likeliest levels of work that needs review, a level given in the file', async () => {
    renderPanel([details(maya())]);
    const implementation = await screen.findByRole('region', { name: 'Implementation responsibilities' });
    expect(within(implementation).getByRole('listitem')).toHaveTextContent('Classified from “debug”, “deploy” (confidence 55%)');
    const review = screen.getByRole('region', { name: 'Needs review responsibilities' });
    expect(within(review).getByRole('listitem')).toHaveTextContent(
      'Needs review — reads as implementation (48%) or unification (40%)',
    );
    expect(within(review).getByRole('combobox')).toHaveValue('');
    const unification = screen.getByRole('region', { name: 'Unification responsibilities' });
    expect(within(unification).getByRole('listitem')).toHaveTextContent('Given in the file');
    expect(screen.getByText('Tier').parentElement).toHaveTextContent('Tier Director · inferred from the job title');
  });

  it('sets HR’s tier with setTierOverride and shows the refetched analysis', async () => {
    const setTier = jest.fn(() => ({ data: { setTierOverride: true } }));
    renderPanel([
      details(maya()),
      {
        request: { query: SetTierOverrideDocument, variables: { organizationId: 'org-1', externalId: 'E0011', tier: 'IC' } },
        result: setTier,
      },
      details(maya({ analysisTier: 'IC' })),
    ]);
    const panel = await screen.findByRole('complementary', { name: 'Maya Lindqvist' });
    expect(within(panel).getByText('Promoted, still tactical')).toBeInTheDocument();
    const select = screen.getByRole('combobox', { name: 'Change tier' });
    expect(select).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();

    fireEvent.change(select, { target: { value: 'IC' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('button', { name: 'Saving…' })).toBeDisabled();
    expect(await screen.findByText('No findings for this position.')).toBeInTheDocument();
    expect(setTier).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Tier').parentElement).toHaveTextContent('Tier Individual contributor · set by HR');
    expect(screen.getByRole('combobox', { name: 'Change tier' })).toHaveValue('IC');
  });

  it('sets a responsibility’s level with setValueLevelOverride for the holder and the title', async () => {
    const setLevel = jest.fn(() => ({ data: { setValueLevelOverride: true } }));
    renderPanel([
      details(maya()),
      {
        request: {
          query: SetValueLevelOverrideDocument,
          variables: {
            organizationId: 'org-1',
            employeeId: 'E0011',
            responsibility: 'Debug production incidents in the fleet scheduler',
            valueLevel: 'UNIFICATION',
          },
        },
        result: setLevel,
      },
      details(maya({ debugLevel: 'OVERRIDE' })),
    ]);
    const select = await screen.findByRole('combobox', {
      name: 'Value level of “Debug production incidents in the fleet scheduler”',
    });
    expect(screen.queryByRole('button', { name: /Save the level/ })).not.toBeInTheDocument();
    fireEvent.change(select, { target: { value: 'UNIFICATION' } });
    fireEvent.click(
      screen.getByRole('button', { name: 'Save the level of “Debug production incidents in the fleet scheduler”' }),
    );

    const status = await screen.findByText(
      '“Debug production incidents in the fleet scheduler” is now unification work, in this snapshot and future ones.',
    );
    expect(status).toHaveAttribute('role', 'status');
    expect(setLevel).toHaveBeenCalledTimes(1);
    const unification = screen.getByRole('region', { name: 'Unification responsibilities' });
    const moved = within(unification)
      .getAllByRole('listitem')
      .find((item) => item.textContent?.includes('Debug production'));
    expect(moved).toHaveTextContent('Set by HR; the text reads as implementation');
    // The row moved to another group; the keyboard user stays on its control, which can now clear HR's level.
    const control = within(unification).getByRole('combobox', { name: /Debug production incidents/ });
    expect(control).toHaveFocus();
    expect(within(control).getByRole('option', { name: 'Clear (use the file or the classifier)' })).toBeInTheDocument();
  });

  it('reports a failed save and keeps the choice', async () => {
    renderPanel([
      details(maya()),
      {
        request: { query: SetTierOverrideDocument, variables: { organizationId: 'org-1', externalId: 'E0011', tier: 'MANAGER' } },
        error: new Error('Organization not found'),
      },
    ]);
    const select = await screen.findByRole('combobox', { name: 'Change tier' });
    fireEvent.change(select, { target: { value: 'MANAGER' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not change the tier: Organization not found');
    expect(select).toHaveValue('MANAGER');
    expect(screen.getByRole('button', { name: 'Apply' })).toBeEnabled();
  });

  it('offers no level control on a vacant post: there is no employee to key it on', async () => {
    renderPanel([details(maya({ vacant: true }))]);
    await screen.findByRole('complementary', { name: 'Vacant position' });
    expect(screen.getByRole('combobox', { name: 'Change tier' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: /Value level of/ })).not.toBeInTheDocument();
    expect(screen.getByText('Classified from “debug”, “deploy” (confidence 55%)')).toBeInTheDocument();
  });

  it('says no responsibilities are recorded instead of drawing gap bars of a role without data', async () => {
    renderPanel([details(maya({ noData: true }))]);
    await screen.findByRole('complementary', { name: 'Maya Lindqvist' });
    expect(screen.getByRole('note')).toHaveTextContent('No responsibilities recorded.');
    expect(screen.queryByRole('list', { name: /Value-level mix/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/of the time/)).not.toBeInTheDocument();
  });

  it('says the grade decided the tier, and which grade', async () => {
    renderPanel([details(maya({ grade: 'SCS2' }))]);
    await screen.findByRole('complementary', { name: 'Maya Lindqvist' });
    expect(screen.getByText('Tier').parentElement).toHaveTextContent('Tier Director · inferred from the grade “SCS2”');
  });

  it('lists dotted-line managers and reports, linking those the viewer may open and marking the others read-only', async () => {
    const open = jest.fn();
    renderPanel([details(maya({ dotted: true }))], open);
    const section = await screen.findByRole('region', { name: 'Dotted lines' });
    expect(section).toHaveTextContent('Also answers to');
    expect(section).toHaveTextContent('Ravi Patel · Chief Technology Officer');
    const [managers, reports] = within(section).getAllByRole('list');
    expect(within(managers).getAllByRole('listitem')).toHaveLength(1);
    expect(
      within(reports)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Ana Souza · Product Designer', 'Li Wei · Data Analyst (outside your team: read-only)']);
    // Outside the viewer's scope: named, not linked.
    expect(within(reports).queryByRole('button', { name: 'Li Wei' })).not.toBeInTheDocument();
    fireEvent.click(within(reports).getByRole('button', { name: 'Ana Souza' }));
    fireEvent.click(within(managers).getByRole('button', { name: 'Ravi Patel' }));
    expect(open.mock.calls).toEqual([['pos-ana'], ['pos-cto']]);
  });

  it('shows no dotted-line section for a post without dotted lines', async () => {
    renderPanel([details(maya())]);
    await screen.findByRole('complementary', { name: 'Maya Lindqvist' });
    expect(screen.queryByRole('region', { name: 'Dotted lines' })).not.toBeInTheDocument();
  });
});
