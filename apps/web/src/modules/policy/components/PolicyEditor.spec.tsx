import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FindingCountsDocument, PolicyDocument, UpdatePolicyDocument } from '../graphql/policy.graphql';
import { PolicyEditor } from './PolicyEditor';

const mix = (implementation: number, unification: number, communication: number, leadership: number) => ({
  __typename: 'ValueMix' as const,
  implementation,
  unification,
  communication,
  leadership,
});

const thresholds = {
  __typename: 'PolicyThresholds' as const,
  promotionWindowMonths: 24,
  implementationExcessPoints: 15,
  carriedOverSharePct: 20,
  delegationMinSharePct: 5,
  managerImplementationExcessPoints: 15,
  pigeonholeMinRating: 4,
  pigeonholeMinYearsInRole: 3,
  pigeonholeMinImplementationPct: 50,
  spanMin: 2,
  spanMax: 12,
  maxLayers: 6,
};

const policy = (spanMax: number) => ({
  __typename: 'Policy' as const,
  expectedMix: [
    { __typename: 'TierMix' as const, tier: 'IC' as const, mix: mix(70, 15, 10, 5) },
    { __typename: 'TierMix' as const, tier: 'MANAGER' as const, mix: mix(30, 35, 20, 15) },
    { __typename: 'TierMix' as const, tier: 'DIRECTOR' as const, mix: mix(10, 30, 30, 30) },
    { __typename: 'TierMix' as const, tier: 'EXECUTIVE' as const, mix: mix(5, 15, 30, 50) },
  ],
  thresholds: { ...thresholds, spanMax },
});

const counts = (span: number) => ({
  analysisSummary: {
    __typename: 'AnalysisSummary' as const,
    findingCount: 16 + span,
    byKind: [
      { __typename: 'KindCount' as const, kind: 'DELEGATION_GAP' as const, count: 16 },
      { __typename: 'KindCount' as const, kind: 'SPAN_OF_CONTROL' as const, count: span },
    ],
  },
});

const expectedInput = {
  expectedMix: [
    { tier: 'IC', implementation: 70, unification: 15, communication: 10, leadership: 5 },
    { tier: 'MANAGER', implementation: 30, unification: 35, communication: 20, leadership: 15 },
    { tier: 'DIRECTOR', implementation: 10, unification: 30, communication: 30, leadership: 30 },
    { tier: 'EXECUTIVE', implementation: 5, unification: 15, communication: 30, leadership: 50 },
  ],
  thresholds: { ...thresholds, __typename: undefined, spanMax: 5 },
};
delete (expectedInput.thresholds as { __typename?: string }).__typename;

function mocks(): MockLink.MockedResponse[] {
  return [
    { request: { query: PolicyDocument, variables: { organizationId: 'org-1' } }, result: { data: { policy: policy(12) } } },
    { request: { query: FindingCountsDocument, variables: { snapshotId: 'snap-1' } }, result: { data: counts(2) } },
    {
      request: { query: UpdatePolicyDocument, variables: { organizationId: 'org-1', policy: expectedInput } },
      result: { data: { updatePolicy: policy(5) } },
    },
    { request: { query: FindingCountsDocument, variables: { snapshotId: 'snap-1' } }, result: { data: counts(7) } },
  ];
}

const renderEditor = () =>
  render(
    <MockedProvider mocks={mocks()}>
      <PolicyEditor organizationId="org-1" snapshotId="snap-1" />
    </MockedProvider>,
  );

describe('PolicyEditor', () => {
  it('requires every tier’s mix to add up to 100 before it saves', async () => {
    renderEditor();
    const implementation = await screen.findByRole('spinbutton', { name: 'Individual contributor: Implementation %' });
    const save = screen.getByRole('button', { name: 'Save policy' });
    expect(save).toBeDisabled(); // nothing changed yet

    fireEvent.change(implementation, { target: { value: '80' } });
    const row = screen.getByRole('row', { name: /Individual contributor/ });
    expect(within(row).getByText('Adds up to 110, not 100 (10 too many).')).toBeInTheDocument();
    expect(implementation).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Fix the highlighted values to save.');
    expect(save).toBeDisabled();

    fireEvent.change(screen.getByRole('spinbutton', { name: 'Individual contributor: Unification %' }), {
      target: { value: '' },
    });
    expect(within(row).getByText('Each share must be a number from 0 to 100.')).toBeInTheDocument();

    fireEvent.change(screen.getByRole('spinbutton', { name: 'Individual contributor: Unification %' }), {
      target: { value: '5' },
    });
    expect(within(row).queryByText(/Adds up to/)).not.toBeInTheDocument();
    expect(save).toBeEnabled();
  });

  it('checks thresholds: numbers, ranges and a span minimum below the maximum', async () => {
    renderEditor();
    const spanMin = await screen.findByRole('spinbutton', { name: 'Narrow span below' });
    fireEvent.change(spanMin, { target: { value: '20' } });
    expect(screen.getByText('Must not be above the wide-span limit.')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Pigeonholing: rating at least' }), { target: { value: '7' } });
    expect(screen.getByText('Must be at most 5.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save policy' })).toBeDisabled();
  });

  it('saves with updatePolicy and shows the finding counts before and after', async () => {
    renderEditor();
    const spanMax = await screen.findByRole('spinbutton', { name: 'Wide span above' });
    expect(await screen.findByRole('table', { name: 'Findings with the current policy' })).toBeInTheDocument();
    fireEvent.change(spanMax, { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));

    const table = await screen.findByRole('table', { name: 'Findings before and after the change' });
    const span = within(table).getByRole('row', { name: /Span of control/ });
    expect(
      within(span)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['2', '7', '+5']);
    const total = within(table).getByRole('row', { name: /All findings/ });
    expect(
      within(total)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['18', '23', '+5']);
    expect(screen.getByRole('spinbutton', { name: 'Wide span above' })).toHaveValue(5);
  });
});
