import {
  FINDING_KIND_LABELS,
  FINDING_KINDS,
  type FindingKind,
  HIGH_SEVERITY,
  MEDIUM_SEVERITY,
  SEVERITY_MEANINGS,
} from '@rolemap/domain';
import { LAYERS_MAX_SEVERITY } from './layers';
import { SPAN_MAX_SEVERITY } from './span-of-control';

/**
 * How each rule computes its severity, in words, for the appendix of a report. Kept beside the
 * rules (each rule's doc comment gives the same formula) and built from their constants.
 */
export const SEVERITY_RULES: Readonly<Record<FindingKind, string>> = {
  PROMOTED_STILL_TACTICAL:
    '0.4 + 0.6 × the larger of the implementation share above the tier’s expectation and the share of time carried over from before the promotion, ' +
    'each over 50 points (at most 1): a case right at the threshold is about 0.6, one 50 points out is 1.',
  DELEGATION_GAP:
    '0.3 + 0.5 × the responsibility’s share of time over 40% (at most 0.5) + 0.1 per tier above manager: ' +
    'a manager’s 5% task is about 0.36, a director’s 20% task 0.65, an executive’s 40% task 1.',
  PIGEONHOLING_RISK:
    '0.4, + 0.2 when they are the only person doing some of their hands-on work, + 0.2 when no peer or report at their level does any of it, ' +
    '+ 0.1 at the top rating, + up to 0.1 as the time in role grows to twice the policy’s minimum.',
  SPAN_OF_CONTROL: `0.2 for a narrow span; a wide span rises from 0.2 to ${SPAN_MAX_SEVERITY} as it reaches twice the policy’s limit. Spans are about the chart’s shape, never above ${SPAN_MAX_SEVERITY}.`,
  LAYERS: `0.2 + 0.05 per layer over the policy’s limit, at most ${LAYERS_MAX_SEVERITY}: layers are about the chart’s shape.`,
};

export interface SeverityBand {
  label: 'High' | 'Medium' | 'Low';
  /** "0.70 and above", "0.40 to 0.69", "below 0.40". */
  range: string;
  meaning: string;
}

/** Severity runs from 0 (for information) to 1 (urgent); these are the three bands reports show. */
export const SEVERITY_BANDS: readonly SeverityBand[] = [
  { label: 'High', range: `${HIGH_SEVERITY.toFixed(2)} and above`, meaning: SEVERITY_MEANINGS.High },
  {
    label: 'Medium',
    range: `${MEDIUM_SEVERITY.toFixed(2)} to ${(HIGH_SEVERITY - 0.01).toFixed(2)}`,
    meaning: SEVERITY_MEANINGS.Medium,
  },
  { label: 'Low', range: `below ${MEDIUM_SEVERITY.toFixed(2)}`, meaning: SEVERITY_MEANINGS.Low },
];

/** The severity rules in finding-kind order, with their labels. */
export function severityRules(): Array<{ kind: FindingKind; label: string; rule: string }> {
  return FINDING_KINDS.map((kind) => ({ kind, label: FINDING_KIND_LABELS[kind], rule: SEVERITY_RULES[kind] }));
}
