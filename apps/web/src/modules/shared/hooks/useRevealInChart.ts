import type { OrgChartNode, OrgChartViewHandle } from '@rolemap/web-org-chart';
import { useEffect, type RefObject } from 'react';

/**
 * Opens the branches that lead to the given positions and fits the chart around them.
 * The D3 chart is created after React's first commit, so wait a few frames for it.
 */
export function useRevealInChart(
  chartRef: RefObject<OrgChartViewHandle | null>,
  nodes: readonly OrgChartNode[],
  ids: readonly string[],
): void {
  const key = ids.join(',');
  useEffect(() => {
    if (nodes.length === 0) return undefined;
    let frame = 0;
    let tries = 0;
    const reveal = () => {
      const chart = chartRef.current?.chart();
      if (!chart || !chart.getNode(nodes[0].id)) {
        if (tries++ < 30) frame = requestAnimationFrame(reveal);
        return;
      }
      for (const id of key ? key.split(',') : []) chart.centerOn(id, false);
      chart.fit(false);
    };
    frame = requestAnimationFrame(reveal);
    return () => cancelAnimationFrame(frame);
  }, [chartRef, nodes, key]);
}
