import type { ImportDictionaryMutation } from '../../../gql/graphql';
import { postMultipart } from '../../imports/utils/multipart';
import { useCheckedUpload } from '../../shared/hooks/useCheckedUpload';
import { ImportDictionaryDocument } from '../graphql/dictionary.graphql';

export type DictionaryImportResult = ImportDictionaryMutation['importDictionary'];

/** Uploads a dictionary file: checked first (dry run), then published when HR confirms. */
export function useDictionaryImport(organizationId: string, onPublished: (version: number | null) => Promise<void>) {
  const upload = useCheckedUpload(
    async (file, dryRun) => (await postMultipart(ImportDictionaryDocument, { organizationId, file, dryRun })).importDictionary,
    async (result, dryRun) => {
      if (!dryRun && result.ok) await onPublished(result.version?.version ?? null);
    },
  );
  return { ...upload, publish: upload.send };
}
