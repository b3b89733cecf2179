import { useState } from 'react';
import type { ImportDictionaryMutation } from '../../../gql/graphql';
import { postMultipart } from '../../imports/utils/multipart';
import { ImportDictionaryDocument } from '../graphql/dictionary.graphql';

export type DictionaryImportResult = ImportDictionaryMutation['importDictionary'];

/** Uploads a dictionary file: checked first (dry run), then published when HR confirms. */
export function useDictionaryImport(organizationId: string, onPublished: (version: number | null) => Promise<void>) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<DictionaryImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const data = await postMultipart(ImportDictionaryDocument, { organizationId, file, dryRun });
      setResult(data.importDictionary);
      if (!dryRun && data.importDictionary.ok) await onPublished(data.importDictionary.version?.version ?? null);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return {
    file,
    choose: (next: File | null) => {
      setFile(next);
      setResult(null);
      setError(null);
    },
    check: () => send(true),
    publish: () => send(false),
    result,
    busy,
    error,
  };
}
