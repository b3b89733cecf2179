import { type ResponsibilityLevel, UNCLASSIFIED, type ValueLevel } from '@rolemap/domain';
import {
  type Classification,
  type ResponsibilityClassifier,
  UNCLASSIFIED_REASON_TEXT,
  type UnclassifiedReason,
  createClassifier,
} from '../classify/classify-responsibility';
import { confirmedTextKey } from '../classify/nlp/normalise-statement';
import { classifiedTextOf } from '../snapshot/snapshot-from-records';
import type { SnapshotIndex } from '../snapshot/snapshot-index';

/**
 * Levels the classifier committed to below this calibrated confidence are listed for review
 * beside the UNCLASSIFIED ones: right most of the time, but the band where its mistakes are.
 */
export const REVIEW_BELOW_CONFIDENCE = 0.8;
/** Positions named per group; the count says how many there are in all. */
export const REVIEW_SAMPLE_POSITIONS = 5;

export interface ReviewSamplePosition {
  positionId: string;
  /** Null for a vacant post. */
  employeeId: string | null;
  name: string | null;
  title: string;
  department: string | null;
  sharePct: number;
}

/** Every responsibility of a snapshot with the same wording (by `confirmedTextKey`) awaiting review. */
export interface ReviewGroup {
  /**
   * `confirmedTextKey` of the wording, what a confirmation names; for a text without words,
   * `unreadable:` and the text (such keys never hold a colon otherwise).
   */
  key: string;
  /** The responsibility as written (its first holder's spelling). */
  text: string;
  description: string | null;
  /** Responsibilities in the group. */
  count: number;
  /** Of them, held by vacant posts (no one to key a per-person override on; the confirmed wording covers them). */
  vacantCount: number;
  /** Their time added up, in percent of one person. */
  totalSharePct: number;
  /** UNCLASSIFIED, or the level committed with low confidence. */
  level: ResponsibilityLevel;
  suggestedLevel: ValueLevel | null;
  confidence: number;
  runnerUp: ValueLevel | null;
  runnerUpConfidence: number;
  decidingWords: string[];
  reason: UnclassifiedReason | null;
  /** Why it is listed, in words. */
  reasonText: string;
  samplePositions: ReviewSamplePosition[];
  /** Ids of every responsibility in the group (what a confirmation overrides). */
  responsibilityIds: string[];
}

export interface ReviewQueue {
  /** Responsibilities listed (the sum of the groups' counts). */
  responsibilityCount: number;
  unclassifiedCount: number;
  lowConfidenceCount: number;
  /** Most responsibilities first, then by wording. */
  groups: ReviewGroup[];
}

export interface ReviewQueueOptions {
  /** Committed levels below this confidence are listed too (default REVIEW_BELOW_CONFIDENCE; 0 lists UNCLASSIFIED only). */
  belowConfidence?: number;
  /** Reused across calls to read each distinct text once. */
  classifier?: ResponsibilityClassifier;
}

/**
 * Every responsibility of the analysed snapshot the classifier abstained on, or committed to
 * with low confidence, grouped by identical (normalised) wording, so HR settles each wording
 * once. Levels given in the file or set by HR are never listed. Each group carries what the
 * classifier read from the text (suggestion, runner-up, deciding words, reason).
 */
export function buildReviewQueue(index: SnapshotIndex, options: ReviewQueueOptions = {}): ReviewQueue {
  const belowConfidence = options.belowConfidence ?? REVIEW_BELOW_CONFIDENCE;
  const classifier = options.classifier ?? createClassifier();
  const groups = new Map<string, ReviewGroup>();
  const keyOfText = new Map<string, string>();
  let unclassifiedCount = 0;
  let lowConfidenceCount = 0;
  for (const responsibility of index.snapshot.responsibilities) {
    const unclassified = responsibility.valueLevel === UNCLASSIFIED;
    const unsure =
      !unclassified &&
      responsibility.valueLevelSource === 'CLASSIFIED' &&
      responsibility.classificationConfidence < belowConfidence;
    if (!unclassified && !unsure) continue;
    if (unclassified) unclassifiedCount++;
    else lowConfidenceCount++;
    const text = classifiedTextOf(responsibility.title, responsibility.description);
    let key = keyOfText.get(text);
    if (key === undefined) {
      key = confirmedTextKey(text);
      keyOfText.set(text, key);
    }
    // Texts without words (empty, emoji) all have the empty key: each keeps a group of its own.
    const groupKey = key === '' ? unreadableGroupKey(text) : key;
    let group = groups.get(groupKey);
    if (!group) {
      group = newGroup(
        groupKey,
        responsibility.title,
        responsibility.description,
        responsibility.valueLevel,
        classifier.classify(text),
      );
      groups.set(groupKey, group);
    }
    const node = index.node(responsibility.positionId);
    group.count++;
    group.totalSharePct += responsibility.sharePct;
    group.responsibilityIds.push(responsibility.id);
    if (node?.position.vacant) group.vacantCount++;
    if (group.samplePositions.length < REVIEW_SAMPLE_POSITIONS && node) {
      group.samplePositions.push({
        positionId: node.position.id,
        employeeId: node.position.vacant ? null : node.position.externalId,
        name: node.person?.name ?? null,
        title: node.position.title,
        department: node.position.department,
        sharePct: responsibility.sharePct,
      });
    }
  }
  const sorted = Array.from(groups.values()).sort(
    (a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  );
  for (const group of sorted) group.totalSharePct = Math.round(group.totalSharePct * 10) / 10;
  return { responsibilityCount: unclassifiedCount + lowConfidenceCount, unclassifiedCount, lowConfidenceCount, groups: sorted };
}

/** The key of a wording with no words to remember it by; not a confirmed wording key. */
export function unreadableGroupKey(text: string): string {
  return `${UNREADABLE_KEY_PREFIX}${text.trim()}`;
}

export const UNREADABLE_KEY_PREFIX = 'unreadable:';

function newGroup(
  key: string,
  text: string,
  description: string | null,
  level: ResponsibilityLevel,
  classification: Classification,
): ReviewGroup {
  const reasonText =
    level === UNCLASSIFIED
      ? classification.reason
        ? UNCLASSIFIED_REASON_TEXT[classification.reason]
        : 'left for review when it was imported'
      : `classified ${level} with only ${Math.round(classification.confidence * 100)}% confidence`;
  return {
    key,
    text,
    description,
    count: 0,
    vacantCount: 0,
    totalSharePct: 0,
    level,
    suggestedLevel: classification.suggestedLevel,
    confidence: classification.confidence,
    runnerUp: classification.runnerUp,
    runnerUpConfidence: classification.runnerUpConfidence,
    decidingWords: classification.decidingWords,
    reason: level === UNCLASSIFIED ? classification.reason : null,
    reasonText,
    samplePositions: [],
    responsibilityIds: [],
  };
}
