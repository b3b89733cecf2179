import type { Finding, FindingKind, Tier } from '@rolemap/domain';
import type { PositionNode } from '../snapshot/snapshot-index';

/**
 * A finding as the analysis returns it: the domain fields plus the position's department,
 * so findings can be filtered and grouped without the snapshot at hand.
 */
export type AnalysisFinding<F extends Finding = Finding> = F & { department: string | null };

/**
 * `${kind}:${employeeId}`, or the post's externalId when it is vacant: stable across
 * snapshots, so a review given on one snapshot still applies to the next.
 */
export function findingKey(kind: FindingKind, node: PositionNode, suffix?: string): string {
  const who = node.person?.employeeId ?? node.position.externalId;
  return suffix === undefined ? `${kind}:${who}` : `${kind}:${who}:${suffix}`;
}

/** The fields every finding shares. */
export function findingBase<K extends FindingKind>(
  kind: K,
  node: PositionNode,
  severity: number,
  explanation: string,
  keySuffix?: string,
) {
  return {
    key: findingKey(kind, node, keySuffix),
    kind,
    severity: Math.round(Math.min(1, Math.max(0, severity)) * 100) / 100,
    employeeId: node.person?.employeeId ?? null,
    positionId: node.position.id,
    explanation,
    department: node.position.department,
  };
}

/** "Dana Reyes", or "The vacant Head of Sales post" when nobody holds it. */
export function whoHolds(node: PositionNode): string {
  return node.person?.name ?? `The vacant ${node.position.title} post`;
}

/** Sentence subject: "Dana Reyes (Director of Engineering)" or "The vacant Head of Sales post". */
export function subjectWithTitle(node: PositionNode): string {
  return node.person ? `${node.person.name} (${node.position.title})` : whoHolds(node);
}

/** "Dana Reyes (Director of Engineering)". */
export function nameWithTitle(node: PositionNode): string {
  return node.person ? `${node.person.name} (${node.position.title})` : `the vacant ${node.position.title} post`;
}

const TIER_NOUNS: Record<Tier, string> = {
  IC: 'an individual contributor',
  MANAGER: 'a manager',
  DIRECTOR: 'a director',
  EXECUTIVE: 'an executive',
};

/** "a director", "an executive". */
export function tierNoun(tier: Tier): string {
  return TIER_NOUNS[tier];
}

/** 45 → "45%", 12.5 → "12.5%". */
/**
 * The sentence a finding adds when part of the time could not be judged: the figures leave that
 * work out, so the reader must know it is there.
 */
export function unclassifiedNote(mix: { unclassifiedPct: number; unclassifiedCount: number }): string | null {
  if (mix.unclassifiedCount === 0) return null;
  const what =
    mix.unclassifiedCount === 1 ? 'a responsibility that needs' : `${mix.unclassifiedCount} responsibilities that need`;
  return `A further ${pct(mix.unclassifiedPct)} of their time is in ${what} review of its level and is not counted here.`;
}

export function pct(value: number): string {
  return `${formatNumber(value)}%`;
}

/** 35 → "35 points", 1 → "1 point". */
export function points(value: number): string {
  return `${formatNumber(value)} point${value === 1 ? '' : 's'}`;
}

export function formatNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
