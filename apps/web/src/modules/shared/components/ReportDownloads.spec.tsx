import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render as renderBare, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { JobFieldsFragment } from '../../../gql/graphql';
import { JobStatusDocument } from '../graphql/jobs.graphql';
import { ReportDownloads } from './ReportDownloads';

const render = (element: ReactElement, mocks: MockLink.MockedResponse[] = []) =>
  renderBare(<MockedProvider mocks={mocks}>{element}</MockedProvider>);

type FakeResponse = { status: number; headers: Record<string, string>; body: string };

/** A fetch answering each URL from a table, with the shape fetchVerifiedDownload reads. */
function fakeFetch(answers: Record<string, FakeResponse>, requested: string[]) {
  return (async (url: string) => {
    requested.push(url);
    const answer = answers[url];
    if (!answer) throw new Error(`unexpected fetch of ${url}`);
    const bytes = new TextEncoder().encode(answer.body);
    let read = false;
    return {
      ok: answer.status < 400,
      status: answer.status,
      headers: { get: (name: string) => answer.headers[name] ?? null },
      text: async () => answer.body,
      body: {
        getReader: () => ({
          read: async () => (read ? { done: true } : ((read = true), { done: false, value: bytes })),
        }),
      },
    };
  }) as unknown as typeof fetch;
}

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

describe('ReportDownloads: a large report made as a background job', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  const job = (overrides: Partial<JobFieldsFragment>): { data: { job: JobFieldsFragment & { __typename: string } } } => ({
    data: {
      job: {
        __typename: 'BackgroundJob',
        id: 'job-1',
        kind: 'REPORT',
        state: 'RUNNING',
        progress: 0.4,
        stage: 'Writing the PDF',
        attempts: 1,
        error: null,
        downloadUrl: null,
        fileName: null,
        expiresAt: null,
        ...overrides,
      },
    },
  });
  const status = (result: ReturnType<typeof job>): MockLink.MockedResponse => ({
    request: { query: JobStatusDocument, variables: { id: 'job-1' } },
    result,
  });

  it('shows the job’s progress, then downloads its file through the signed link and saves it', async () => {
    const requested: string[] = [];
    const link = '/api/jobs/job-1/file?expires=1&signature=abc';
    globalThis.fetch = fakeFetch(
      {
        '/api/organizations/o/reports/role?format=pdf&snapshotId=s&all=true': {
          status: 202,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ job: { id: 'job-1', kind: 'REPORT', state: 'QUEUED' }, statusUrl: '/api/jobs/job-1' }),
        },
        [link]: {
          status: 200,
          headers: { 'content-length': '4', 'content-type': 'application/pdf' },
          body: '%PDF',
        },
      },
      requested,
    );
    const createObjectURL = jest.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    render(<ReportDownloads organizationId="o" snapshotId="s" kind="role" scope={{ all: true }} label="All roles" />, [
      status(job({})),
      status(job({ state: 'DONE', progress: 1, stage: null, downloadUrl: link, fileName: 'acme-v1-role.pdf' })),
    ]);
    fireEvent.click(screen.getByRole('link', { name: 'Download all roles as PDF' }));
    expect(await screen.findByText('Making the PDF: Writing the PDF… 40%')).toBeInTheDocument();
    await waitForCall(createObjectURL);
    expect(requested).toEqual(['/api/organizations/o/reports/role?format=pdf&snapshotId=s&all=true', link]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why when the job failed, and saves nothing', async () => {
    const requested: string[] = [];
    globalThis.fetch = fakeFetch(
      {
        '/api/organizations/o/reports/summary?format=csv&snapshotId=s': {
          status: 202,
          headers: {},
          body: JSON.stringify({ job: { id: 'job-1' } }),
        },
      },
      requested,
    );
    const createObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL });
    render(<ReportDownloads organizationId="o" snapshotId="s" kind="summary" label="Summary" />, [
      status(job({ state: 'FAILED', progress: 0, stage: null, error: 'No snapshot with id s' })),
    ]);
    fireEvent.click(screen.getByRole('link', { name: 'Download summary as CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The report could not be made: No snapshot with id s');
    expect(createObjectURL).not.toHaveBeenCalled();
  });
});

async function waitForCall(fn: jest.Mock, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (fn.mock.calls.length === 0) {
    if (Date.now() > deadline) throw new Error('not called in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
