import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * The open position lives in the URL (`?position=…`): a link to it opens the same card, and each
 * card opened is a history entry, so the back button goes back to the one before.
 */
export function usePositionParam(): [string | null, (positionId: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const positionId = params.get('position') || null;
  const setPositionId = useCallback(
    (next: string | null) => {
      // The same card again is no new step back.
      if (next === positionId) return;
      setParams((current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set('position', next);
        else updated.delete('position');
        return updated;
      });
    },
    [setParams, positionId],
  );
  return [positionId, setPositionId];
}
