import type { OrgChartNode, OrgChartViewHandle } from '@rolemap/web-org-chart';
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { ChartSearchResult } from '../../shared/hooks/useLazyChart';
import { downloadBlob } from '../utils/download';

/** `matches` are the first hits the server sent; `total` counts them all. */
export type SearchOutcome = { query: string; matches: OrgChartNode[]; total: number } | null;

export type ChartSource = {
  search(query: string): Promise<ChartSearchResult>;
  loadLevels(): Promise<OrgChartNode[]>;
};

/**
 * Toolbar actions on the chart: search on the server (open the path to the first hit, centre
 * and highlight), fit, expand all (as many levels as the server bounds), SVG/PNG download.
 */
export function useChartControls(fileStem: string, source: ChartSource) {
  const chartRef = useRef<OrgChartViewHandle>(null) as RefObject<OrgChartViewHandle | null>;
  const [search, setSearch] = useState<SearchOutcome>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  // Only the answer to the latest query is shown.
  const searchSeq = useRef(0);

  const runSearch = useCallback(
    async (query: string) => {
      const trimmed = query.trim();
      const seq = ++searchSeq.current;
      setSearchError(null);
      if (!trimmed) {
        chartRef.current?.chart()?.highlight([]);
        setSearch(null);
        return;
      }
      try {
        const result = await source.search(trimmed);
        if (seq !== searchSeq.current) return;
        const chart = chartRef.current?.chart();
        chart?.addNodes(result.nodes);
        chart?.highlight(result.hits.map((hit) => hit.id));
        if (result.hits[0]) chart?.centerOn(result.hits[0].id);
        setSearch({ query: trimmed, matches: result.hits, total: result.total });
      } catch (error) {
        if (seq === searchSeq.current) setSearchError(error instanceof Error ? error.message : String(error));
      }
    },
    [source],
  );

  const fit = useCallback(() => chartRef.current?.fit(), []);
  const expandAll = useCallback(async () => {
    try {
      chartRef.current?.chart()?.addNodes(await source.loadLevels());
    } catch (error) {
      setSearchError(error instanceof Error ? error.message : String(error));
    }
    chartRef.current?.expandAll();
    chartRef.current?.fit();
  }, [source]);

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

  return { chartRef, search, searchError, runSearch, fit, expandAll, exportSvg, exportPng, exporting, exportError };
}
