import type { OrgChartNode, OrgChartViewHandle } from '@rolemap/web-org-chart';
import { useCallback, useRef, useState, type RefObject } from 'react';
import { downloadBlob } from '../utils/download';

export type SearchOutcome = { query: string; matches: OrgChartNode[] } | null;

/** Toolbar actions on the chart: search (centre + highlight), fit, expand all, SVG/PNG download. */
export function useChartControls(fileStem: string) {
  const chartRef = useRef<OrgChartViewHandle>(null) as RefObject<OrgChartViewHandle | null>;
  const [search, setSearch] = useState<SearchOutcome>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  const runSearch = useCallback((query: string) => {
    const trimmed = query.trim();
    if (!trimmed) {
      chartRef.current?.search('');
      setSearch(null);
      return;
    }
    const matches = chartRef.current?.search(trimmed) ?? [];
    setSearch({ query: trimmed, matches });
  }, []);

  const fit = useCallback(() => chartRef.current?.fit(), []);
  const expandAll = useCallback(() => {
    chartRef.current?.expandAll();
    chartRef.current?.fit();
  }, []);

  const exportSvg = useCallback(() => {
    setExportError(null);
    const svg = chartRef.current?.exportSvg() ?? '';
    if (!svg) {
      setExportError('The chart is not ready yet.');
      return;
    }
    downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${fileStem}.svg`);
  }, [fileStem]);

  const exportPng = useCallback(async () => {
    setExportError(null);
    setExporting(true);
    try {
      const blob = await chartRef.current?.exportPng(2);
      if (!blob) throw new Error('The chart is not ready yet.');
      downloadBlob(blob, `${fileStem}.png`);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  }, [fileStem]);

  return { chartRef, search, runSearch, fit, expandAll, exportSvg, exportPng, exporting, exportError };
}
