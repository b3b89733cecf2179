import type { OrgChartNode, OrgChartViewHandle } from '@rolemap/web-org-chart';
import { useEffect, type RefObject } from 'react';

/**
 * Opens the branches that lead to the given positions and fits the chart around them. A lazy
 * chart fetches those branches first (`reveal`). The D3 chart is created after React's first
 * commit, so wait a few frames for it.
 */
export function useRevealInChart(
  chartRef: RefObject<OrgChartViewHandle | null>,
  nodes: readonly OrgChartNode[],
  ids: readonly string[],
  reveal?: (ids: readonly string[]) => Promise<readonly OrgChartNode[]>,
): void {
  const key = ids.join(',');
  useEffect(() => {
    if (nodes.length === 0) return undefined;
    let frame = 0;
    let tries = 0;
    let cancelled = false;
    const wanted = key ? key.split(',') : [];
    const open = async () => {
      const chart = chartRef.current?.chart();
      if (!chart || !chart.getNode(nodes[0].id)) {
        if (tries++ < 30) frame = requestAnimationFrame(() => void open());
        return;
      }
      const missing = wanted.filter((id) => !chart.getNode(id));
      if (reveal && missing.length > 0) {
        try {
          const path = await reveal(missing);
          if (cancelled) return;
          chart.addNodes(path);
        } catch {
          // Shown where it can be: the positions already in the chart are still revealed.
        }
      }
      for (const id of wanted) chart.centerOn(id, false);
      chart.fit(false);
    };
    frame = requestAnimationFrame(() => void open());
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [chartRef, nodes, key, reveal]);
}
