import type { ImportResultFieldsFragment } from '../../../gql/graphql';
import type { ReadChoices as Choices } from '../hooks/useImportWizard';

type Props = {
  preview: ImportResultFieldsFragment;
  choices: Choices;
  onChange: (choice: keyof Choices, value: boolean) => void;
};

/** Tops listed before the rest are counted. */
const TOPS_SHOWN = 20;

/**
 * The questions only HR can answer about a file, asked where the check found them: is a
 * forest of several tops meant, is one id on different names a job share. Each shows what it
 * is about (the tops, the rows) next to the box to tick.
 */
export function ReadChoices({ preview, choices, onChange }: Props) {
  const severalTops = preview.errors.some((issue) => issue.code === 'MULTIPLE_ROOTS') || choices.allowMultipleRoots;
  const sharedIds = preview.errors.filter((issue) => issue.code === 'SHARED_ID');
  const offerJobShares = sharedIds.length > 0 || choices.jobShares;
  if (!severalTops && !offerJobShares) return null;
  const tops = preview.tops;
  const topCount = Number(preview.errors.find((issue) => issue.code === 'MULTIPLE_ROOTS')?.value ?? tops.length);

  return (
    <div className="read-choices">
      {severalTops && (
        <fieldset className="card card--inset" aria-labelledby="tops-heading">
          <legend id="tops-heading" className="subheading">
            Several top posts
          </legend>
          <p className="small">
            {topCount} posts have no manager. A chart has one top unless the file holds several separate trees (a forest), such as
            the departments of a ministry.
          </p>
          <ul className="tops-list small" aria-label="Top posts">
            {tops.slice(0, TOPS_SHOWN).map((top) => (
              <li key={`${top.row}-${top.employeeId}`}>
                Row {top.row}: <strong>{top.name || top.employeeId}</strong>
                {top.title ? `, ${top.title}` : ''} <span className="muted">({top.employeeId})</span>
              </li>
            ))}
            {topCount > TOPS_SHOWN && <li className="muted">… and {topCount - TOPS_SHOWN} more</li>}
          </ul>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={choices.allowMultipleRoots}
              onChange={(event) => onChange('allowMultipleRoots', event.target.checked)}
            />{' '}
            Allow several top posts
          </label>
        </fieldset>
      )}
      {offerJobShares && (
        <fieldset className="card card--inset" aria-labelledby="job-shares-heading">
          <legend id="job-shares-heading" className="subheading">
            Same id, different names
          </legend>
          <p className="small">
            {sharedIds.length > 0
              ? `${sharedIds.length === 1 ? 'One id is' : `${sharedIds.length} ids are`} given to people with different names, the same title and the same manager (${sharedIds
                  .map((issue) => `"${issue.value}" on rows ${issue.rows.join(', ')}`)
                  .join('; ')}). That is either a mistake in the file or a post held as a job share.`
              : 'Ids given to people with different names, the same title and the same manager are read as job shares.'}
          </p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={choices.jobShares}
              onChange={(event) => onChange('jobShares', event.target.checked)}
            />{' '}
            Same id, different names is a job share
          </label>
        </fieldset>
      )}
    </div>
  );
}
