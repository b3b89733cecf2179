import type { ImportResultFieldsFragment } from '../../../gql/graphql';

type Props = {
  result: ImportResultFieldsFragment;
};

export function ImportCounts({ result }: Props) {
  const people = result.peopleFile;
  const responsibilities = result.responsibilitiesFile;
  return (
    <dl className="stats stats--row" aria-label="What the files contain">
      <div className="stats__item">
        <dt>People</dt>
        <dd className="stats__value">{result.people}</dd>
      </div>
      <div className="stats__item">
        <dt>Positions</dt>
        <dd className="stats__value">{result.positions}</dd>
      </div>
      <div className="stats__item">
        <dt>Responsibilities</dt>
        <dd className="stats__value">{result.responsibilities}</dd>
      </div>
      <div className="stats__item">
        <dt>Rows read</dt>
        <dd className="stats__value">{people.rowCount + (responsibilities?.rowCount ?? 0)}</dd>
        <dd className="stats__hint">
          {people.format?.toUpperCase() ?? '?'}
          {people.encoding ? `, ${people.encoding}` : ''}
          {people.delimiter ? `, “${people.delimiter === '\t' ? 'tab' : people.delimiter}” separated` : ''}
          {people.hasHeader ? '' : ', no header row'}
        </dd>
      </div>
    </dl>
  );
}
