import type { ImportResultFieldsFragment } from '../../../gql/graphql';

type Issue = ImportResultFieldsFragment['errors'][number];

type Props = {
  issues: readonly Issue[];
  title: string;
  tone: 'error' | 'warning';
};

/** One row per problem, in file and row order, so it can be fixed line by line in a spreadsheet. */
export function ImportIssuesTable({ issues, title, tone }: Props) {
  if (issues.length === 0) return null;
  const sorted = [...issues].sort((a, b) => a.file.localeCompare(b.file) || firstRow(a) - firstRow(b));
  return (
    <table className={`data-table data-table--compact issues issues--${tone}`}>
      <caption>
        {title} <span className="muted">({sorted.length})</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Row</th>
          <th scope="col">Column</th>
          <th scope="col">Value</th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((issue, index) => (
          <tr key={`${issue.file}-${issue.row}-${issue.column}-${issue.code}-${index}`} data-code={issue.code}>
            <td>{issue.file}</td>
            <td className="numeric">{rowsText(issue)}</td>
            <td>{issue.column ?? '—'}</td>
            <td>{issue.value ? <code>{issue.value}</code> : '—'}</td>
            <td>{issue.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Rows listed in the Row cell before the rest are counted. */
const ROWS_SHOWN = 10;

function firstRow(issue: Issue): number {
  return issue.rows[0] ?? issue.row ?? 0;
}

/** "12", or "8, 65 and 91" for a problem about several rows (tops, a cycle, the copies of an id). */
function rowsText(issue: Issue): string {
  if (issue.rows.length <= 1) return issue.row === null ? '—' : String(issue.row);
  const shown = issue.rows.slice(0, ROWS_SHOWN);
  const rest = issue.rows.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
