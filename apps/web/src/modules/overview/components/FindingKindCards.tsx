import { BADGES, type BadgeKind } from '@rolemap/web-org-chart';
import { FINDING_KINDS, type FindingKind } from '@rolemap/domain';
import { findingKindLabel } from '../../shared/utils/format';

type Props = {
  counts: readonly { kind: FindingKind; count: number }[];
  selectedKind: FindingKind | null;
  onToggle: (kind: FindingKind) => void;
};

const DESCRIPTIONS: Record<FindingKind, string> = {
  PROMOTED_STILL_TACTICAL: BADGES.PROMOTED_STILL_TACTICAL.description,
  DELEGATION_GAP: BADGES.DELEGATION_GAP.description,
  PIGEONHOLING_RISK: BADGES.PIGEONHOLING_RISK.description,
  SPAN_OF_CONTROL: 'Leaders with too few or too many direct reports',
  LAYERS: 'Reporting lines deeper than the policy allows',
};

/** One card per finding kind; pressing one highlights its positions in the chart. */
export function FindingKindCards({ counts, selectedKind, onToggle }: Props) {
  return (
    <ul className="kind-cards" aria-label="Findings by kind">
      {FINDING_KINDS.map((kind) => {
        const count = counts.find((entry) => entry.kind === kind)?.count ?? 0;
        const badge = kind in BADGES ? BADGES[kind as BadgeKind] : null;
        return (
          <li key={kind}>
            <button
              type="button"
              className="kind-card"
              aria-pressed={selectedKind === kind}
              onClick={() => onToggle(kind)}
              data-kind={kind}
            >
              <span className="kind-card__head">
                {badge && (
                  <span className="badge-pill" style={{ background: badge.color }} aria-hidden="true">
                    {badge.short}
                  </span>
                )}
                <span className="kind-card__label">{findingKindLabel(kind)}</span>
              </span>
              <span className="kind-card__count">{count}</span>
              <span className="kind-card__description">{DESCRIPTIONS[kind]}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
