import type { ScenarioScoreFieldsFragment, ScenarioStatus } from '../../../gql/graphql';
import { findingKindLabel, tierLabel } from '../../shared/utils/format';

/** Which way a figure should move for the scenario to be an improvement. */
type Better = 'lower' | 'higher' | 'none';

export type FigureRow = {
  key: string;
  label: string;
  before: number | null;
  after: number | null;
  /** after − before; null when either is unknown. */
  delta: number | null;
  /** True when the change is an improvement, false when it is a step back, null when neutral or unchanged. */
  improves: boolean | null;
  unit: '%' | 'pts' | '';
};

type BeforeAfter = { before: number | null; after: number | null };

function row(key: string, label: string, value: BeforeAfter, better: Better, unit: FigureRow['unit']): FigureRow {
  const { before, after } = value;
  const delta = before === null || after === null ? null : round1(after - before);
  const improves = delta === null || delta === 0 || better === 'none' ? null : better === 'lower' ? delta < 0 : delta > 0;
  return { key, label, before, after, delta, improves, unit };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The headline figures of a score, each with its before, after and whether the change helps. */
export function headlineFigures(score: ScenarioScoreFieldsFragment): FigureRow[] {
  return [
    row('findings', 'Findings', score.findingCount, 'lower', ''),
    row('below-level', 'Leaders’ time below level', score.leaderTimeBelowLevelPct, 'lower', '%'),
    row('tactical-load', 'Leaders’ tactical load', score.leaderTacticalLoadPct, 'lower', '%'),
    row('over-capacity', 'People over capacity', score.overCapacity, 'lower', ''),
    row('mean-span', 'Mean span', score.meanSpan, 'none', ''),
    row('max-span', 'Widest span', score.maxSpan, 'none', ''),
    row('layers', 'Layers', score.layers, 'lower', ''),
  ];
}

/** Findings per kind, only the kinds present before or after. */
export function findingKindFigures(score: ScenarioScoreFieldsFragment): FigureRow[] {
  return score.findingsByKind
    .filter((item) => (item.before ?? 0) > 0 || (item.after ?? 0) > 0)
    .map((item) => row(`kind-${item.kind}`, findingKindLabel(item.kind), item, 'lower', ''));
}

/** Mean tactical gap (implementation points above expectation) per tier with data. */
export function tierGapFigures(score: ScenarioScoreFieldsFragment): FigureRow[] {
  return score.tacticalGapByTier
    .filter((item) => item.before !== null || item.after !== null)
    .map((item) => row(`tier-${item.tier}`, tierLabel(item.tier), item, 'lower', 'pts'));
}

/** Every figure of a score in one list (what compare lays side by side). */
export function allFigures(score: ScenarioScoreFieldsFragment): FigureRow[] {
  return [...headlineFigures(score), ...findingKindFigures(score), ...tierGapFigures(score)];
}

export type ComparisonRow = {
  key: string;
  label: string;
  unit: FigureRow['unit'];
  base: number | null;
  cells: (FigureRow | null)[];
};

/**
 * Figures of several scenarios side by side: one row per figure any of them has, one cell per
 * scenario. Scenarios over different snapshots have different "before"s: each cell keeps its own,
 * the row's base is the first scenario's.
 */
export function comparisonRows(scores: readonly ScenarioScoreFieldsFragment[]): ComparisonRow[] {
  const perScore = scores.map((score) => new Map(allFigures(score).map((figure) => [figure.key, figure])));
  const order: FigureRow[] = [];
  const seen = new Set<string>();
  for (const figures of perScore) {
    for (const figure of figures.values()) {
      if (!seen.has(figure.key)) {
        seen.add(figure.key);
        order.push(figure);
      }
    }
  }
  return order.map((first) => ({
    key: first.key,
    label: first.label,
    unit: first.unit,
    base: perScore.find((figures) => figures.has(first.key))!.get(first.key)!.before,
    cells: perScore.map((figures) => figures.get(first.key) ?? null),
  }));
}

export function formatFigure(value: number | null, unit: FigureRow['unit']): string {
  if (value === null) return '—';
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return unit === '%' ? `${text}%` : unit === 'pts' ? `${text} pts` : text;
}

export function formatDelta(delta: number | null, unit: FigureRow['unit']): string {
  if (delta === null || delta === 0) return '±0';
  return `${delta > 0 ? '+' : '−'}${formatFigure(Math.abs(delta), unit)}`;
}

export const STATUS_LABELS: Record<ScenarioStatus, string> = {
  DRAFT: 'Draft',
  PROPOSED: 'Proposed',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
};
