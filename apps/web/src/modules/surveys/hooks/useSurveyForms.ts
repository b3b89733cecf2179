import { useQuery } from '@apollo/client/react';
import { SurveyFormsDocument } from '../graphql/surveys.graphql';
import type { SurveyForm } from './useSurveyForm';

/** The forms the visitor fills in: by their personal link, or signed in. */
export function useSurveyForms(invitation: string | null) {
  const query = useQuery(SurveyFormsDocument, { variables: { invitation }, fetchPolicy: 'network-only' });
  const forms: readonly SurveyForm[] = query.data?.surveyForms ?? [];
  return { forms, loading: query.loading, error: query.error, refetch: query.refetch };
}
