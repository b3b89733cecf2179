import { type FormEvent, useMemo, useState } from 'react';
import { useOrgRole } from '../../auth/hooks/useOrgRole';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { formatDate } from '../../shared/utils/format';
import { ACTIVITY_PAGE_SIZE, useDictionary } from '../hooks/useDictionary';
import { ActivityForm } from './ActivityForm';
import { type Activity, ActivityItem } from './ActivityItem';
import { DictionaryFiles } from './DictionaryFiles';

type Props = {
  organizationId: string;
};

/**
 * The activity dictionary: browse by function, search, and (HR admins only) edit, add and remove
 * activities or import a file. Every change publishes a new version.
 */
export function DictionaryView({ organizationId }: Props) {
  const role = useOrgRole(organizationId);
  const editable = role === 'HR_ADMIN';
  const state = useDictionary(organizationId);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const { dictionary, version, activities } = state;

  const processes = useMemo(
    () =>
      (dictionary?.functions ?? [])
        .filter((fn) => !state.functionKey || fn.key === state.functionKey)
        .flatMap((fn) => fn.processes.map((process) => ({ key: process.key, label: process.label, functionLabel: fn.label }))),
    [dictionary, state.functionKey],
  );
  const byProcess = useMemo(() => groupByProcess(activities?.nodes ?? []), [activities]);

  if (state.loading) return <LoadingState label="Loading the activity dictionary…" />;
  if (state.error)
    return (
      <ErrorState title="Could not load the activity dictionary." error={state.error} onRetry={() => void state.refetch()} />
    );

  if (!dictionary || !version) {
    return (
      <div className="stack">
        <section className="card">
          <h2 className="card__title">Activity dictionary</h2>
          <p>This organization has no activity dictionary yet.</p>
          {editable ? (
            <div className="actions">
              <button
                type="button"
                className="button button--primary"
                disabled={state.copying}
                onClick={() => void state.copyStarter()}
              >
                {state.copying ? 'Copying…' : 'Start from the starter dictionary'}
              </button>
              <span className="muted small">
                About 200 common activities across functions, each with its value level, to edit.
              </span>
            </div>
          ) : (
            <p className="muted">An HR admin can start one from the built-in starter dictionary.</p>
          )}
        </section>
        {editable && (
          <DictionaryFiles organizationId={organizationId} versionNumber={null} editable onPublished={state.refreshAfterImport} />
        )}
      </div>
    );
  }

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    state.setSearch(query);
  };
  const total = activities?.totalCount ?? 0;
  const pages = Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE));

  return (
    <div className="dictionary">
      <div className="page-head">
        <h2>Activity dictionary</h2>
        <p className="muted">
          Version {version.version} · {version.activityCount} activities · {version.summary} ({formatDate(version.createdAt)}
          {version.createdBy ? `, ${version.createdBy}` : ''}).{' '}
          {editable ? 'Every change publishes a new version; surveys keep the version they started with.' : 'Read only.'}
        </p>
        {state.notice && (
          <p role="status" className="notice">
            {state.notice}
          </p>
        )}
      </div>
      <div className="dictionary__layout">
        <nav aria-label="Functions" className="dictionary__functions">
          <ul className="plain-list">
            <li>
              <button
                type="button"
                className="link-button"
                aria-pressed={state.functionKey === null}
                onClick={() => state.setFunctionKey(null)}
              >
                All functions <span className="muted">({version.activityCount})</span>
              </button>
            </li>
            {dictionary.functions.map((fn) => (
              <li key={fn.key}>
                <button
                  type="button"
                  className="link-button"
                  aria-pressed={state.functionKey === fn.key}
                  onClick={() => state.setFunctionKey(fn.key)}
                >
                  {fn.label} <span className="muted">({fn.activityCount})</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="stack dictionary__main">
          <form role="search" className="toolbar__search" onSubmit={submitSearch} aria-label="Search activities">
            <label htmlFor="dictionary-search" className="visually-hidden">
              Search activities
            </label>
            <input
              id="dictionary-search"
              type="search"
              value={query}
              placeholder="Search activities"
              onChange={(event) => setQuery(event.target.value)}
            />
            <button type="submit" className="button button--small">
              Search
            </button>
            {state.search && (
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => {
                  setQuery('');
                  state.setSearch('');
                }}
              >
                Clear
              </button>
            )}
          </form>
          <p role="status" className="muted small">
            {state.activitiesLoading && !activities
              ? 'Loading activities…'
              : `${total} ${total === 1 ? 'activity' : 'activities'}${state.search ? ` matching “${state.search}”` : ''}`}
          </p>
          {state.activitiesError && <ErrorState title="Could not load the activities." error={state.activitiesError} />}
          {editable && (
            <div>
              {adding ? (
                <section className="card" aria-labelledby="add-activity-heading">
                  <h3 id="add-activity-heading" className="card__title">
                    Add an activity
                  </h3>
                  <ActivityForm
                    organizationId={organizationId}
                    processes={processes}
                    submitLabel="Add activity"
                    onCancel={() => setAdding(false)}
                    onSubmit={async (draft) => {
                      const failure = await state.addEntry({
                        parentKey: draft.processKey,
                        label: draft.label,
                        description: draft.description || null,
                        valueLevel: draft.valueLevel || null,
                      });
                      if (!failure) setAdding(false);
                      return failure;
                    }}
                  />
                </section>
              ) : (
                <button type="button" className="button" onClick={() => setAdding(true)}>
                  Add an activity
                </button>
              )}
            </div>
          )}
          {byProcess.map((group) => (
            <section key={group.processKey} className="resp-group" aria-label={`${group.functionLabel} › ${group.processLabel}`}>
              <h3 className="resp-group__title">
                {group.functionLabel} › {group.processLabel}
              </h3>
              <ul className="plain-list activity-list">
                {group.activities.map((activity) => (
                  <ActivityItem
                    key={activity.id}
                    organizationId={organizationId}
                    activity={activity}
                    editable={editable}
                    onUpdate={(key, changes) => state.updateEntry(key, changes)}
                    onRemove={(key) => state.removeEntry(key)}
                  />
                ))}
              </ul>
            </section>
          ))}
          {pages > 1 && (
            <div className="actions" role="group" aria-label="Pages">
              <button
                type="button"
                className="button button--small"
                disabled={state.page === 0}
                onClick={() => state.setPage(state.page - 1)}
              >
                Previous
              </button>
              <span className="muted small">
                Page {state.page + 1} of {pages}
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={state.page + 1 >= pages}
                onClick={() => state.setPage(state.page + 1)}
              >
                Next
              </button>
            </div>
          )}
          <DictionaryFiles
            organizationId={organizationId}
            versionNumber={version.version}
            editable={editable}
            onPublished={state.refreshAfterImport}
          />
        </div>
      </div>
    </div>
  );
}

function groupByProcess(activities: readonly Activity[]) {
  const groups: { processKey: string; processLabel: string; functionLabel: string; activities: Activity[] }[] = [];
  for (const activity of activities) {
    const last = groups[groups.length - 1];
    if (last?.processKey === activity.processKey) last.activities.push(activity);
    else {
      groups.push({
        processKey: activity.processKey,
        processLabel: activity.processLabel,
        functionLabel: activity.functionLabel,
        activities: [activity],
      });
    }
  }
  return groups;
}
