import { useEffect, useRef, useState, type RefObject } from 'react';
import { OrgChart } from './org-chart';
import type { OrgChartNode, OrgChartOptions } from './types';

type ChartSettings = Omit<OrgChartOptions, 'onSelect' | 'onToggle'>;

/**
 * Creates the D3 chart inside the element React owns and destroys it on unmount.
 * Callbacks go through a ref so a new onSelect each render does not rebuild the chart.
 */
export function useOrgChart(
  containerRef: RefObject<HTMLElement | null>,
  settings: ChartSettings,
  onSelect?: (node: OrgChartNode | null) => void,
): OrgChart | null {
  const [chart, setChart] = useState<OrgChart | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  // Settings are plain values: rebuild only when one of them really changes.
  const settingsKey = JSON.stringify(settings);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const instance = new OrgChart(container, {
      ...(JSON.parse(settingsKey) as ChartSettings),
      onSelect: (node) => onSelectRef.current?.(node),
    });
    setChart(instance);
    return () => {
      instance.destroy();
      setChart(null);
    };
  }, [containerRef, settingsKey]);

  return chart;
}
