import {
  fieldLabel,
  IGNORE,
  MAPPING_TARGETS,
  duplicateFields,
  type FileKind,
  type MappingRow,
  type Overrides,
} from '../utils/mapping';

type Props = {
  kind: FileKind;
  fileName: string;
  rows: readonly MappingRow[];
  overrides: Overrides;
  onChange: (header: string, field: string) => void;
};

const METHOD_LABELS: Record<string, string> = {
  explicit: 'Chosen by you',
  synonym: 'Known header',
  fuzzy: 'Similar header',
  derived: 'Combined or converted',
};

/** Detected column mapping (field ← header, method) with a field picker per column to fix it. */
export function MappingEditor({ kind, fileName, rows, overrides, onChange }: Props) {
  const duplicates = duplicateFields(rows, overrides);
  const captionId = `mapping-${kind}-caption`;
  return (
    <div className="mapping-editor">
      <table className="data-table data-table--compact" aria-labelledby={captionId}>
        <caption id={captionId}>
          Columns of <strong>{fileName}</strong>
        </caption>
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Used as</th>
            <th scope="col">How it was matched</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const value = overrides[row.header] ?? row.detected ?? '';
            const changed = overrides[row.header] !== undefined && overrides[row.header] !== (row.detected ?? '');
            const selectId = `mapping-${kind}-${row.header}`;
            return (
              <tr key={row.header} className={changed ? 'is-changed' : row.detected ? undefined : 'is-unmapped'}>
                <th scope="row">
                  <label htmlFor={selectId}>{row.header}</label>
                </th>
                <td>
                  <select
                    id={selectId}
                    value={value}
                    disabled={row.combined}
                    aria-describedby={`${selectId}-note`}
                    onChange={(event) => onChange(row.header, event.target.value)}
                  >
                    <option value="">Not used</option>
                    {MAPPING_TARGETS[kind].map((field) => (
                      <option key={field} value={field}>
                        {fieldLabel(field)} ({field})
                      </option>
                    ))}
                    <option value={IGNORE}>{fieldLabel(IGNORE)}</option>
                  </select>
                  {duplicates.includes(value) && (
                    <p className="field-error" role="alert">
                      {fieldLabel(value)} is chosen for more than one column.
                    </p>
                  )}
                </td>
                <td id={`${selectId}-note`}>
                  {changed ? (
                    <span className="tag tag--info">Changed by you</span>
                  ) : row.method ? (
                    <span className="tag">{METHOD_LABELS[row.method] ?? row.method}</span>
                  ) : (
                    <span className="tag tag--warning">Not recognised</span>
                  )}{' '}
                  <span className="muted small">
                    {row.combined ? `${row.note} (fixed: combined from several columns)` : row.note}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
