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
 * are: being the only holder of some hands-on responsibility (nobody else in the snapshot has
 * one with the same words, see `titleSignature`), and having no successor (no peer under the
 * same manager and no direct report, at the same tier, holding any of the same hands-on work).
 * Only implementation work counts for both: coordinating and reporting duties, or mentoring,
 * are not the technical work that keeps someone pigeonholed.
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
  const yearsInRole = yearsInRoleOf(node, context);
  if (yearsInRole === null || !(yearsInRole >= thresholds.pigeonholeMinYearsInRole)) return null;
  const implementationPct = context.mixOf(node).actual.IMPLEMENTATION;
  if (implementationPct < thresholds.pigeonholeMinImplementationPct) return null;

  const handsOn = node.responsibilities.filter((r) => r.valueLevel === 'IMPLEMENTATION');
  const soleHolderOf = handsOn
    .filter((r) => {
      const signature = context.signatureOfTitle(r.title);
      return signature !== '' && context.holdersOfSignature(signature) === 1;
    })
    .map((r) => r.title);
  const sharedWork = handsOn.filter((r) => isSharedNearby(node, r.title, context)).map((r) => r.title);
  const hasSuccessor = sharedWork.length > 0;

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
      explain(
        node,
        rating,
        roundedYears,
        implementationPct,
        handsOn.length,
        soleHolderOf,
        sharedWork,
        unclassifiedNote(context.mixOf(node)),
      ),
    ),
    rating,
    yearsInRole: roundedYears,
    implementationPct,
    soleHolderOf,
    hasSuccessor,
    sharedWork,
  };
}

/** Years since the holder started the role or was last promoted (whichever is later); null without either date. */
export function yearsInRoleOf(node: PositionNode, context: AnalysisContext): number | null {
  const assignment = node.assignment;
  if (!assignment) return null;
  const inRoleSince = laterDate(
    laterDate(assignment.roleStartDate, assignment.lastPromotionDate),
    context.promotionOf(node)?.date,
  );
  return inRoleSince ? yearsBetween(inRoleSince, context.asOf) : null;
}

export function pigeonholingRiskFindings(context: AnalysisContext): AnalysisFinding<PigeonholingRiskFinding>[] {
  const findings: AnalysisFinding<PigeonholingRiskFinding>[] = [];
  for (const node of context.index.nodes) {
    const finding = pigeonholingRiskFor(node, context);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** Someone at the same tier, beside or directly below, also holds work with these words. */
function isSharedNearby(node: PositionNode, title: string, context: AnalysisContext): boolean {
  const signature = context.signatureOfTitle(title);
  if (signature === '') return false;
  const tier = node.position.tier;
  // The counts under the parent include this person, who holds the signature.
  if (node.parent && context.childrenHoldingSignature(node.parent, tier, signature) >= 2) return true;
  return context.childrenHoldingSignature(node, tier, signature) >= 1;
}

function explain(
  node: PositionNode,
  rating: number,
  yearsInRole: number,
  implementationPct: number,
  handsOnCount: number,
  soleHolderOf: readonly string[],
  sharedWork: readonly string[],
  unclassified: string | null,
): string {
  const quoted = (titles: readonly string[]) => listInWords(titles.map((title) => `"${title}"`));
  const sentences = [
    `${nameWithTitle(node)} is rated ${formatNumber(rating)}/5 and has been in the same role for ${formatNumber(yearsInRole)} years without a promotion, yet ${pct(implementationPct)} of their time still goes to implementation work.`,
  ];
  if (unclassified) sentences.push(unclassified);
  if (soleHolderOf.length > 0) {
    sentences.push(`They are the only person in the organisation doing ${quoted(soleHolderOf)}.`);
    sentences.push(
      sharedWork.length > 0
        ? `A peer or report at the same level shares some of their other hands-on work (${quoted(sharedWork)}), but nobody would be ready to take over the rest if they moved on.`
        : 'No peer or report at the same level does any of their hands-on work, so nobody is ready to take over if they move on.',
    );
  } else if (sharedWork.length === 0) {
    sentences.push(
      'No peer or report at the same level does any of their hands-on work, so nobody is ready to take over if they move on.',
    );
  } else {
    const all = sharedWork.length === handsOnCount;
    sentences.push(
      `A peer or report at the same level already does some of the same work (${quoted(sharedWork)}), so a move could be ${all ? 'covered' : 'partly covered'}.`,
    );
  }
  sentences.push(
    'High performers kept on the same hands-on work tend to leave; consider a stretch assignment or a path to promotion.',
  );
  return sentences.join(' ');
}
