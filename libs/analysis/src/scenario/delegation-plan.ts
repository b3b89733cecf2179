import { DomainError, type DelegationGapFinding, type MoveResponsibilityEdit } from '@rolemap/domain';
import type { SnapshotIndex } from '../snapshot/snapshot-index';

/**
 * The edits that carry out a delegation gap's suggestion: the leader hands the task to the
 * suggested delegate, who hands on what the suggestion says they would (its hand-off chain).
 * With `delegate` (an externalId the leader picked instead), the task alone goes to that person:
 * the suggested chain was worked out for someone else.
 */
export function delegationPlanEdits(
  index: SnapshotIndex,
  finding: DelegationGapFinding,
  delegate?: string | null,
): MoveResponsibilityEdit[] {
  const leader = index.node(finding.positionId);
  if (!leader) throw new DomainError('NOT_FOUND', `The finding's leader is not in this snapshot`);
  const from = leader.position.externalId;
  const picked = delegate?.trim() || null;
  if (picked) {
    return [
      { kind: 'MOVE_RESPONSIBILITY', from, responsibility: finding.responsibility, to: picked, sharePct: finding.sharePct },
    ];
  }
  const suggested = finding.delegatePositionId ? index.node(finding.delegatePositionId) : undefined;
  if (!suggested) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `Nobody is suggested for "${finding.responsibility}" (${finding.nextStep ?? finding.noDelegateReason ?? 'no delegate'}): pick the delegate`,
    );
  }
  const edits: MoveResponsibilityEdit[] = [];
  // The chain runs hand-offs first (each makes room for the step before), then the task itself.
  for (const handOff of [...finding.handOffs].reverse()) {
    const giver = index.node(handOff.fromPositionId);
    const taker = index.node(handOff.toPositionId);
    if (!giver || !taker) continue;
    edits.push({
      kind: 'MOVE_RESPONSIBILITY',
      from: giver.position.externalId,
      responsibility: handOff.responsibility,
      to: taker.position.externalId,
      sharePct: handOff.sharePct,
    });
  }
  edits.push({
    kind: 'MOVE_RESPONSIBILITY',
    from,
    responsibility: finding.responsibility,
    to: suggested.position.externalId,
    sharePct: finding.sharePct,
  });
  return edits;
}
