import type { FormEvent } from 'react';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { usePolicyEditor } from '../hooks/usePolicyEditor';
import { FindingCountsComparison } from './FindingCountsComparison';
import { MixTable } from './MixTable';
import { ThresholdFields } from './ThresholdFields';

type Props = {
  organizationId: string;
  snapshotId: string | null;
};

export function PolicyEditor({ organizationId, snapshotId }: Props) {
  const editor = usePolicyEditor(organizationId, snapshotId);
  const { draft, errors } = editor;

  if (editor.policy.loading && !draft) return <LoadingState label="Loading the policy…" />;
  if (editor.policy.error)
    return (
      <ErrorState title="Could not load the policy." error={editor.policy.error} onRetry={() => void editor.policy.refetch()} />
    );
  if (!draft) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void editor.submit();
  };
  const before = editor.comparison?.before ?? editor.counts.data?.analysisSummary ?? null;

  return (
    <div className="policy">
      <form className="stack" onSubmit={submit} noValidate aria-labelledby="policy-heading">
        <h2 id="policy-heading" className="visually-hidden">
          Value-level policy
        </h2>
        <section className="card" aria-labelledby="mix-heading">
          <h3 id="mix-heading" className="card__title">
            Expected mix per tier
          </h3>
          <p className="muted small">Percent of time each tier should spend per value level. Each row must add up to 100.</p>
          <MixTable mix={draft.mix} errors={errors.mix} onChange={editor.setMix} />
        </section>
        <section className="card" aria-labelledby="thresholds-heading">
          <h3 id="thresholds-heading" className="card__title">
            Thresholds
          </h3>
          <ThresholdFields thresholds={draft.thresholds} errors={errors.thresholds} onChange={editor.setThreshold} />
        </section>
        <div className="actions actions--sticky">
          <button type="submit" className="button button--primary" disabled={editor.saving || editor.invalid || !editor.dirty}>
            {editor.saving ? 'Saving…' : 'Save policy'}
          </button>
          <button type="button" className="button" disabled={editor.saving || !editor.dirty} onClick={editor.resetDraft}>
            Undo changes
          </button>
          {editor.invalid && (
            <span role="alert" className="field-error">
              Fix the highlighted values to save.
            </span>
          )}
          {editor.saveError && (
            <span role="alert" className="field-error">
              Could not save: {editor.saveError}
            </span>
          )}
        </div>
      </form>
      <aside className="card policy__counts" aria-labelledby="counts-heading">
        <h3 id="counts-heading" className="card__title">
          Effect on findings
        </h3>
        {!snapshotId && <p className="muted">Import a snapshot to see how the policy affects findings.</p>}
        {editor.counts.error && <ErrorState title="Could not load the finding counts." error={editor.counts.error} />}
        {snapshotId && !before && editor.counts.loading && <LoadingState label="Counting findings…" />}
        {before && <FindingCountsComparison before={before} after={editor.comparison?.after ?? null} />}
        {editor.comparison && (
          <p role="status" className="muted small">
            Saved. Findings now use the new policy.
          </p>
        )}
      </aside>
    </div>
  );
}
