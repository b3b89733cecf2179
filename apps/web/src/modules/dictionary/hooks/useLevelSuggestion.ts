import { useLazyQuery } from '@apollo/client/react';
import type { ValueLevel } from '@rolemap/domain';
import { useState } from 'react';
import { SuggestActivityLevelDocument } from '../graphql/dictionary.graphql';

export type LevelSuggestion = { level: ValueLevel | null; confidence: number; confident: boolean };

/** Asks the classifier which level an activity's wording is at, for HR to accept or change. */
export function useLevelSuggestion(organizationId: string) {
  const [run, { loading }] = useLazyQuery(SuggestActivityLevelDocument, { fetchPolicy: 'network-only' });
  const [suggestion, setSuggestion] = useState<LevelSuggestion | null>(null);
  const suggest = async (label: string, description: string): Promise<LevelSuggestion | null> => {
    if (!label.trim()) return null;
    const result = await run({ variables: { organizationId, label, description: description || null } });
    const found = result.data?.suggestActivityLevel ?? null;
    setSuggestion(found);
    return found;
  };
  return { suggest, suggestion, loading, clear: () => setSuggestion(null) };
}
