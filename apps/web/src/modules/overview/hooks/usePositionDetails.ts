import { useQuery } from '@apollo/client/react';
import { RESPONSIBILITY_LEVELS, type ResponsibilityLevel } from '@rolemap/domain';
import { useMemo } from 'react';
import type { PositionDetailsQuery } from '../../../gql/graphql';
import { PositionDetailsDocument } from '../graphql/overview.graphql';

type Position = PositionDetailsQuery['position'];
export type ResponsibilityRow = Position['responsibilities'][number] & { carriedOver: boolean };
export type LevelGroup = { level: ResponsibilityLevel; sharePct: number; items: ResponsibilityRow[] };

/**
 * A responsibility is carried over when the person held it before their last promotion:
 * the same rule the analysis uses for "promoted, still tactical".
 */
export function isCarriedOver(heldSince: string | null, lastPromotionDate: string | null | undefined): boolean {
  return !!heldSince && !!lastPromotionDate && heldSince < lastPromotionDate;
}

export function groupResponsibilities(position: Position): LevelGroup[] {
  const promoted = position.assignment?.lastPromotionDate;
  // UNCLASSIFIED last: work that needs review is listed, not hidden.
  return RESPONSIBILITY_LEVELS.map((level) => {
    const items = position.responsibilities
      .filter((item) => item.valueLevel === level)
      .map((item) => ({ ...item, carriedOver: isCarriedOver(item.heldSince, promoted) }));
    return { level, items, sharePct: items.reduce((sum, item) => sum + item.sharePct, 0) };
  }).filter((group) => group.items.length > 0);
}

export function usePositionDetails(positionId: string | null) {
  const { data, loading, error, refetch } = useQuery(PositionDetailsDocument, {
    variables: { id: positionId ?? '' },
    skip: !positionId,
  });
  const position = data?.position ?? null;
  const groups = useMemo(() => (position ? groupResponsibilities(position) : []), [position]);
  const delegations = useMemo(
    () => (position?.findings ?? []).filter((finding) => finding.kind === 'DELEGATION_GAP' && finding.responsibility),
    [position],
  );
  return { position, groups, delegations, loading, error, refetch };
}
