import { contentStems } from '@rolemap/analysis';
import type { ResponsibilityLevel } from '@rolemap/domain';
import type { SurveyActivity, SurveyAnswers, SurveyLine } from '@rolemap/surveys';

/** A piece of work a person has on record (a snapshot's responsibility), as a form can start from it. */
export interface WorkOnRecord {
  title: string;
  valueLevel: ResponsibilityLevel;
  sharePct: number;
}

/** Content words two wordings must share before an activity stands for a piece of work… */
export const MIN_SHARED_WORDS = 2;
/** …and how alike they must be: shared words over the words of both (Dice), so two common words in long wordings do not match. */
export const MIN_LIKENESS = 0.5;

/** Content words, stemmed as the classifier stems them ("reports" meets "report", "planning" meets "plan"). */
function contentWords(text: string): Set<string> {
  return new Set(contentStems(text));
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0;
  for (const word of a) if (b.has(word)) count++;
  return count;
}

/**
 * A form filled in from the work a person has on record: each piece of work becomes the dictionary
 * activity of the same level whose wording is likest it (at least `MIN_SHARED_WORDS` content words
 * shared and `MIN_LIKENESS` alike; an activity of the person's own function wins a tie), or else an "other"
 * line in the person's own words. Two pieces that land on one activity become one line; the
 * shares are scaled to whole percentages adding up to exactly 100.
 */
export function answersFromWork(
  work: readonly WorkOnRecord[],
  department: string | null,
  activities: readonly SurveyActivity[],
  weeklyHours: number,
): SurveyAnswers {
  const departmentWords = contentWords(department ?? '');
  const candidates = activities.map((activity) => ({
    activity,
    words: contentWords(activity.label),
    ownFunction: activity.functionName !== null && shared(contentWords(activity.functionName), departmentWords) > 0,
  }));
  const lines: SurveyLine[] = [];
  const lineOfActivity = new Map<string, SurveyLine>();
  for (const piece of work) {
    if (!(piece.sharePct > 0) || !piece.title.trim()) continue;
    const words = contentWords(piece.title);
    let best: (typeof candidates)[number] | null = null;
    let bestScore = 0;
    for (const candidate of candidates) {
      if (candidate.activity.valueLevel !== piece.valueLevel) continue;
      const overlap = shared(words, candidate.words);
      const likeness = (2 * overlap) / (words.size + candidate.words.size);
      if (overlap < MIN_SHARED_WORDS || likeness < MIN_LIKENESS) continue;
      // The person's own function breaks a tie; it never outweighs a closer wording.
      const score = likeness + (candidate.ownFunction ? 0.001 : 0);
      if (score > bestScore) [best, bestScore] = [candidate, score];
    }
    if (!best) {
      lines.push({ activityId: null, otherText: piece.title.trim(), sharePct: piece.sharePct });
      continue;
    }
    const known = lineOfActivity.get(best.activity.id);
    if (known) known.sharePct += piece.sharePct;
    else {
      const line: SurveyLine = { activityId: best.activity.id, otherText: null, sharePct: piece.sharePct };
      lineOfActivity.set(best.activity.id, line);
      lines.push(line);
    }
  }
  return { weeklyHours, lines: wholePercentages(lines) };
}

/** Scales the shares to whole percentages adding up to 100 (largest remainders round up). */
export function wholePercentages(lines: readonly SurveyLine[]): SurveyLine[] {
  const total = lines.reduce((sum, line) => sum + line.sharePct, 0);
  if (total <= 0) return [];
  const scaled = lines.map((line, index) => ({ index, exact: (line.sharePct * 100) / total }));
  const shares = scaled.map(({ exact }) => Math.floor(exact));
  let left = 100 - shares.reduce((sum, share) => sum + share, 0);
  for (const { index } of [...scaled].sort((a, b) => (b.exact % 1) - (a.exact % 1) || a.index - b.index)) {
    if (left-- <= 0) break;
    shares[index]++;
  }
  return lines.map((line, index) => ({ ...line, sharePct: shares[index] })).filter((line) => line.sharePct > 0);
}
