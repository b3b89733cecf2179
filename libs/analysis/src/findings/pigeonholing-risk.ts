import type { PigeonholingRiskFinding } from '@rolemap/domain';
import type { AnalysisContext } from '../context/analysis-context';
import { laterDate, yearsBetween } from '../dates/iso-dates';
import { clamp01 } from '../mix/position-mix';
import type { PositionNode } from '../snapshot/snapshot-index';
import {
  type AnalysisFinding,
  findingBase,
  formatNumber,
  listInWords,
  nameWithTitle,
  pct,
  unclassifiedNote,
} from './finding-text';

/**
 * A high performer kept on hands-on work: rating at least `pigeonholeMinRating`, at least
 * `pigeonholeMinYearsInRole` years since they started the role or were last promoted
 * (whichever is later), and at least `pigeonholeMinImplementationPct` of their time on
 * implementation. Mostly individual contributors, by construction.
 *
 * Two things make it worse, because they make the organisation keep the person where they
 * are: being the only holder of some responsibility (nobody else in the snapshot has one
 * with the same words, see `titleSignature`), and having no successor (no peer under the
 * same manager and no direct report, at the same tier, holding any of the same work).
 *
 * Severity: 0.4, + 0.2 if sole holder, + 0.2 if no successor, + 0.1 at the top rating (5),
 * + up to 0.1 as the time in role grows to twice the threshold.
 */
export function pigeonholingRiskFor(
  node: PositionNode,
  context: AnalysisContext,
): AnalysisFinding<PigeonholingRiskFinding> | null {
  const { person, assignment } = node;
  if (!person || !assignment) return null;
  const thresholds = context.policy.thresholds;
  const rating = assignment.performanceRating;
  if (rating === null || rating < thresholds.pigeonholeMinRating) return null;
  const inRoleSince = laterDate(
    laterDate(assignment.roleStartDate, assignment.lastPromotionDate),
    context.promotionOf(node)?.date,
  );
  if (!inRoleSince) return null;
  const yearsInRole = yearsBetween(inRoleSince, context.asOf);
  if (!(yearsInRole >= thresholds.pigeonholeMinYearsInRole)) return null;
  const implementationPct = context.mixOf(node).actual.IMPLEMENTATION;
  if (implementationPct < thresholds.pigeonholeMinImplementationPct) return null;

  const soleHolderOf = node.responsibilities
    .filter((r) => {
      const signature = context.signatureOfTitle(r.title);
      return signature !== '' && context.holdersOfSignature(signature) === 1;
    })
    .map((r) => r.title);
  const hasSuccessor = hasPossibleSuccessor(node, context);

  const minYears = Math.max(thresholds.pigeonholeMinYearsInRole, 0.5);
  const severity =
    0.4 +
    (soleHolderOf.length > 0 ? 0.2 : 0) +
    (hasSuccessor ? 0 : 0.2) +
    (rating >= 5 ? 0.1 : 0) +
    0.1 * clamp01((yearsInRole - minYears) / minYears);
  const roundedYears = Math.round(yearsInRole * 10) / 10;
  return {
    ...findingBase(
      'PIGEONHOLING_RISK',
      node,
      severity,
      explain(node, rating, roundedYears, implementationPct, soleHolderOf, hasSuccessor, unclassifiedNote(context.mixOf(node))),
    ),
    rating,
    yearsInRole: roundedYears,
    implementationPct,
    soleHolderOf,
    hasSuccessor,
  };
}

export function pigeonholingRiskFindings(context: AnalysisContext): AnalysisFinding<PigeonholingRiskFinding>[] {
  const findings: AnalysisFinding<PigeonholingRiskFinding>[] = [];
  for (const node of context.index.nodes) {
    const finding = pigeonholingRiskFor(node, context);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** Someone at the same tier, beside or directly below, already doing some of the same work. */
function hasPossibleSuccessor(node: PositionNode, context: AnalysisContext): boolean {
  const tier = node.position.tier;
  const signatures = new Set(node.responsibilities.map((r) => context.signatureOfTitle(r.title)).filter((s) => s !== ''));
  for (const signature of signatures) {
    // The counts under the parent include this person, who holds the signature.
    if (node.parent && context.childrenHoldingSignature(node.parent, tier, signature) >= 2) return true;
    if (context.childrenHoldingSignature(node, tier, signature) >= 1) return true;
  }
  return false;
}

function explain(
  node: PositionNode,
  rating: number,
  yearsInRole: number,
  implementationPct: number,
  soleHolderOf: readonly string[],
  hasSuccessor: boolean,
  unclassified: string | null,
): string {
  const sentences = [
    `${nameWithTitle(node)} is rated ${formatNumber(rating)}/5 and has been in the same role for ${formatNumber(yearsInRole)} years without a promotion, yet ${pct(implementationPct)} of their time still goes to implementation work.`,
  ];
  if (unclassified) sentences.push(unclassified);
  if (soleHolderOf.length > 0) {
    sentences.push(
      `They are the only person in the organisation doing ${listInWords(soleHolderOf.map((title) => `"${title}"`))}.`,
    );
  }
  sentences.push(
    hasSuccessor
      ? 'A peer or report at the same level already does some of the same work, so a move could be covered.'
      : 'No peer or report at the same level does similar work, so nobody is ready to take over if they move on.',
  );
  sentences.push(
    'High performers kept on the same hands-on work tend to leave; consider a stretch assignment or a path to promotion.',
  );
  return sentences.join(' ');
}
