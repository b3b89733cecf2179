import { Link } from 'react-router-dom';
import type { SurveyForm } from '../hooks/useSurveyForm';

type Props = { forms: readonly SurveyForm[] };

const STATUS: Record<string, string> = { NOT_STARTED: 'Not started', IN_PROGRESS: 'Draft saved', SUBMITTED: 'Submitted' };

/** The forms a person fills in: their own first, then their reports' (as their line manager). */
export function SurveyFormsList({ forms }: Props) {
  if (forms.length === 0) return <p className="notice">You have no forms to fill in right now.</p>;
  return (
    <ul className="survey-forms" aria-label="Forms you fill in">
      {forms.map((form) => (
        <li key={`${form.responseId}:${form.side}`} className="card">
          <p className="eyebrow">{form.campaignName}</p>
          <Link to={`/forms/${form.responseId}`}>
            {form.side === 'SELF' ? 'Your own week' : `${form.subjectName}${form.subjectTitle ? `, ${form.subjectTitle}` : ''}`}
          </Link>
          <p className="field-hint">
            {STATUS[form.status]}
            {form.side === 'MANAGER' ? (form.mode === 'BOTH' ? ' · you review their answers' : ' · you fill it in for them') : ''}
            {form.lockedReason && form.status !== 'SUBMITTED' ? ` · ${form.lockedReason}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}
