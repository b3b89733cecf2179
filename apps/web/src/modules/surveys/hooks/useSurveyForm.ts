import { useMutation, useQuery } from '@apollo/client/react';
import { type AnswerIssue, type SurveyActivity, draftIssues, submissionIssues, totalShare } from '@rolemap/surveys';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SurveyFormFieldsFragment } from '../../../gql/graphql';
import { SaveSurveyAnswersDocument, SubmitSurveyAnswersDocument, SurveyFormDocument } from '../graphql/surveys.graphql';
import { type EditableAnswers, answersFrom, answersInput, editableFrom, lineKey } from '../utils/form-lines';

export type SurveyForm = SurveyFormFieldsFragment;

/** One form: loading it with its dictionary, editing the answers, saving a draft and submitting. */
export function useSurveyForm(responseId: string, invitation: string | null) {
  const query = useQuery(SurveyFormDocument, { variables: { responseId, invitation }, fetchPolicy: 'network-only' });
  const form: SurveyForm | null = query.data?.surveyForm ?? null;
  const activities: SurveyActivity[] = useMemo(
    () => (query.data?.surveyActivities.activities ?? []).map((a) => ({ ...a, functionName: a.functionName ?? null })),
    [query.data],
  );
  const byId = useMemo(() => new Map(activities.map((activity) => [activity.id, activity])), [activities]);
  const [edit, setEdit] = useState<EditableAnswers | null>(null);
  const [issues, setIssues] = useState<AnswerIssue[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [save, saving] = useMutation(SaveSurveyAnswersDocument);
  const [submitAnswers, submitting] = useMutation(SubmitSurveyAnswersDocument);

  useEffect(() => {
    if (form && edit === null) setEdit(editableFrom(form.answers));
  }, [form, edit]);

  const answers = useMemo(() => (edit ? answersFrom(edit) : null), [edit]);
  const total = answers ? totalShare({ ...answers, lines: answers.lines.filter((line) => Number.isFinite(line.sharePct)) }) : 0;

  const addActivity = useCallback((activityId: string) => {
    setEdit((current) =>
      current && !current.lines.some((line) => line.activityId === activityId)
        ? { ...current, lines: [...current.lines, { key: lineKey(), activityId, otherText: null, share: '' }] }
        : current,
    );
  }, []);
  const addOther = useCallback((text: string) => {
    setEdit((current) =>
      current
        ? { ...current, lines: [...current.lines, { key: lineKey(), activityId: null, otherText: text.trim(), share: '' }] }
        : current,
    );
  }, []);
  const setShare = useCallback((key: string, share: string) => {
    setEdit((current) =>
      current ? { ...current, lines: current.lines.map((line) => (line.key === key ? { ...line, share } : line)) } : current,
    );
  }, []);
  const remove = useCallback((key: string) => {
    setEdit((current) => (current ? { ...current, lines: current.lines.filter((line) => line.key !== key) } : current));
  }, []);
  const setWeeklyHours = useCallback(
    (weeklyHours: string) => setEdit((current) => (current ? { ...current, weeklyHours } : current)),
    [],
  );

  /** Checks the answers as the server will; returns whether they pass. */
  const check = useCallback(
    (forSubmit: boolean): boolean => {
      if (!answers || !form) return false;
      const found = forSubmit
        ? submissionIssues(answers, byId, { minTotalPct: form.minTotalPct, maxTotalPct: form.maxTotalPct })
        : draftIssues(answers, byId);
      setIssues(found);
      setServerError(null);
      return found.length === 0;
    },
    [answers, byId, form],
  );

  const run = async (mutation: 'save' | 'submit'): Promise<boolean> => {
    if (!answers || !check(mutation === 'submit')) return false;
    try {
      const variables = { responseId, invitation, answers: answersInput(answers) };
      if (mutation === 'save') await save({ variables });
      else await submitAnswers({ variables });
      setSavedAt(new Date());
      if (mutation === 'submit') await query.refetch();
      return true;
    } catch (error) {
      setServerError(error instanceof Error ? error.message : String(error));
      return false;
    }
  };

  return {
    form,
    activities,
    activityById: byId,
    loading: query.loading,
    error: query.error,
    edit,
    total,
    issues,
    serverError,
    savedAt,
    busy: saving.loading || submitting.loading,
    addActivity,
    addOther,
    setShare,
    setWeeklyHours,
    remove,
    check,
    saveDraft: () => run('save'),
    submit: () => run('submit'),
  };
}
