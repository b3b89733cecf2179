import { render, screen } from '@testing-library/react';
import { ReportDownloads } from './ReportDownloads';

describe('ReportDownloads', () => {
  it('links every format to the streamed report endpoint with the scope', () => {
    render(
      <ReportDownloads
        organizationId="org-1"
        snapshotId="snap-1"
        kind="delegation"
        scope={{ positionId: 'pos-9' }}
        label="Delegation review"
      />,
    );
    const pdf = screen.getByRole('link', { name: 'Download delegation review as PDF' });
    expect(pdf).toHaveAttribute(
      'href',
      '/api/organizations/org-1/reports/delegation?format=pdf&snapshotId=snap-1&positionId=pos-9',
    );
    expect(pdf).toHaveAttribute('download');
    expect(screen.getAllByRole('link').map((link) => link.textContent)).toEqual(['PDF', 'XLSX', 'CSV', 'MD']);
  });

  it('asks for the whole organization with all=true', () => {
    render(<ReportDownloads organizationId="o" snapshotId="s" kind="role" scope={{ all: true }} label="All role definitions" />);
    expect(screen.getByRole('link', { name: 'Download all role definitions as XLSX' })).toHaveAttribute(
      'href',
      '/api/organizations/o/reports/role?format=xlsx&snapshotId=s&all=true',
    );
  });
});
