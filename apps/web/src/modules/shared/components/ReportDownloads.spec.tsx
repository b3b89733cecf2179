import { fireEvent, render, screen } from '@testing-library/react';
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

describe('ReportDownloads: a download cut mid-stream', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('says the download failed, and saves nothing', async () => {
    let reads = 0;
    const requested: string[] = [];
    globalThis.fetch = (async (url: string) => {
      requested.push(url);
      return {
        ok: true,
        status: 200,
        headers: { get: (name: string) => ({ 'content-length': '2048', 'content-type': 'application/pdf' })[name] ?? null },
        text: async () => '',
        body: {
          getReader: () => ({
            read: async () => {
              if (reads++ === 0) return { done: false, value: new Uint8Array(512) };
              throw new TypeError('network error');
            },
          }),
        },
      };
    }) as unknown as typeof fetch;
    const createObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL });
    render(<ReportDownloads organizationId="o" snapshotId="s" kind="summary" label="Summary" />);
    fireEvent.click(screen.getByRole('link', { name: 'Download summary as PDF' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The download was cut off after 512 B of 2 KB (the server may have restarted). Nothing was saved; try again.',
    );
    expect(requested).toEqual(['/api/organizations/o/reports/summary?format=pdf&snapshotId=s']);
    expect(createObjectURL).not.toHaveBeenCalled();
  });
});
