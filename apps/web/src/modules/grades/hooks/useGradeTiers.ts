import { useMutation, useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { GradeTiersDocument, SetGradeTiersDocument } from '../graphql/grades.graphql';
import { changedGrades, type GradeDraft, type GradeRow } from '../utils/grade-drafts';

/**
 * HR's grade → tier table of an organization: the grades of the latest snapshot with the tier each
 * gives, a draft of HR's choices, and saving them. Every analysis reads the table, so a save
 * refetches what is on screen and drops cached analyses other pages hold.
 */
export function useGradeTiers(organizationId: string) {
  const query = useQuery(GradeTiersDocument, { variables: { organizationId } });
  const [mutate, mutation] = useMutation(SetGradeTiersDocument, {
    update: (cache, { data }) => {
      if (data)
        cache.writeQuery({ query: GradeTiersDocument, variables: { organizationId }, data: { gradeTiers: data.setGradeTiers } });
      for (const fieldName of ['analysisSummary', 'findings', 'orgChart', 'position', 'positions'])
        cache.evict({ id: 'ROOT_QUERY', fieldName });
      cache.gc();
    },
  });
  const [drafts, setDrafts] = useState<Record<string, GradeDraft>>({});
  const [saved, setSaved] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const rows: GradeRow[] = useMemo(() => query.data?.gradeTiers ?? [], [query.data]);
  const changes = useMemo(() => changedGrades(rows, drafts), [rows, drafts]);

  const setDraft = (grade: string, draft: GradeDraft) => {
    setSaved(null);
    setDrafts((current) => ({ ...current, [grade]: draft }));
  };

  const save = async () => {
    if (changes.length === 0) return;
    setError(null);
    try {
      const result = await mutate({ variables: { organizationId, grades: changes } });
      if (!result.data) throw new Error('The server did not confirm the change.');
      setDrafts({});
      setSaved(changes.length);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return {
    rows,
    loading: query.loading,
    loadError: query.error,
    refetch: query.refetch,
    drafts,
    setDraft,
    changes,
    save,
    saving: mutation.loading,
    saved,
    error,
  };
}
