import type { SurveyActivity } from '@rolemap/surveys';
import { useId, useMemo, useState } from 'react';
import { VALUE_LEVEL_LABELS } from '@rolemap/domain';

type Props = {
  activities: readonly SurveyActivity[];
  /** Activities already on the form: offered, but disabled. */
  picked: ReadonlySet<string>;
  onPick: (activityId: string) => void;
  onAddOther: (text: string) => void;
};

const SHOWN = 12;

/** Finds a dictionary activity by words or by function, or takes one written in. */
export function ActivityPicker({ activities, picked, onPick, onAddOther }: Props) {
  const id = useId();
  const [search, setSearch] = useState('');
  const [functionName, setFunctionName] = useState('');
  const [other, setOther] = useState('');
  const functions = useMemo(
    () => [...new Set(activities.map((activity) => activity.functionName).filter((name): name is string => Boolean(name)))],
    [activities],
  );
  const words = search.toLocaleLowerCase('en').split(/\s+/).filter(Boolean);
  const matching = activities.filter(
    (activity) =>
      (!functionName || activity.functionName === functionName) &&
      words.every((word) => `${activity.label} ${activity.functionName ?? ''}`.toLocaleLowerCase('en').includes(word)),
  );
  const browsing = words.length > 0 || functionName !== '';
  return (
    <section className="card survey-picker" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Add an activity
      </h2>
      <div className="survey-picker__filters">
        <div className="field">
          <label htmlFor={`${id}-search`}>Search activities</label>
          <input id={`${id}-search`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-function`}>Browse by function</label>
          <select id={`${id}-function`} value={functionName} onChange={(event) => setFunctionName(event.target.value)}>
            <option value="">All functions</option>
            {functions.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {browsing && (
        <>
          <p className="field-hint" role="status">
            {matching.length === 0
              ? 'No activity matches; write it in below.'
              : `${matching.length} matching ${matching.length === 1 ? 'activity' : 'activities'}${matching.length > SHOWN ? `, the first ${SHOWN} shown` : ''}.`}
          </p>
          <ul className="survey-picker__results" aria-label="Matching activities">
            {matching.slice(0, SHOWN).map((activity) => (
              <li key={activity.id}>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={picked.has(activity.id)}
                  onClick={() => onPick(activity.id)}
                  aria-label={picked.has(activity.id) ? `${activity.label} (already on the form)` : `Add ${activity.label}`}
                >
                  {activity.label}
                </button>
                <span className="field-hint">
                  {activity.functionName ?? 'Other'} · {VALUE_LEVEL_LABELS[activity.valueLevel]}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <form
        className="survey-picker__other"
        onSubmit={(event) => {
          event.preventDefault();
          if (!other.trim()) return;
          onAddOther(other);
          setOther('');
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-other`}>Not in the list? Describe it in your own words</label>
          <input
            id={`${id}-other`}
            type="text"
            value={other}
            maxLength={300}
            onChange={(event) => setOther(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={!other.trim()}>
          Add this activity
        </button>
      </form>
    </section>
  );
}
