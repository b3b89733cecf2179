import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { OrgChartTopDocument } from '../../overview/graphql/overview.graphql';
import { useLazyChart } from './useLazyChart';

const slice = (snapshotId: string) => ({
  data: { orgChartTop: { __typename: 'ChartSlice' as const, snapshotId, expectedMixes: [], nodes: [] } },
});

function wrapperWith(mocks: MockLink.MockedResponse[]) {
  return ({ children }: { children: ReactNode }) => <MockedProvider mocks={mocks}>{children}</MockedProvider>;
}

describe('useLazyChart', () => {
  it("asks for the first levels as the page's link names them", async () => {
    const byLink = jest.fn(() => slice('snap-2'));
    const mocks = [
      {
        request: {
          query: OrgChartTopDocument,
          variables: { organizationId: 'org-1', snapshotId: null, depth: 2, rootPositionId: null },
        },
        result: byLink,
      },
    ];
    const { result } = renderHook(
      () => useLazyChart('snap-2', 2, null, false, { organizationId: 'org-1', linkSnapshotId: null }),
      {
        wrapper: wrapperWith(mocks),
      },
    );
    await waitFor(() => expect(result.current.top.data?.orgChartTop.snapshotId).toBe('snap-2'));
    expect(byLink).toHaveBeenCalledTimes(1);
  });

  it("asks for the page's own snapshot when the link's answer is of another one (an import in between)", async () => {
    const bySnapshot = jest.fn(() => slice('snap-2'));
    const mocks = [
      {
        request: {
          query: OrgChartTopDocument,
          variables: { organizationId: 'org-1', snapshotId: null, depth: 2, rootPositionId: null },
        },
        result: slice('snap-3'),
      },
      {
        request: { query: OrgChartTopDocument, variables: { snapshotId: 'snap-2', depth: 2, rootPositionId: null } },
        result: bySnapshot,
      },
    ];
    const { result } = renderHook(
      () => useLazyChart('snap-2', 2, null, false, { organizationId: 'org-1', linkSnapshotId: null }),
      {
        wrapper: wrapperWith(mocks),
      },
    );
    await waitFor(() => expect(result.current.top.data?.orgChartTop.snapshotId).toBe('snap-2'));
    expect(bySnapshot).toHaveBeenCalledTimes(1);
  });

  it('asks by snapshot when the page gives no link', async () => {
    const bySnapshot = jest.fn(() => slice('snap-1'));
    const mocks = [
      {
        request: { query: OrgChartTopDocument, variables: { snapshotId: 'snap-1', depth: 1, rootPositionId: 'pos-1' } },
        result: bySnapshot,
      },
    ];
    const { result } = renderHook(() => useLazyChart('snap-1', 1, 'pos-1'), { wrapper: wrapperWith(mocks) });
    await waitFor(() => expect(result.current.top.data?.orgChartTop.snapshotId).toBe('snap-1'));
    expect(bySnapshot).toHaveBeenCalledTimes(1);
  });
});
