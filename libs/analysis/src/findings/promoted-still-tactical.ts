import type { PromotedStillTacticalFinding } from '@rolemap/domain';
import type { AnalysisContext, KnownPromotion } from '../context/analysis-context';
import { addMonths, monthsAgoText, monthsBetween } from '../dates/iso-dates';
import { carriedOverResponsibilities, clamp01 } from '../mix/position-mix';
import type { PositionNode } from '../snapshot/snapshot-index';
import { type AnalysisFinding, findingBase, pct, points, tierNoun, whoHolds, unclassifiedNote } from './finding-text';

/** Excess (or carried-over share) at which severity reaches its maximum. */
const SEVERITY_FULL_SCALE_POINTS = 50;

/**
 * A leader promoted within the window who still works like before: implementation share at
 * least `implementationExcessPoints` above their tier's expectation, or at least
 * `carriedOverSharePct` of their time on responsibilities held before the promotion.
 * Promotions within the IC tier are skipped: a senior engineer is still expected to build.
 * Severity: 0.4 + 0.6 × the larger of excess/50 and carried-over/50, so a case right at the
 * threshold is about 0.6 and one 50 points out is 1.
 */
export function promotedStillTacticalFor(
  node: PositionNode,
  context: AnalysisContext,
): AnalysisFinding<PromotedStillTacticalFinding> | null {
  const promotion = recentPromotionOf(node, context);
  if (!promotion) return null;
  const thresholds = context.policy.thresholds;
  const monthsAgo = monthsBetween(promotion.date, context.asOf);

  const mix = context.mixOf(node);
  const excess = mix.implementationExcess;
  const tooTactical = excess >= thresholds.implementationExcessPoints;
  const carriesTooMuch = mix.carriedOverPct > 0 && mix.carriedOverPct >= thresholds.carriedOverSharePct;
  if (!tooTactical && !carriesTooMuch) return null;

  const severity = 0.4 + 0.6 * clamp01(Math.max(excess, mix.carriedOverPct) / SEVERITY_FULL_SCALE_POINTS);
  const explanation = explain(node, context, promotion.date, promotion.source, monthsAgo, tooTactical);
  return {
    ...findingBase('PROMOTED_STILL_TACTICAL', node, severity, explanation),
    promotedOn: promotion.date,
    promotionSource: promotion.source,
    implementationPct: mix.actual.IMPLEMENTATION,
    expectedImplementationPct: mix.expected.IMPLEMENTATION,
    carriedOverPct: mix.carriedOverPct,
  };
}

/**
 * The promotion that puts a filled leadership post in scope of the rule: one within the window
 * (on or after the same day `promotionWindowMonths` before asOf, and not in the future), else null.
 */
export function recentPromotionOf(node: PositionNode, context: AnalysisContext): KnownPromotion | null {
  if (!node.person || node.position.tier === 'IC') return null;
  const promotion = context.promotionOf(node);
  if (!promotion) return null;
  const windowStart = addMonths(context.asOf, -context.policy.thresholds.promotionWindowMonths);
  if (promotion.date < windowStart || promotion.date > context.asOf) return null;
  return promotion;
}

export function promotedStillTacticalFindings(context: AnalysisContext): AnalysisFinding<PromotedStillTacticalFinding>[] {
  const findings: AnalysisFinding<PromotedStillTacticalFinding>[] = [];
  for (const node of context.index.nodes) {
    const finding = promotedStillTacticalFor(node, context);
    if (finding) findings.push(finding);
  }
  return findings;
}

function explain(
  node: PositionNode,
  context: AnalysisContext,
  promotedOn: string,
  source: PromotedStillTacticalFinding['promotionSource'],
  monthsAgo: number,
  tooTactical: boolean,
): string {
  const mix = context.mixOf(node);
  const who = whoHolds(node);
  const title = node.position.title;
  const promoted =
    source === 'SNAPSHOT_DIFF'
      ? `${who} moved up to ${title} between snapshots (seen on ${promotedOn}, ${monthsAgoText(monthsAgo)})`
      : `${who} was promoted to ${title} on ${promotedOn} (${monthsAgoText(monthsAgo)})`;
  const implementation = pct(mix.actual.IMPLEMENTATION);
  const expected = `${pct(mix.expected.IMPLEMENTATION)} expected of ${tierNoun(node.position.tier)}`;

  const carried = carriedOverResponsibilities(node.responsibilities, promotedOn)
    .slice()
    .sort((a, b) => b.sharePct - a.sharePct);
  const carriedList = carried.map((r) => `${r.title} (${pct(r.sharePct)})`).join(', ');
  const carriedSentence = `${pct(mix.carriedOverPct)} of their time goes to responsibilities they held before the promotion: ${carriedList}.`;

  const sentences: string[] = [];
  if (tooTactical) {
    sentences.push(
      `${promoted} but still spends ${implementation} of their time on implementation work, ${points(mix.implementationExcess)} above the ${expected}.`,
    );
    if (carried.length > 0) sentences.push(carriedSentence);
  } else {
    sentences.push(`${promoted} but ${carriedSentence.charAt(0).toLowerCase()}${carriedSentence.slice(1)}`);
    sentences.push(`Implementation work takes ${implementation} of their time (${expected}).`);
  }
  if (mix.allocatedPct < 100) sentences.push(`Their listed responsibilities cover ${pct(mix.allocatedPct)} of their time.`);
  const unclassified = unclassifiedNote(mix);
  if (unclassified) sentences.push(unclassified);
  return sentences.join(' ');
}
