import { FINDING_KINDS } from '@rolemap/domain';
import { findingKindLabel } from '../../shared/utils/format';
import type { FindingCounts } from '../hooks/usePolicyEditor';

type Props = {
  before: FindingCounts;
  after: FindingCounts | null;
};

/** Counts per kind with the policy in force; after a save, side by side with the counts before it. */
export function FindingCountsComparison({ before, after }: Props) {
  const count = (summary: FindingCounts, kind: string) => summary.byKind.find((entry) => entry.kind === kind)?.count ?? 0;
  const rows = [
    ...FINDING_KINDS.map((kind) => ({
      key: kind,
      label: findingKindLabel(kind),
      before: count(before, kind),
      after: after ? count(after, kind) : null,
    })),
    { key: 'total', label: 'All findings', before: before.findingCount, after: after?.findingCount ?? null },
  ];
  return (
    <table className="data-table data-table--compact counts-table">
      <caption>{after ? 'Findings before and after the change' : 'Findings with the current policy'}</caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col" className="numeric">
            {after ? 'Before' : 'Count'}
          </th>
          {after && (
            <>
              <th scope="col" className="numeric">
                After
              </th>
              <th scope="col" className="numeric">
                Change
              </th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const change = row.after === null ? 0 : row.after - row.before;
          return (
            <tr key={row.key} data-kind={row.key} className={row.key === 'total' ? 'is-total' : undefined}>
              <th scope="row">{row.label}</th>
              <td className="numeric">{row.before}</td>
              {after && (
                <>
                  <td className="numeric">{row.after}</td>
                  <td className={change === 0 ? 'numeric muted' : 'numeric change'}>
                    {change > 0 ? `+${change}` : change === 0 ? '±0' : change}
                  </td>
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
