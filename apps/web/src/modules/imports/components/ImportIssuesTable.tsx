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
  const sorted = [...issues].sort((a, b) => a.file.localeCompare(b.file) || (a.row ?? 0) - (b.row ?? 0));
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
            <td className="numeric">{issue.row ?? '—'}</td>
            <td>{issue.column ?? '—'}</td>
            <td>{issue.value ? <code>{issue.value}</code> : '—'}</td>
            <td>{issue.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
