import { Link } from 'react-router-dom';
import type { ScenarioScoreFieldsFragment } from '../../../gql/graphql';
import { STATUS_LABELS, comparisonRows, formatDelta, formatFigure } from '../utils/scenario-figures';

type Props = { scores: readonly ScenarioScoreFieldsFragment[]; hrefOf: (scenarioId: string) => string };

/** Two or more scenarios side by side: the base, then each scenario's figure and change. */
export function CompareView({ scores, hrefOf }: Props) {
  const rows = comparisonRows(scores);
  return (
    <table className="data-table scenario-compare" aria-label="Scenarios side by side">
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col" className="numeric">
            Now
          </th>
          {scores.map((score) => (
            <th scope="col" key={score.scenario.id} className="numeric">
              <Link to={hrefOf(score.scenario.id)}>{score.scenario.name}</Link>
              <br />
              <span className="muted">
                {STATUS_LABELS[score.scenario.status]} · {score.scenario.edits.length} edits
              </span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td className="numeric">{formatFigure(row.base, row.unit)}</td>
            {row.cells.map((cell, i) => (
              <td
                key={scores[i].scenario.id}
                className={`numeric scenario-delta${cell?.improves === true ? ' scenario-delta--better' : cell?.improves === false ? ' scenario-delta--worse' : ''}`}
              >
                {cell ? `${formatFigure(cell.after, cell.unit)} (${formatDelta(cell.delta, cell.unit)})` : '—'}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
