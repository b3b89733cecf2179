import { useEffect, useRef, useState, type RefObject } from 'react';
import { OrgChart } from './org-chart';
import type { OrgChartNode, OrgChartOptions } from './types';

type ChartSettings = Omit<
  OrgChartOptions,
  'onSelect' | 'onToggle' | 'loadChildren' | 'onLoadError' | 'onCardDrop' | 'onExternalDrop'
>;

/** Something dragged from outside the chart can be dropped onto a card (OrgChartOptions.onExternalDrop). */
export type ExternalDrop = { type: string; onDrop: (targetId: string, data: string) => void };

/**
 * Creates the D3 chart inside the element React owns and destroys it on unmount.
 * Callbacks go through refs so new ones each render do not rebuild the chart; whether the chart
 * is lazy (has `loadChildren`), whether cards can be dragged (`onCardDrop`) and which outside drag
 * it accepts (`externalDrop`) is fixed when it is built.
 */
export function useOrgChart(
  containerRef: RefObject<HTMLElement | null>,
  settings: ChartSettings,
  onSelect?: (node: OrgChartNode | null) => void,
  loadChildren?: (id: string) => Promise<readonly OrgChartNode[]>,
  onLoadError?: (id: string, error: unknown) => void,
  onCardDrop?: (draggedId: string, targetId: string) => void,
  externalDrop?: ExternalDrop,
): OrgChart | null {
  const [chart, setChart] = useState<OrgChart | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const loadRef = useRef(loadChildren);
  loadRef.current = loadChildren;
  const loadErrorRef = useRef(onLoadError);
  loadErrorRef.current = onLoadError;
  const dropRef = useRef(onCardDrop);
  dropRef.current = onCardDrop;
  const externalDropRef = useRef(externalDrop?.onDrop);
  externalDropRef.current = externalDrop?.onDrop;
  const externalDropType = externalDrop?.type ?? null;
  const lazy = !!loadChildren;
  const draggable = !!onCardDrop;
  // Settings are plain values: rebuild only when one of them really changes.
  const settingsKey = JSON.stringify(settings);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const instance = new OrgChart(container, {
      ...(JSON.parse(settingsKey) as ChartSettings),
      onSelect: (node) => onSelectRef.current?.(node),
      loadChildren: lazy ? (id) => loadRef.current?.(id) ?? Promise.resolve([]) : undefined,
      onLoadError: (id, error) => loadErrorRef.current?.(id, error),
      onCardDrop: draggable ? (dragged, target) => dropRef.current?.(dragged, target) : undefined,
      ...(externalDropType && {
        externalDropType,
        onExternalDrop: (target: string, data: string) => externalDropRef.current?.(target, data),
      }),
    });
    setChart(instance);
    return () => {
      instance.destroy();
      setChart(null);
    };
  }, [containerRef, settingsKey, lazy, draggable, externalDropType]);

  return chart;
}
