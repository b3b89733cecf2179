import { type FigureRow, formatDelta, formatFigure } from '../utils/scenario-figures';

type Props = { caption: string; rows: readonly FigureRow[] };

/** Before, after and the change per figure; improvements and steps back are told apart in words too. */
export function FigureTable({ caption, rows }: Props) {
  if (rows.length === 0) return null;
  return (
    <table className="data-table data-table--compact scenario-figures">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col" className="numeric">
            Before
          </th>
          <th scope="col" className="numeric">
            After
          </th>
          <th scope="col" className="numeric">
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-figure={row.key}>
            <th scope="row">{row.label}</th>
            <td className="numeric">{formatFigure(row.before, row.unit)}</td>
            <td className="numeric">{formatFigure(row.after, row.unit)}</td>
            <td
              className={`numeric scenario-delta${row.improves === true ? ' scenario-delta--better' : row.improves === false ? ' scenario-delta--worse' : ''}`}
            >
              {formatDelta(row.delta, row.unit)}
              {row.improves !== null && <span className="visually-hidden">{row.improves ? ' (better)' : ' (worse)'}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
