import { useId, useState } from 'react';
import type { ChartNodeFieldsFragment } from '../../../gql/graphql';
import { usePersonSearch } from '../hooks/usePersonSearch';

type Props = {
  snapshotId: string;
  label: string;
  /** Employee ids that cannot be picked (the person being moved, their current manager). */
  exclude?: readonly string[];
  onPick: (person: ChartNodeFieldsFragment) => void;
};

/** A searchable list of people: type a name, title or id, then pick one (keyboard: Tab to the results, Enter). */
export function PersonPicker({ snapshotId, label, exclude = [], onPick }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const { hits, loading } = usePersonSearch(snapshotId, query);
  const choices = hits.filter((hit) => !exclude.includes(hit.employeeId ?? ''));
  return (
    <div className="person-picker">
      <div className="field">
        <label htmlFor={`${id}-q`}>{label}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          autoFocus
          placeholder="Name, title or employee id"
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {loading && <p className="field-hint">Searching…</p>}
      {!loading && query.trim() && choices.length === 0 && <p className="field-hint">Nobody matches.</p>}
      {choices.length > 0 && (
        <ul className="person-picker__results" aria-label={`${label}: matches`}>
          {choices.map((person) => (
            <li key={person.id}>
              <button type="button" className="button button--quiet" onClick={() => onPick(person)}>
                {person.vacant ? `Vacant (${person.title})` : person.name} · {person.title} · {person.employeeId}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
