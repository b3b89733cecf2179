import { render, screen, within } from '@testing-library/react';
import { ImportIssuesTable } from './ImportIssuesTable';

const issue = (
  row: number | null,
  column: string | null,
  value: string | null,
  message: string,
  file = 'people.csv',
  rows: number[] = row === null ? [] : [row],
) => ({
  code: 'X',
  file,
  row,
  rows,
  column,
  value,
  message,
});

describe('ImportIssuesTable', () => {
  it('lists problems by file and row with column, value and message', () => {
    render(
      <ImportIssuesTable
        title="Errors"
        tone="error"
        issues={[
          issue(6, 'manager_id', 'NOBODY', 'manager "NOBODY" is not in this file'),
          issue(3, 'hire_date', '2020-13-45', 'has month 13'),
          issue(2, 'share', '140', 'share above 100', 'responsibilities.csv'),
          issue(null, null, null, 'The file is empty', 'people.csv'),
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: /Errors/ });
    expect(within(table).getByText('(4)')).toBeInTheDocument();
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ['people.csv', '—', '—', '—', 'The file is empty'],
      ['people.csv', '3', 'hire_date', '2020-13-45', 'has month 13'],
      ['people.csv', '6', 'manager_id', 'NOBODY', 'manager "NOBODY" is not in this file'],
      ['responsibilities.csv', '2', 'share', '140', 'share above 100'],
    ]);
  });

  it('renders nothing without issues', () => {
    const { container } = render(<ImportIssuesTable title="Warnings" tone="warning" issues={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('shows every row of a problem about several rows, sorted by the first', () => {
    const many = Array.from({ length: 14 }, (_, index) => 10 + index);
    render(
      <ImportIssuesTable
        title="Errors"
        tone="error"
        issues={[
          issue(null, 'Reports to', '3', '3 people have no manager', 'people.csv', [25, 77, 91]),
          issue(null, 'Reports to', '14', '14 people have no manager', 'other.csv', many),
          issue(40, 'id', 'A1', 'appears twice', 'people.csv', [30, 40]),
        ]}
      />,
    );
    const cells = screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[1].textContent);
    expect(cells).toEqual(['10, 11, 12, 13, 14, 15, 16, 17, 18, 19 and 4 more', '25, 77 and 91', '30 and 40']);
  });
});
