import type { FindingKind, Tier, ValueLevel } from '@rolemap/domain';
import { interpolateLab } from 'd3-interpolate';
import { scaleLinear } from 'd3-scale';

// Kept local: the domain is imported for types only, so this lib adds no runtime dependency on it.
export const CHART_VALUE_LEVELS: readonly ValueLevel[] = ['IMPLEMENTATION', 'UNIFICATION', 'COMMUNICATION', 'LEADERSHIP'];

/** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies; warm = tactical, cool = strategic. */
export const VALUE_LEVEL_COLORS: Record<ValueLevel, string> = {
  IMPLEMENTATION: '#D55E00',
  UNIFICATION: '#E69F00',
  COMMUNICATION: '#56B4E9',
  LEADERSHIP: '#0072B2',
};

export const VALUE_LEVEL_NAMES: Record<ValueLevel, string> = {
  IMPLEMENTATION: 'Implementation',
  UNIFICATION: 'Unification',
  COMMUNICATION: 'Communication',
  LEADERSHIP: 'Leadership',
};

export const TIER_NAMES: Record<Tier, string> = {
  IC: 'Individual contributor',
  MANAGER: 'Manager',
  DIRECTOR: 'Director',
  EXECUTIVE: 'Executive',
};

export const TIER_SHORT: Record<Tier, string> = {
  IC: 'IC',
  MANAGER: 'Manager',
  DIRECTOR: 'Director',
  EXECUTIVE: 'Executive',
};

/** How the chart words what decided a tier. */
export const TIER_SOURCE_TEXT: Record<string, string> = {
  OVERRIDE: 'set by HR',
  GRADE: 'from the grade',
  TITLE: 'from the job title',
  STRUCTURE: 'from the reporting lines',
};

/** "Director (from the grade)", or the tier alone when the source is not known. */
export function tierWithSource(tier: string, source: string | undefined): string {
  const name = TIER_NAMES[tier as Tier] ?? tier;
  const why = source ? TIER_SOURCE_TEXT[source] : undefined;
  return why ? `${name} (${why})` : name;
}

export type BadgeKind = Extract<FindingKind, 'PROMOTED_STILL_TACTICAL' | 'DELEGATION_GAP' | 'PIGEONHOLING_RISK'>;

export interface BadgeMeta {
  /** Two letters that fit a 26px pill. */
  short: string;
  label: string;
  description: string;
  color: string;
}

/** Badge colours are dark enough for white text (contrast ≥ 4.5:1). */
export const BADGES: Record<BadgeKind, BadgeMeta> = {
  PROMOTED_STILL_TACTICAL: {
    short: 'PT',
    label: 'Promoted, still tactical',
    description: 'Promoted recently but still spends most time on the previous role\u2019s work',
    color: '#7B2D8E',
  },
  DELEGATION_GAP: {
    short: 'DG',
    label: 'Delegation gap',
    description: 'Does work that someone in the team could take over',
    color: '#8A4B00',
  },
  PIGEONHOLING_RISK: {
    short: 'PR',
    label: 'Pigeonholing risk',
    description: 'Strong performer kept in the same tactical role for years',
    color: '#1F4E79',
  },
};

export const BADGE_KINDS = Object.keys(BADGES) as BadgeKind[];

export function isBadgeKind(kind: FindingKind): kind is BadgeKind {
  return kind in BADGES;
}

/** Tactical gap stops: green (at level) → amber → red (far below level). */
export const TACTICAL_GAP_STOPS: readonly [number, string][] = [
  [0, '#1A9850'],
  [0.5, '#F0A202'],
  [1, '#D73027'],
];

const gapScale = scaleLinear<string>()
  .domain(TACTICAL_GAP_STOPS.map(([stop]) => stop))
  .range(TACTICAL_GAP_STOPS.map(([, color]) => color))
  .interpolate(interpolateLab)
  .clamp(true);

function clampGap(gap: number): number {
  return Number.isFinite(gap) ? Math.min(1, Math.max(0, gap)) : 0;
}

/** Border colour of a card. */
export function tacticalGapColor(gap: number): string {
  return gapScale(clampGap(gap));
}

/** Card background: a light tint of the border colour so dark text keeps a high contrast. */
export function tacticalGapTint(gap: number): string {
  return interpolateLab('#ffffff', tacticalGapColor(gap))(0.16);
}

/** Cards without data: neutral grey, never a point on the green → red gap scale. */
export const NO_DATA_COLOR = '#6B7280';
export const NO_DATA_TINT = '#F3F4F6';
export const NO_DATA_LABEL = 'no data';

/** Absent means the data came from a source that always has it (older callers, tests). */
export function hasDataOf(node: { hasData?: boolean }): boolean {
  return node.hasData !== false;
}

export const TEXT_COLOR = '#111827';
export const MUTED_TEXT_COLOR = '#374151';
export const LINK_COLOR = '#9CA3AF';
export const SELECTED_COLOR = '#1D4ED8';
export const HIGHLIGHT_COLOR = '#C026D3';

/** Counts badge kinds once each, in a fixed order (other finding kinds have no badge). */
export function badgeCounts(kinds: readonly string[]): [BadgeKind, number][] {
  const counts = new Map<BadgeKind, number>();
  for (const kind of kinds) {
    if (isBadgeKind(kind as BadgeKind)) counts.set(kind as BadgeKind, (counts.get(kind as BadgeKind) ?? 0) + 1);
  }
  return (Object.keys(BADGES) as BadgeKind[]).filter((kind) => counts.has(kind)).map((kind) => [kind, counts.get(kind)!]);
}
