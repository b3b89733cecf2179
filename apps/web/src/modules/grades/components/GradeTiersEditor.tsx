import { TIERS } from '@rolemap/domain';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { formatNumber, plural, tierLabel } from '../../shared/utils/format';
import { useGradeTiers } from '../hooks/useGradeTiers';
import { defaultChoiceLabel, draftOf, isTierDraft, sourceText } from '../utils/grade-drafts';

type Props = { organizationId: string };

/** HR's table of which tier each grade or job level gives, with the grades the latest chart holds. */
export function GradeTiersEditor({ organizationId }: Props) {
  const grades = useGradeTiers(organizationId);
  if (grades.loading && grades.rows.length === 0) return <LoadingState label="Loading the grades…" />;
  if (grades.loadError)
    return <ErrorState title="Could not load the grades." error={grades.loadError} onRetry={() => void grades.refetch()} />;

  return (
    <section className="card grades" aria-labelledby="grades-heading">
      <h2 id="grades-heading" className="card__title">
        Grades and tiers
      </h2>
      <p className="small muted">
        A position&rsquo;s tier comes from HR&rsquo;s choice for the position, else its grade, else its job title, else the
        reporting lines (anyone with reports is at least a manager). Choose the tier a grade gives; the analysis of every snapshot
        uses it as soon as you save.
      </p>
      {grades.rows.length === 0 ? (
        <p className="muted">
          The latest chart has no grades. Import a file with a Grade or Job level column (choose it in the column mapping) to set
          their tiers here.
        </p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void grades.save();
          }}
        >
          <div className="table-scroll">
            <table className="data-table" aria-label="Grades of the latest snapshot and the tier each gives">
              <thead>
                <tr>
                  <th scope="col">Grade</th>
                  <th scope="col" className="numeric">
                    Positions
                  </th>
                  <th scope="col">Tier now</th>
                  <th scope="col">Decided by</th>
                  <th scope="col">Tier to use</th>
                </tr>
              </thead>
              <tbody>
                {grades.rows.map((row) => {
                  const value = grades.drafts[row.grade] ?? draftOf(row);
                  return (
                    <tr key={row.grade} data-source={row.source}>
                      <th scope="row">{row.grade}</th>
                      <td className="numeric">{formatNumber(row.positions)}</td>
                      <td>{row.tier ? tierLabel(row.tier) : '—'}</td>
                      <td>{sourceText(row)}</td>
                      <td>
                        <select
                          aria-label={`Tier for grade ${row.grade}`}
                          value={value}
                          disabled={grades.saving}
                          onChange={(event) => {
                            if (isTierDraft(event.target.value)) grades.setDraft(row.grade, event.target.value);
                          }}
                        >
                          <option value="">{defaultChoiceLabel(row.grade)}</option>
                          {TIERS.map((tier) => (
                            <option key={tier} value={tier}>
                              {tierLabel(tier)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={grades.saving || grades.changes.length === 0}>
              {grades.saving ? 'Saving…' : grades.changes.length > 0 ? `Save ${plural(grades.changes.length, 'grade')}` : 'Save'}
            </button>
            {grades.saved !== null && (
              <p role="status" className="small">
                Saved {plural(grades.saved, 'grade')}: the tiers and findings of every snapshot now follow them.
              </p>
            )}
          </div>
          {grades.error && (
            <p role="alert" className="field-error">
              Could not save the grades: {grades.error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
