import type { DelegationChainFieldsFragment } from '../../../gql/graphql';
import { formatPct } from '../../shared/utils/format';

type Props = {
  responsibility: string;
  sharePct: number;
  chain: DelegationChainFieldsFragment;
};

const OUTCOME_TEXT = {
  DELEGATE_HAS_ROOM: 'has the time for it',
  DELEGATE_MAKES_ROOM: 'makes room by handing work on',
  PEER_TEAM: 'in a peer team: agree it with their leader',
  NO_ROOM: 'nobody has the time, even by passing work on: hire or re-scope',
  NO_DELEGATE: 'nobody in the team fits',
} as const;

/** A delegation gap's way out, step by step: who takes it, who they hand their own work to, what to do next. */
export function DelegationChain({ responsibility, sharePct, chain }: Props) {
  if (!chain.outcome) return null;
  return (
    <div className="delegation-chain small" aria-label={`How “${responsibility}” could be handed over`}>
      <p className="delegation-chain__fit">
        {chain.bestFitName ? (
          <>
            Best fit: <strong>{chain.bestFitName}</strong>
            {chain.bestFitEmployeeId && <span className="muted"> ({chain.bestFitEmployeeId})</span>} —{' '}
            {OUTCOME_TEXT[chain.outcome]}
          </>
        ) : (
          <>No delegate — {OUTCOME_TEXT[chain.outcome]}</>
        )}
      </p>
      {chain.handOffs && chain.handOffs.length > 0 && (
        <ol className="delegation-chain__steps" aria-label="Hand-offs">
          <li>
            {chain.bestFitName} takes over “{responsibility}” ({formatPct(sharePct)})
          </li>
          {chain.handOffs.map((handOff) => (
            <li key={`${handOff.fromEmployeeId}-${handOff.responsibility}`}>
              {handOff.fromName} hands “{handOff.responsibility}” ({formatPct(handOff.sharePct)}) to {handOff.toName}
            </li>
          ))}
        </ol>
      )}
      {chain.nextStep && (
        <p className="delegation-chain__next">
          <strong>Next step:</strong> {chain.nextStep}
        </p>
      )}
    </div>
  );
}
