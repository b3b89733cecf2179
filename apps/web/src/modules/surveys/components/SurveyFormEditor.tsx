import { VALUE_LEVEL_LABELS } from '@rolemap/domain';
import { useId, useState } from 'react';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { useSurveyForm } from '../hooks/useSurveyForm';
import { parseShare } from '../utils/form-lines';
import { ActivityPicker } from './ActivityPicker';
import { formatDateTime } from '../../shared/utils/format';

type Props = {
  responseId: string;
  invitation: string | null;
  onDone?: () => void;
};

/**
 * One time-allocation form: weekly hours, activities with a share of the week each, a running total
 * and what is left unallocated; save and come back, review, submit. Every control is a native
 * input or button with its own label, so the whole form works from the keyboard.
 */
export function SurveyFormEditor({ responseId, invitation, onDone }: Props) {
  const id = useId();
  const survey = useSurveyForm(responseId, invitation);
  const [step, setStep] = useState<'edit' | 'review'>('edit');
  const { form, edit } = survey;
  if (survey.loading && !form) return <LoadingState label="Loading the form…" />;
  if (survey.error) return <ErrorState title="Could not open this form." error={survey.error} />;
  if (!form || !edit) return null;

  const labelOf = (line: { activityId: string | null; otherText: string | null }) =>
    line.activityId ? (survey.activityById.get(line.activityId)?.label ?? 'Unknown activity') : (line.otherText ?? '');
  const unallocated = Math.round((100 - survey.total) * 10) / 10;
  const inRange = survey.total >= form.minTotalPct && survey.total <= form.maxTotalPct;
  const own = form.side === 'SELF';
  const heading = own ? 'How your week divides' : `How the week divides for ${form.subjectName}`;
  const issueAt = (field: string) => survey.issues.find((issue) => issue.field === field)?.message;
  const picked = new Set(edit.lines.map((line) => line.activityId).filter((value): value is string => Boolean(value)));
  const selfShare = new Map(
    (form.selfAnswers?.lines ?? []).map((line) => [line.activityId ?? `other:${line.otherText}`, line.sharePct]),
  );

  if (form.lockedReason && form.status === 'SUBMITTED') {
    return (
      <section className="stack survey-form" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{heading}</h1>
        <p className="notice">{form.lockedReason}</p>
        <ul className="survey-summary" aria-label="Submitted answers">
          {form.answers.lines.map((line, index) => (
            <li key={index}>
              <span>{labelOf(line)}</span> <strong>{line.sharePct}%</strong>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  return (
    <section className="stack survey-form" aria-labelledby={`${id}-title`}>
      <div>
        <p className="eyebrow">{form.campaignName}</p>
        <h1 id={`${id}-title`}>{heading}</h1>
        <p className="field-hint">
          Give each activity its share of a usual week. The shares should add up to about 100% (between {form.minTotalPct}% and{' '}
          {form.maxTotalPct}%). Open until {formatDateTime(form.closesAt)}.
        </p>
        {form.lockedReason && <p className="notice notice--error">{form.lockedReason}</p>}
      </div>

      {step === 'edit' ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-hours`}>Hours in a usual week</label>
            <input
              id={`${id}-hours`}
              className="input--number"
              type="number"
              inputMode="decimal"
              min={1}
              max={100}
              step="any"
              value={edit.weeklyHours}
              aria-invalid={Boolean(issueAt('weeklyHours'))}
              aria-describedby={issueAt('weeklyHours') ? `${id}-hours-error` : undefined}
              onChange={(event) => survey.setWeeklyHours(event.target.value)}
            />
            {issueAt('weeklyHours') && (
              <p id={`${id}-hours-error`} className="field-error">
                {issueAt('weeklyHours')}
              </p>
            )}
          </div>

          <ActivityPicker
            activities={survey.activities}
            picked={picked}
            onPick={survey.addActivity}
            onAddOther={survey.addOther}
          />

          <section className="card" aria-labelledby={`${id}-lines`}>
            <h2 id={`${id}-lines`} className="card__title">
              Your activities
            </h2>
            {edit.lines.length === 0 ? (
              <p className="field-hint">No activity yet: search or browse above.</p>
            ) : (
              <ul className="survey-lines" aria-label="Activities and their shares">
                {edit.lines.map((line, index) => {
                  const label = labelOf(line);
                  const error =
                    issueAt(`lines[${index}].sharePct`) ??
                    issueAt(`lines[${index}].activityId`) ??
                    issueAt(`lines[${index}].otherText`);
                  const said = selfShare.get(line.activityId ?? `other:${line.otherText}`);
                  const activity = line.activityId ? survey.activityById.get(line.activityId) : undefined;
                  return (
                    <li key={line.key} className="survey-line">
                      <span className="survey-line__label">
                        {label}
                        <span className="field-hint">
                          {' '}
                          {activity ? VALUE_LEVEL_LABELS[activity.valueLevel] : 'Written in: HR will check its level'}
                          {!own && form.selfAnswers ? ` · ${form.subjectName} said ${said ?? 0}%` : ''}
                        </span>
                      </span>
                      <span className="input-with-unit">
                        <input
                          type="text"
                          inputMode="decimal"
                          className="input--number"
                          aria-label={`Share of the week for ${label}, percent`}
                          aria-invalid={Boolean(error)}
                          value={line.share}
                          onChange={(event) => survey.setShare(line.key, event.target.value)}
                        />
                        <span className="unit" aria-hidden="true">
                          %
                        </span>
                      </span>
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        onClick={() => survey.remove(line.key)}
                      >
                        Remove<span className="visually-hidden"> {label}</span>
                      </button>
                      {error && <p className="field-error survey-line__error">{error}</p>}
                    </li>
                  );
                })}
              </ul>
            )}
            <p className="survey-total" role="status" aria-live="polite">
              Allocated <strong>{survey.total}%</strong> · Unallocated <strong>{unallocated}%</strong>
              {!inRange && edit.lines.length > 0 ? ` (aim for ${form.minTotalPct}-${form.maxTotalPct}% in all)` : ''}
            </p>
          </section>
        </>
      ) : (
        <section className="card" aria-labelledby={`${id}-review`}>
          <h2 id={`${id}-review`} className="card__title">
            Check before you submit
          </h2>
          <p>{edit.weeklyHours ? `${edit.weeklyHours} hours in a usual week.` : 'Weekly hours not given.'}</p>
          <ul className="survey-summary" aria-label="Your answers">
            {edit.lines.map((line) => (
              <li key={line.key}>
                <span>{labelOf(line)}</span>{' '}
                <strong>{Number.isFinite(parseShare(line.share)) ? `${parseShare(line.share)}%` : '—'}</strong>
              </li>
            ))}
          </ul>
          <p role="status">
            In all <strong>{survey.total}%</strong> of the week; unallocated {unallocated}%.
          </p>
        </section>
      )}

      {(survey.issues.length > 0 || survey.serverError) && (
        <div role="alert" className="notice notice--error">
          {survey.serverError ?? survey.issues.map((issue) => issue.message).join(' ')}
        </div>
      )}
      {survey.savedAt && !survey.serverError && survey.issues.length === 0 && (
        <p className="field-hint" role="status">
          Saved at {survey.savedAt.toTimeString().slice(0, 5)}. You can come back to it with the same link.
        </p>
      )}

      {!form.lockedReason && (
        <div className="actions">
          {step === 'edit' ? (
            <>
              <button type="button" className="button" disabled={survey.busy} onClick={() => void survey.saveDraft()}>
                Save and finish later
              </button>
              <button type="button" className="button button--primary" onClick={() => survey.check(true) && setStep('review')}>
                Review answers
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button" onClick={() => setStep('edit')}>
                Back to editing
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={survey.busy}
                onClick={async () => {
                  if (await survey.submit()) onDone?.();
                }}
              >
                Submit
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
