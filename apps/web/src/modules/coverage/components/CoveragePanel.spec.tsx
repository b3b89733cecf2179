import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { CoverageSummaryQuery } from '../../../gql/graphql';
import { CoverageFigures } from './CoveragePanel';

type Summary = CoverageSummaryQuery['analysisSummary'];

const kinds = (counts: Partial<Record<string, number>> = {}) =>
  (['PROMOTED_STILL_TACTICAL', 'DELEGATION_GAP', 'PIGEONHOLING_RISK', 'SPAN_OF_CONTROL', 'LAYERS'] as const).map((kind) => ({
    kind,
    count: counts[kind] ?? 0,
  }));

const summary = (overrides: Partial<Summary> = {}): Summary => ({
  unclassifiedCount: 0,
  coverage: { positions: 1530, withData: 1204, withoutData: 326, pct: 78.7 },
  coverageByDepartment: [
    { department: 'Sales', positions: 40, withData: 12, withoutData: 28, pct: 30 },
    { department: null, positions: 2, withData: 0, withoutData: 2, pct: 0 },
    { department: 'Engineering', positions: 108, withData: 108, withoutData: 0, pct: 100 },
  ],
  notChecked: {
    count: 31,
    positions: 30,
    byKind: kinds({ DELEGATION_GAP: 4, PIGEONHOLING_RISK: 27 }),
    byReason: [
      { reason: 'NO_RESPONSIBILITIES', reasonText: 'no responsibilities recorded', count: 30 },
      { reason: 'LEVELS_NEED_REVIEW', reasonText: 'every recorded responsibility needs review of its level', count: 0 },
      { reason: 'NO_PERFORMANCE_RATING', reasonText: 'no performance rating', count: 1 },
      { reason: 'NO_ROLE_DATES', reasonText: 'no role start or promotion date', count: 0 },
    ],
  },
  ...overrides,
});

const renderFigures = (data: Summary, scope: 'team' | 'organization' = 'organization') =>
  render(
    <MemoryRouter>
      <CoverageFigures summary={data} scope={scope} needsReviewHref="/org/o1/needs-review?snapshot=s1" />
    </MemoryRouter>,
  );

describe('CoverageFigures', () => {
  it('says how much of the chart has data, lists the departments with gaps and what could not be checked', () => {
    renderFigures(summary());
    const panel = screen.getByRole('region', { name: /Data coverage/ });
    expect(panel).toHaveTextContent('1,204 of 1,530 positions have responsibilities recorded (78.7%).');
    expect(panel).toHaveTextContent('326 positions without any: their work is unknown, not free time');
    const table = within(panel).getByRole('table', { name: 'Coverage by department, least covered first' });
    expect(within(table).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'DepartmentWith dataPositions',
      'Sales1240',
      'No department02',
    ]);
    expect(panel).toHaveTextContent(
      'Could not be checked for lack of data: Delegation gap for 4 people; Pigeonholing risk for 27 people.',
    );
    const reasons = within(panel).getByRole('list', { name: 'Why they could not be checked' });
    expect(within(reasons).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'No responsibilities recorded: 30',
      'No performance rating: 1',
    ]);
    expect(within(panel).queryByRole('link')).toBeNull();
  });

  it('links to the review queue when work awaits review, and says so when everything could be checked', () => {
    renderFigures(
      summary({
        unclassifiedCount: 1,
        coverage: { positions: 12, withData: 12, withoutData: 0, pct: 100 },
        coverageByDepartment: [{ department: 'Sales', positions: 12, withData: 12, withoutData: 0, pct: 100 }],
        notChecked: { count: 0, positions: 0, byKind: kinds(), byReason: [] },
      }),
      'team',
    );
    const panel = screen.getByRole('region', { name: 'Data coverage in this team' });
    expect(panel).toHaveTextContent('12 of 12 positions have responsibilities recorded (100%).');
    expect(within(panel).queryByRole('table')).toBeNull();
    expect(panel).toHaveTextContent('Every rule could be checked for everyone with data.');
    const link = within(panel).getByRole('link', { name: '1 responsibility needs review of its level' });
    expect(link).toHaveAttribute('href', '/org/o1/needs-review?snapshot=s1');
  });
});
