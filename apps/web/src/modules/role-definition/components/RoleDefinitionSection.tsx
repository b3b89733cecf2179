import { useState } from 'react';
import type { RolePurposeScope } from '../../../gql/graphql';
import { ErrorState } from '../../shared/components/ErrorState';
import { formatPct, plural } from '../../shared/utils/format';
import { useRoleDefinition } from '../hooks/useRoleDefinition';

type Props = {
  positionId: string;
  /** HR admins write purposes; everyone else reads them. */
  canEdit: boolean;
};

/** Purpose, key accountabilities, decision rights and span: the role definition the role report prints. */
export function RoleDefinitionSection({ positionId, canEdit }: Props) {
  const { role, error, savePurpose, saving, saveError } = useRoleDefinition(positionId);
  const [draft, setDraft] = useState<string | null>(null);
  const [appliesTo, setAppliesTo] = useState<RolePurposeScope>('TITLE');
  if (error) return <ErrorState title="Could not load the role definition." error={error} />;
  if (!role) return null;
  const { purpose } = role;
  const editing = draft !== null;
  return (
    <section aria-labelledby="panel-definition-heading" className="side-panel__section">
      <h3 id="panel-definition-heading">Role definition</h3>
      <h4>{purpose.status === 'DRAFT' ? 'Purpose (draft)' : 'Purpose'}</h4>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void savePurpose(draft, appliesTo).then(() => setDraft(null));
          }}
        >
          <label htmlFor="role-purpose-text">Purpose of the role</label>
          <textarea
            id="role-purpose-text"
            rows={5}
            maxLength={2000}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <fieldset>
            <legend>Applies to</legend>
            <label>
              <input type="radio" checked={appliesTo === 'TITLE'} onChange={() => setAppliesTo('TITLE')} /> Every “{role.title}”
            </label>
            <label>
              <input type="radio" checked={appliesTo === 'POSITION'} onChange={() => setAppliesTo('POSITION')} /> This post only
            </label>
          </fieldset>
          {saveError && <p role="alert">{saveError.message}</p>}
          <button type="submit" className="button" disabled={saving}>
            Save purpose
          </button>{' '}
          <button type="button" className="button button--quiet" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <p className={purpose.status === 'DRAFT' ? 'muted' : undefined} data-testid="role-purpose">
            {purpose.text}
          </p>
          <p className="muted small">
            {purpose.status === 'DRAFT'
              ? 'Draft from the tier, the policy and the main accountabilities; HR has not written this purpose yet.'
              : `Written by ${purpose.setBy ?? 'HR'}${purpose.appliesTo === 'TITLE' ? ` for every “${role.title}”` : ' for this post'}.`}
          </p>
          {canEdit && (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setAppliesTo(purpose.appliesTo ?? 'TITLE');
                setDraft(purpose.status === 'DRAFT' ? '' : purpose.text);
              }}
            >
              Edit purpose
            </button>
          )}
        </>
      )}

      <h4>Reporting line and span</h4>
      <p>
        {role.manager ? `Reports to ${role.manager.name ?? 'a vacant post'} (${role.manager.title})` : 'Top of the chart'}
        {role.dottedLineManagers.length > 0 &&
          `; dotted line to ${role.dottedLineManagers.map((ref) => ref.name ?? ref.title).join(', ')}`}
        . {plural(role.directReports, 'direct report')}
        {role.totalReports > role.directReports ? `, ${role.totalReports} people in all` : ''}.
      </p>

      <h4>Key accountabilities</h4>
      {role.keyAccountabilities.length === 0 ? (
        <p className="muted">None recorded yet.</p>
      ) : (
        <ul aria-label="Key accountabilities">
          {role.keyAccountabilities.map((group) => (
            <li key={group.level}>
              <strong>{group.label}</strong> {formatPct(group.sharePct)} ({formatPct(group.expectedPct)} expected)
              <ul>
                {group.items.map((item) => (
                  <li key={item.responsibilityId}>
                    {item.title} · {formatPct(item.sharePct)}
                  </li>
                ))}
                {group.otherCount > 0 && (
                  <li className="muted">
                    {plural(group.otherCount, 'smaller responsibility', 'smaller responsibilities')} ·{' '}
                    {formatPct(group.otherSharePct)}
                  </li>
                )}
              </ul>
            </li>
          ))}
        </ul>
      )}

      <h4>Decision rights</h4>
      <ul aria-label="Decision rights">
        {role.decisionRights.map((right) => (
          <li key={right.level}>
            <strong>{right.rightLabel}</strong> {right.matter} ({right.label.toLowerCase()}, {formatPct(right.expectedPct)} of the
            tier’s time)
          </li>
        ))}
      </ul>
      <p className="muted small">{role.decisionRightsSource}</p>

      {role.takeOn.length > 0 && (
        <>
          <h4>What to take on</h4>
          <ul aria-label="What to take on">
            {role.takeOn.map((item) => (
              <li key={item.level}>{item.advice}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
