import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { GradeTiersDocument, SetGradeTiersDocument } from '../graphql/grades.graphql';
import { GradeTiersEditor } from './GradeTiersEditor';

const row = (grade: string, tier: string | null, source: string, positions: number, scheme: string | null = null) => ({
  __typename: 'GradeTier' as const,
  grade,
  tier,
  source,
  scheme,
  positions,
});

const before = [
  row('SCS1', 'DIRECTOR', 'DEFAULT', 1204, 'UK Senior Civil Service'),
  row('Band B7', null, 'NONE', 40),
  row('G6', 'MANAGER', 'HR', 12),
];
const list = (rows: typeof before): MockLink.MockedResponse => ({
  request: { query: GradeTiersDocument, variables: { organizationId: 'org-1' } },
  result: { data: { gradeTiers: rows } },
});

const renderEditor = (mocks: MockLink.MockedResponse[]) =>
  render(
    <MockedProvider mocks={mocks}>
      <GradeTiersEditor organizationId="org-1" />
    </MockedProvider>,
  );

describe('GradeTiersEditor', () => {
  it('lists each grade of the latest chart with its tier, what decided it, and the default it would fall back to', async () => {
    renderEditor([list(before)]);
    const table = await screen.findByRole('table', { name: 'Grades of the latest snapshot and the tier each gives' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 4).map((c) => c.textContent)),
    ).toEqual([
      ['Grade', 'Positions', 'Tier now', 'Decided by'],
      ['SCS1', '1,204', 'Director', 'Default scheme: UK Senior Civil Service'],
      ['Band B7', '40', '—', 'No tier: the title and reporting lines decide'],
      ['G6', '12', 'Manager', 'Set by HR'],
    ]);
    const scs1 = screen.getByRole('combobox', { name: 'Tier for grade SCS1' });
    expect(scs1).toHaveValue('');
    expect(within(scs1).getByRole('option', { name: 'Default: Director (UK Senior Civil Service)' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Tier for grade G6' })).toHaveValue('MANAGER');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('saves only the grades HR changed (back to the default is a removal) and shows the saved table', async () => {
    const setGrades = jest.fn(() => ({
      data: {
        setGradeTiers: [
          row('SCS1', 'DIRECTOR', 'DEFAULT', 1204, 'UK Senior Civil Service'),
          row('Band B7', 'MANAGER', 'HR', 40),
          row('G6', null, 'NONE', 12),
        ],
      },
    }));
    renderEditor([
      list(before),
      {
        request: {
          query: SetGradeTiersDocument,
          variables: {
            organizationId: 'org-1',
            grades: [
              { grade: 'Band B7', tier: 'MANAGER' },
              { grade: 'G6', tier: null },
            ],
          },
        },
        result: setGrades,
      },
    ]);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Tier for grade Band B7' }), { target: { value: 'MANAGER' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Tier for grade G6' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save 2 grades' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Saved 2 grades: the tiers and findings of every snapshot now follow them.',
    );
    expect(setGrades).toHaveBeenCalledTimes(1);
    const b7 = screen.getByRole('row', { name: /Band B7/ });
    expect(b7).toHaveTextContent('Set by HR');
    expect(within(b7).getByRole('combobox')).toHaveValue('MANAGER');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('reports a refused save and keeps the choice', async () => {
    renderEditor([
      list(before),
      {
        request: {
          query: SetGradeTiersDocument,
          variables: { organizationId: 'org-1', grades: [{ grade: 'SCS1', tier: 'IC' }] },
        },
        error: new Error('grades[0]: not allowed'),
      },
    ]);
    const select = await screen.findByRole('combobox', { name: 'Tier for grade SCS1' });
    fireEvent.change(select, { target: { value: 'IC' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save 1 grade' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not save the grades: grades[0]: not allowed');
    expect(select).toHaveValue('IC');
  });
});
