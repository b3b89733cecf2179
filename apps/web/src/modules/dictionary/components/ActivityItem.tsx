import { useState } from 'react';
import type { DictionaryActivitiesQuery } from '../../../gql/graphql';
import { valueLevelLabel } from '../../shared/utils/format';
import { ActivityForm } from './ActivityForm';

export type Activity = DictionaryActivitiesQuery['dictionaryActivities']['nodes'][number];

type Props = {
  organizationId: string;
  activity: Activity;
  /** HR admins edit; everyone else only reads (no edit controls at all). */
  editable: boolean;
  onUpdate: (
    key: string,
    changes: { label: string; description: string; valueLevel: Activity['valueLevel'] },
  ) => Promise<string | null>;
  onRemove: (key: string) => Promise<string | null>;
};

export function ActivityItem({ organizationId, activity, editable, onUpdate, onRemove }: Props) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const suggested = activity.levelSource === 'SUGGESTED';
  if (editing) {
    return (
      <li className="activity activity--editing">
        <ActivityForm
          organizationId={organizationId}
          initial={{
            processKey: activity.processKey,
            label: activity.label,
            description: activity.description ?? '',
            valueLevel: activity.valueLevel,
          }}
          submitLabel={`Save ${activity.key}`}
          onCancel={() => setEditing(false)}
          onSubmit={async (draft) => {
            const failure = await onUpdate(activity.key, {
              label: draft.label,
              description: draft.description,
              valueLevel: draft.valueLevel || activity.valueLevel,
            });
            if (!failure) setEditing(false);
            return failure;
          }}
        />
      </li>
    );
  }
  return (
    <li className="activity" aria-label={activity.label}>
      <div className="activity__main">
        <span className="activity__label">{activity.label}</span> <span className="muted small">{activity.key}</span>
        {activity.description && <p className="muted small activity__description">{activity.description}</p>}
      </div>
      <div className="activity__meta">
        <span className={`tag level-tag level-tag--${activity.valueLevel.toLowerCase()}`}>
          {valueLevelLabel(activity.valueLevel)}
        </span>
        {suggested && (
          <span className="tag tag--warning" title="The classifier chose this level; saving a level confirms it.">
            Suggested
          </span>
        )}
        {editable && (
          <>
            <button
              type="button"
              className="button button--small"
              onClick={() => setEditing(true)}
              aria-label={`Edit ${activity.label}`}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              aria-label={`Remove ${activity.label}`}
              onClick={async () => {
                if (!window.confirm(`Remove “${activity.label}” from the dictionary? Earlier versions keep it.`)) return;
                setError(await onRemove(activity.key));
              }}
            >
              Remove
            </button>
          </>
        )}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </li>
  );
}
