import { DEFAULT_ACCEPTED_RANGE } from '../survey-types';
import { campaignPhase, draftIssues, submissionIssues, totalShare, unallocatedShare, windowIssues } from '../validate-answers';
import { ACTIVITIES } from '../testing/fixture';

describe('survey answers', () => {
  it('accepts a partial draft and shows what is left unallocated', () => {
    const draft = { weeklyHours: 40, lines: [{ activityId: 'code', otherText: null, sharePct: 60 }] };
    expect(draftIssues(draft, ACTIVITIES)).toEqual([]);
    expect(totalShare(draft)).toBe(60);
    expect(unallocatedShare(draft)).toBe(40);
  });

  it('refuses negative, non-numeric and over-100 shares, naming the line', () => {
    const issues = draftIssues(
      {
        weeklyHours: 40,
        lines: [
          { activityId: 'code', otherText: null, sharePct: -5 },
          { activityId: 'plan', otherText: null, sharePct: Number.NaN },
          { activityId: 'report', otherText: null, sharePct: 'ten' as unknown as number },
          { activityId: 'strategy', otherText: null, sharePct: 120 },
        ],
      },
      ACTIVITIES,
    );
    expect(issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['lines[0].sharePct', 'OUT_OF_RANGE'],
      ['lines[1].sharePct', 'NOT_A_NUMBER'],
      ['lines[2].sharePct', 'NOT_A_NUMBER'],
      ['lines[3].sharePct', 'OUT_OF_RANGE'],
    ]);
    expect(issues[0].message).toBe('Activity 1: a share must be from 0 to 100% (got -5%).');
    expect(issues[2].message).toMatch(/"ten"/);
  });

  it('refuses an activity picked twice, an unknown one and a line with neither activity nor text', () => {
    const issues = draftIssues(
      {
        weeklyHours: 40,
        lines: [
          { activityId: 'code', otherText: null, sharePct: 30 },
          { activityId: 'code', otherText: null, sharePct: 30 },
          { activityId: 'nope', otherText: null, sharePct: 10 },
          { activityId: null, otherText: '  ', sharePct: 10 },
          { activityId: null, otherText: 'Run the charity bake sale', sharePct: 5 },
          { activityId: null, otherText: 'run the charity  bake sale', sharePct: 5 },
        ],
      },
      ACTIVITIES,
    );
    expect(issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['lines[1].activityId', 'DUPLICATE_ACTIVITY'],
      ['lines[2].activityId', 'UNKNOWN_ACTIVITY'],
      ['lines[3].activityId', 'MISSING_ACTIVITY'],
      ['lines[5].otherText', 'DUPLICATE_ACTIVITY'],
    ]);
    expect(issues[0].message).toMatch(/"Write code" is already on the form \(activity 1\)/);
  });

  it('checks the total against the accepted range only at submit', () => {
    const answers = {
      weeklyHours: 38,
      lines: [
        { activityId: 'code', otherText: null, sharePct: 50 },
        { activityId: 'plan', otherText: null, sharePct: 30 },
      ],
    };
    expect(draftIssues(answers, ACTIVITIES)).toEqual([]);
    const issues = submissionIssues(answers, ACTIVITIES, DEFAULT_ACCEPTED_RANGE);
    expect(issues).toEqual([
      {
        field: 'total',
        code: 'TOTAL_OUT_OF_RANGE',
        message: 'The shares add up to 80%: they must come to between 95% and 105% of the week (15% short).',
      },
    ]);
    answers.lines.push({ activityId: 'report', otherText: null, sharePct: 17.5 });
    expect(submissionIssues(answers, ACTIVITIES, DEFAULT_ACCEPTED_RANGE)).toEqual([]);
    expect(submissionIssues({ weeklyHours: null, lines: [] }, ACTIVITIES, DEFAULT_ACCEPTED_RANGE).map((i) => i.field)).toEqual([
      'weeklyHours',
      'lines',
    ]);
  });

  it('tells where a window stands', () => {
    const window = { opensAt: new Date('2026-12-01T00:00:00Z'), closesAt: new Date('2026-12-15T00:00:00Z'), closedAt: null };
    expect(campaignPhase(window, new Date('2026-11-30T23:59:59Z'))).toBe('SCHEDULED');
    expect(campaignPhase(window, new Date('2026-12-05T00:00:00Z'))).toBe('OPEN');
    expect(campaignPhase(window, new Date('2026-12-15T00:00:00Z'))).toBe('ENDED');
    expect(campaignPhase({ ...window, closedAt: new Date() }, new Date('2026-12-05T00:00:00Z'))).toBe('CLOSED');
    expect(windowIssues(window.closesAt, window.opensAt)[0]).toMatch(/must close after it opens/);
  });
});
