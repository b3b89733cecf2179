import { DEFAULT_POLICY } from '@rolemap/domain';
import { confirmedTextKey } from '../classify/nlp/normalise-statement';
import { analyseWithHistory } from '../history/analyse-with-history';
import { SnapshotIndex } from '../snapshot/snapshot-index';
import { buildSnapshot, positionIdOf as pos, type TestPerson } from '../testing/org-builder';
import { buildReviewQueue, unreadableGroupKey } from './review-queue';

const people: TestPerson[] = [
  {
    id: 'D1',
    name: 'Dana Reyes',
    title: 'Director of Engineering',
    work: [
      ['Look after the Henley account', 'UNCLASSIFIED', 40],
      ['Set engineering strategy', 'LEADERSHIP', 60],
    ],
  },
  {
    id: 'E1',
    name: 'Sam Lee',
    manager: 'D1',
    work: [
      ['Look after the Henley account.', 'UNCLASSIFIED', 20],
      ['Review code for the API', 'IMPLEMENTATION', 50],
      ['😀😀', 'UNCLASSIFIED', 30],
    ],
  },
  { id: 'E2', manager: 'D1', vacant: true, work: [['look after the  Henley account', 'UNCLASSIFIED', 10]] },
  { id: 'E3', name: 'Kim', manager: 'D1', work: [['Plan the sprint', 'UNIFICATION', 100]] },
];

function snapshotWithUnsureClassification() {
  const data = buildSnapshot(people);
  // The classifier committed to this one, but only just.
  const plan = data.responsibilities.find((r) => r.title === 'Plan the sprint')!;
  Object.assign(plan, { valueLevelSource: 'CLASSIFIED', classificationConfidence: 0.7 });
  return data;
}

describe('buildReviewQueue', () => {
  it('groups UNCLASSIFIED and low-confidence work by normalised wording, most responsibilities first', () => {
    const queue = buildReviewQueue(new SnapshotIndex(snapshotWithUnsureClassification()));
    expect(queue).toMatchObject({ responsibilityCount: 5, unclassifiedCount: 4, lowConfidenceCount: 1 });
    const [henley, ...rest] = queue.groups;
    expect(henley).toMatchObject({
      key: confirmedTextKey('Look after the Henley account'),
      text: 'Look after the Henley account',
      count: 3,
      vacantCount: 1,
      totalSharePct: 70,
      level: 'UNCLASSIFIED',
    });
    expect(henley.samplePositions.map((sample) => [sample.positionId, sample.employeeId, sample.name])).toEqual([
      [pos('D1'), 'D1', 'Dana Reyes'],
      [pos('E1'), 'E1', 'Sam Lee'],
      [pos('E2'), null, null],
    ]);
    expect(henley.responsibilityIds).toEqual(['r-D1-1', 'r-E1-1', 'r-E2-1']);
    expect(rest.map((group) => [group.text, group.level, group.count])).toEqual([
      ['Plan the sprint', 'UNIFICATION', 1],
      ['😀😀', 'UNCLASSIFIED', 1],
    ]);
  });

  it('carries what the classifier read: suggestion, runner-up, deciding words and the reason', () => {
    const queue = buildReviewQueue(new SnapshotIndex(snapshotWithUnsureClassification()));
    const byText = new Map(queue.groups.map((group) => [group.text, group]));
    const plan = byText.get('Plan the sprint')!;
    expect(plan.suggestedLevel).toBe('UNIFICATION');
    expect(plan.reason).toBeNull();
    expect(plan.reasonText).toMatch(/^classified UNIFICATION with only \d+% confidence$/);
    expect(plan.decidingWords.length).toBeGreaterThan(0);
    const emoji = byText.get('😀😀')!;
    expect(emoji).toMatchObject({ key: unreadableGroupKey('😀😀'), suggestedLevel: null, runnerUp: null, reason: 'NO_WORDS' });
    expect(emoji.reasonText).toBe('the text has no words');
    const henley = byText.get('Look after the Henley account')!;
    expect(henley.runnerUp).not.toBe(henley.suggestedLevel);
    expect(henley.confidence).toBeGreaterThanOrEqual(henley.runnerUpConfidence);
  });

  it('lists only UNCLASSIFIED work with belowConfidence 0, and never levels given in the file or set by HR', () => {
    const data = snapshotWithUnsureClassification();
    expect(buildReviewQueue(new SnapshotIndex(data), { belowConfidence: 0 }).lowConfidenceCount).toBe(0);
    const analysed = analyseWithHistory(data, null, DEFAULT_POLICY, {
      tiers: new Map(),
      levels: new Map(),
      wording: new Map([[confirmedTextKey('Look after the Henley account'), 'COMMUNICATION']]),
    });
    const queue = buildReviewQueue(analysed.index);
    expect(queue.groups.map((group) => group.text)).toEqual(['Plan the sprint', '😀😀']);
    // The confirmed wording settled every spelling of it, the vacant post's too.
    expect(
      analysed.data.responsibilities.filter((r) => /henley/i.test(r.title)).map((r) => [r.valueLevel, r.valueLevelSource]),
    ).toEqual([
      ['COMMUNICATION', 'OVERRIDE'],
      ['COMMUNICATION', 'OVERRIDE'],
      ['COMMUNICATION', 'OVERRIDE'],
    ]);
    expect(analysed.mixByPosition.get(pos('D1'))?.actual.COMMUNICATION).toBe(40);
  });
});
