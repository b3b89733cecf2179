import { useApolloClient } from '@apollo/client/react';
import { suggestAsOf } from '@rolemap/importers/fields';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ImportOptions, ImportResultFieldsFragment, JobFieldsFragment } from '../../../gql/graphql';
import { followJob } from '../../shared/utils/follow-job';
import { CommitImportDocument, ImportJobDocument, PreviewImportDocument } from '../graphql/imports.graphql';
import { mappingRows, toColumnMap, type FileKind, type Overrides } from '../utils/mapping';
import { postMultipart, type UploadProgress } from '../utils/multipart';

export type WizardPhase = 'choose' | 'checking' | 'checked' | 'importing' | 'imported';

export type WizardFiles = { people: File | null; responsibilities: File | null };

/** Choices about how to read the file, made in the wizard when the check asks for them. */
export type ReadChoices = { allowMultipleRoots: boolean; jobShares: boolean };

/** Where the as-of date came from, for the wizard to say. */
export type AsOfOrigin = { kind: 'file name' | 'file content'; text: string } | { kind: 'today' } | { kind: 'chosen' };

/** Enough of the file's start to find an "As of …" line; the rest is never read in the browser. */
const AS_OF_HEAD_BYTES = 16_384;

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The date a people file describes: from its name or its first lines, else today. */
export async function asOfFor(file: File): Promise<{ date: string; origin: AsOfOrigin }> {
  const head = await file
    .slice(0, AS_OF_HEAD_BYTES)
    .text()
    .catch(() => '');
  const suggestion = suggestAsOf(file.name, head);
  return suggestion
    ? { date: suggestion.date, origin: { kind: suggestion.source, text: suggestion.text } }
    : { date: todayIso(), origin: { kind: 'today' } };
}

export function useImportWizard(initialOrganizationName: string) {
  const client = useApolloClient();
  const [organizationName, setOrganizationName] = useState(initialOrganizationName);
  const [asOf, setAsOfState] = useState(todayIso);
  const [asOfOrigin, setAsOfOrigin] = useState<AsOfOrigin>({ kind: 'today' });
  const [choices, setChoices] = useState<ReadChoices>({ allowMultipleRoots: false, jobShares: false });
  const [files, setFilesState] = useState<WizardFiles>({ people: null, responsibilities: null });
  const [overrides, setOverrides] = useState<Record<FileKind, Overrides>>({ people: {}, responsibilities: {} });
  const [phase, setPhase] = useState<WizardPhase>('choose');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [uploaded, setUploaded] = useState(false);
  const [preview, setPreview] = useState<ImportResultFieldsFragment | null>(null);
  const [result, setResult] = useState<ImportResultFieldsFragment | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** A large import the server put on the queue, while the wizard follows it. */
  const [job, setJob] = useState<JobFieldsFragment | null>(null);
  /** The mapping the current preview was made with; edits after it need a new check. */
  const [checkedMapping, setCheckedMapping] = useState('');
  const abortRef = useRef<AbortController | null>(null);

  const rows = useMemo(
    () => ({
      people: preview ? mappingRows(preview.peopleFile) : [],
      responsibilities: preview?.responsibilitiesFile ? mappingRows(preview.responsibilitiesFile) : [],
    }),
    [preview],
  );

  const options = useCallback(
    (extra: Partial<ImportOptions> = {}): ImportOptions => {
      const peopleMap = toColumnMap(rows.people, overrides.people);
      const responsibilitiesMap = toColumnMap(rows.responsibilities, overrides.responsibilities);
      return {
        ...(asOf ? { asOf } : {}),
        ...(peopleMap.length ? { peopleMap } : {}),
        ...(responsibilitiesMap.length ? { responsibilitiesMap } : {}),
        ...(choices.allowMultipleRoots ? { allowMultipleRoots: true } : {}),
        ...(choices.jobShares ? { jobShares: true } : {}),
        ...extra,
      };
    },
    [rows, overrides, asOf, choices],
  );
  const columnMapKey = JSON.stringify([
    toColumnMap(rows.people, overrides.people),
    toColumnMap(rows.responsibilities, overrides.responsibilities),
  ]);
  // Everything the check depends on besides the files: a change means the preview is stale.
  const mappingKey = JSON.stringify([columnMapKey, choices, asOf]);
  const [checkedColumnMap, setCheckedColumnMap] = useState('');

  const send = useCallback(
    async (mode: 'preview' | 'commit', extra: Partial<ImportOptions> = {}) => {
      if (!files.people) {
        setError('Choose a people file first.');
        return null;
      }
      if (!organizationName.trim()) {
        setError('Enter the organization’s name.');
        return null;
      }
      abortRef.current?.abort();
      const controller = new AbortController();
      abortRef.current = controller;
      setError(null);
      setProgress({ loaded: 0, total: files.people.size + (files.responsibilities?.size ?? 0) });
      setUploaded(false);
      try {
        const document = mode === 'preview' ? PreviewImportDocument : CommitImportDocument;
        const data = await postMultipart(
          document,
          {
            organizationName: organizationName.trim(),
            people: files.people,
            responsibilities: files.responsibilities,
            options: options(extra),
          },
          { onProgress: setProgress, onUploaded: () => setUploaded(true), signal: controller.signal },
        );
        return data.result;
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : String(caught));
        return null;
      } finally {
        setProgress(null);
      }
    },
    [files, organizationName, options],
  );

  const check = useCallback(async () => {
    setPhase('checking');
    const outcome = await send('preview');
    if (outcome) {
      setPreview(outcome);
      setCheckedMapping(mappingKey);
      setCheckedColumnMap(columnMapKey);
    }
    setPhase(outcome ? 'checked' : preview ? 'checked' : 'choose');
  }, [send, mappingKey, columnMapKey, preview]);

  /** Follows a queued import until it is done; null (with the error shown) when it failed. */
  const untilImported = useCallback(
    async (queued: JobFieldsFragment): Promise<ImportResultFieldsFragment | null> => {
      const controller = new AbortController();
      abortRef.current = controller;
      setJob(queued);
      try {
        const done = await followJob(client, ImportJobDocument, queued.id, { onUpdate: setJob, signal: controller.signal });
        if (done.state === 'FAILED' || !done.importResult) {
          setError(`The import failed: ${done.error ?? 'no reason was given'}`);
          return null;
        }
        return done.importResult;
      } catch (caught) {
        if (!controller.signal.aborted) setError(caught instanceof Error ? caught.message : String(caught));
        return null;
      } finally {
        setJob(null);
      }
    },
    [client],
  );

  const commit = useCallback(
    async (allowDuplicate = false) => {
      setPhase('importing');
      const answer = await send('commit', allowDuplicate ? { allowDuplicate: true } : {});
      // Large files go to the queue: follow the job (any replica runs it) to the same outcome.
      const queued = answer && 'job' in answer ? (answer.job as JobFieldsFragment | null) : null;
      const outcome = queued ? await untilImported(queued) : answer;
      if (!outcome) {
        setPhase('checked');
        return;
      }
      setResult(outcome);
      if (outcome.ok && outcome.snapshotId) {
        // Organization lists and snapshot pickers must show the new version.
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'organizations' });
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'organization' });
        client.cache.gc();
        setPhase('imported');
      } else {
        // Rejected at commit (e.g. a duplicate): show why next to the preview.
        setPreview(outcome);
        setPhase(outcome.duplicateOfVersion ? 'imported' : 'checked');
      }
    },
    [send, client, untilImported],
  );

  /** Set while the as-of date was not chosen by hand, so a new people file may suggest its own. */
  const asOfChosenRef = useRef(false);

  const setFile = useCallback((kind: FileKind, file: File | null) => {
    setFilesState((current) => ({ ...current, [kind]: file }));
    setOverrides({ people: {}, responsibilities: {} });
    setChoices({ allowMultipleRoots: false, jobShares: false });
    setPreview(null);
    setResult(null);
    setPhase('choose');
    if (kind === 'people' && file && !asOfChosenRef.current) {
      void asOfFor(file).then(({ date, origin }) => {
        if (asOfChosenRef.current) return;
        setAsOfState(date);
        setAsOfOrigin(origin);
      });
    }
  }, []);

  const setAsOf = useCallback((date: string) => {
    asOfChosenRef.current = true;
    setAsOfState(date);
    setAsOfOrigin({ kind: 'chosen' });
  }, []);

  const setChoice = useCallback((choice: keyof ReadChoices, value: boolean) => {
    setChoices((current) => ({ ...current, [choice]: value }));
  }, []);

  const setOverride = useCallback((kind: FileKind, header: string, field: string) => {
    setOverrides((current) => ({ ...current, [kind]: { ...current[kind], [header]: field } }));
  }, []);

  const reset = useCallback(() => {
    setFilesState({ people: null, responsibilities: null });
    setOverrides({ people: {}, responsibilities: {} });
    setChoices({ allowMultipleRoots: false, jobShares: false });
    asOfChosenRef.current = false;
    setAsOfState(todayIso());
    setAsOfOrigin({ kind: 'today' });
    setPreview(null);
    setResult(null);
    setError(null);
    setPhase('choose');
  }, []);

  return {
    organizationName,
    setOrganizationName,
    asOf,
    setAsOf,
    asOfOrigin,
    choices,
    setChoice,
    files,
    setFile,
    overrides,
    setOverride,
    rows,
    phase,
    progress,
    uploaded,
    job,
    preview,
    result,
    error,
    mappingChanged: preview !== null && mappingKey !== checkedMapping,
    /** The columns changed since the check (not only a choice or the date). */
    columnsChanged: preview !== null && columnMapKey !== checkedColumnMap,
    check,
    commit,
    reset,
  };
}
