import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import type { DictionaryEntryChangesInput, NewDictionaryEntryInput } from '../../../gql/graphql';
import {
  ActivityDictionaryDocument,
  AddDictionaryEntryDocument,
  CopyStarterDictionaryDocument,
  DictionaryActivitiesDocument,
  RemoveDictionaryEntryDocument,
  UpdateDictionaryEntryDocument,
} from '../graphql/dictionary.graphql';

/** Activities shown at once; the list is paged beyond that. */
export const ACTIVITY_PAGE_SIZE = 100;

const REFETCH = { refetchQueries: 'active' as const, awaitRefetchQueries: true };

/**
 * The organization's current dictionary: its functions, a page of activities filtered by function
 * and search, and HR's edits. Every edit publishes a new version and names the one it was made
 * on, so an edit over someone else's newer version is refused instead of lost.
 */
export function useDictionary(organizationId: string) {
  const tree = useQuery(ActivityDictionaryDocument, { variables: { organizationId }, fetchPolicy: 'cache-and-network' });
  const dictionary = tree.data?.activityDictionary ?? null;
  const version = dictionary?.version ?? null;
  const [functionKey, setFunctionKeyState] = useState<string | null>(null);
  const [search, setSearchState] = useState('');
  const [page, setPage] = useState(0);
  const activities = useQuery(DictionaryActivitiesDocument, {
    variables: {
      organizationId,
      versionId: version?.id ?? '',
      functionKey,
      search: search.trim() || null,
      first: ACTIVITY_PAGE_SIZE,
      offset: page * ACTIVITY_PAGE_SIZE,
    },
    skip: !version,
  });
  const [update] = useMutation(UpdateDictionaryEntryDocument, REFETCH);
  const [add] = useMutation(AddDictionaryEntryDocument, REFETCH);
  const [remove] = useMutation(RemoveDictionaryEntryDocument, REFETCH);
  const [copyStarter, copying] = useMutation(CopyStarterDictionaryDocument, REFETCH);
  const [notice, setNotice] = useState<string | null>(null);

  const setFunctionKey = useCallback((key: string | null) => {
    setFunctionKeyState(key);
    setPage(0);
  }, []);
  const setSearch = useCallback((text: string) => {
    setSearchState(text);
    setPage(0);
  }, []);

  /** Runs an edit; resolves to an error message for the form, or null once published. */
  const publish = async (run: () => Promise<{ version: number } | null | undefined>): Promise<string | null> => {
    try {
      const published = await run();
      setNotice(published ? `Saved as version ${published.version}.` : null);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const baseVersionId = version?.id ?? null;

  return {
    loading: tree.loading && !tree.data,
    error: tree.error ?? null,
    refetch: tree.refetch,
    dictionary,
    version,
    functionKey,
    setFunctionKey,
    search,
    setSearch,
    page,
    setPage,
    activities: activities.data?.dictionaryActivities ?? null,
    activitiesLoading: activities.loading,
    activitiesError: activities.error ?? null,
    notice,
    copying: copying.loading,
    copyStarter: () => publish(async () => (await copyStarter({ variables: { organizationId } })).data?.copyStarterDictionary),
    updateEntry: (key: string, changes: DictionaryEntryChangesInput) =>
      publish(
        async () => (await update({ variables: { organizationId, baseVersionId, key, changes } })).data?.updateDictionaryEntry,
      ),
    addEntry: (entry: NewDictionaryEntryInput) =>
      publish(async () => (await add({ variables: { organizationId, baseVersionId, entry } })).data?.addDictionaryEntry),
    removeEntry: (key: string) =>
      publish(async () => (await remove({ variables: { organizationId, baseVersionId, key } })).data?.removeDictionaryEntry),
    refreshAfterImport: async (versionNumber: number | null) => {
      setNotice(versionNumber ? `Imported as version ${versionNumber}.` : null);
      await tree.refetch();
    },
  };
}
