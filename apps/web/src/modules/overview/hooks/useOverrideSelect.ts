import { useEffect, useRef, useState, type FormEvent } from 'react';

/**
 * A select of HR's override and its Apply/Save button: the choice being edited, the saving state
 * and the error of the last attempt. `applied` is what the server has ('' for no override);
 * the draft follows it whenever it (or `resetKey`) changes, e.g. after the refetch of a save.
 * `apply` gets null for "no override". Attach `selectRef` to the select.
 */
export function useOverrideSelect<Value extends string>(
  applied: Value | '',
  apply: (value: Value | null) => Promise<unknown>,
  resetKey?: unknown,
) {
  const selectRef = useRef<HTMLSelectElement>(null);
  const [draft, setDraft] = useState<Value | ''>(applied);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setDraft(applied), [applied, resetKey]);
  // The select is disabled while saving, which drops its focus: give it back to keyboard users.
  const wasSaving = useRef(false);
  useEffect(() => {
    if (wasSaving.current && !saving) selectRef.current?.focus();
    wasSaving.current = saving;
  }, [saving]);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await apply(draft || null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  };

  return { selectRef, draft, setDraft, saving, error, changed: draft !== applied, submit };
}
