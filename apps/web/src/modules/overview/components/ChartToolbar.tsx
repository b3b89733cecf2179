import { useId, useState, type FormEvent } from 'react';
import type { SearchOutcome } from '../hooks/useChartControls';
import { formatNumber } from '../../shared/utils/format';

type Props = {
  search: SearchOutcome;
  searchError?: string | null;
  onSearch: (query: string) => void;
  onFit: () => void;
  onExpandAll: () => void;
  onExportSvg: () => void;
  onExportPng: () => void;
  exporting: boolean;
  exportError: string | null;
};

export function ChartToolbar({
  search,
  searchError,
  onSearch,
  onFit,
  onExpandAll,
  onExportSvg,
  onExportPng,
  exporting,
  exportError,
}: Props) {
  const [query, setQuery] = useState('');
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(query);
  };
  return (
    <div className="toolbar">
      <form role="search" className="toolbar__search" onSubmit={submit}>
        <label htmlFor={inputId}>Find a person</label>
        <input
          id={inputId}
          type="search"
          value={query}
          placeholder="Name, title or id"
          onChange={(event) => {
            setQuery(event.target.value);
            if (!event.target.value) onSearch('');
          }}
        />
        <button type="submit" className="button">
          Find
        </button>
      </form>
      <div className="toolbar__actions" role="group" aria-label="Chart view">
        <button type="button" className="button button--quiet" onClick={onFit}>
          Fit
        </button>
        <button type="button" className="button button--quiet" onClick={onExpandAll}>
          Expand all
        </button>
        <button type="button" className="button button--quiet" onClick={onExportSvg}>
          Export SVG
        </button>
        <button type="button" className="button button--quiet" onClick={onExportPng} disabled={exporting}>
          {exporting ? 'Exporting…' : 'Export PNG'}
        </button>
      </div>
      <p className="toolbar__status" role="status" aria-live="polite">
        {search &&
          (search.total === 0
            ? `No one matches “${search.query}”.`
            : `${formatNumber(search.total)} match${search.total === 1 ? '' : 'es'} for “${search.query}”: ${search.matches
                .slice(0, 3)
                .map((match) => match.name)
                .join(', ')}${search.total > 3 ? '…' : ''}`)}
      </p>
      {searchError && (
        <p role="alert" className="toolbar__error">
          Search failed: {searchError}
        </p>
      )}
      {exportError && (
        <p role="alert" className="toolbar__error">
          Export failed: {exportError}
        </p>
      )}
    </div>
  );
}
