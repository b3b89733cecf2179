import type { SurveyActivity } from '@rolemap/surveys';
import { answersFromWork, wholePercentages } from './prefill-answers';

const ACTIVITIES: SurveyActivity[] = [
  { id: 'a1', label: 'Write status reports for senior management', valueLevel: 'COMMUNICATION', functionName: 'Management' },
  { id: 'a2', label: 'Hold 1:1s with direct reports', valueLevel: 'UNIFICATION', functionName: 'Management' },
  { id: 'a3', label: 'Plan production schedules', valueLevel: 'UNIFICATION', functionName: 'Operations' },
  { id: 'a4', label: 'Plan production capacity', valueLevel: 'UNIFICATION', functionName: 'Finance' },
  { id: 'a5', label: 'Process supplier invoices', valueLevel: 'IMPLEMENTATION', functionName: 'Finance' },
  { id: 'a6', label: 'Plan production capacity', valueLevel: 'UNIFICATION', functionName: 'Operations' },
  { id: 'a7', label: 'Run the weekly pipeline review with the team', valueLevel: 'UNIFICATION', functionName: 'Sales' },
];

describe('a form filled in from the work on record', () => {
  it('uses the dictionary activity of the same level with the likest wording, and the person’s own wording otherwise', () => {
    const answers = answersFromWork(
      [
        { title: 'Writing weekly status reports for management', valueLevel: 'COMMUNICATION', sharePct: 30 },
        { title: 'Planning the production schedule', valueLevel: 'UNIFICATION', sharePct: 50 },
        { title: 'Calibrate the torque wrenches', valueLevel: 'IMPLEMENTATION', sharePct: 20 },
      ],
      'Operations',
      ACTIVITIES,
      40,
    );
    expect(answers).toEqual({
      weeklyHours: 40,
      lines: [
        { activityId: 'a1', otherText: null, sharePct: 30 },
        { activityId: 'a3', otherText: null, sharePct: 50 },
        { activityId: null, otherText: 'Calibrate the torque wrenches', sharePct: 20 },
      ],
    });
  });

  it('never takes an activity of another level, however close the words', () => {
    const answers = answersFromWork(
      [{ title: 'Process supplier invoices', valueLevel: 'UNIFICATION', sharePct: 100 }],
      null,
      ACTIVITIES,
      40,
    );
    expect(answers.lines).toEqual([{ activityId: null, otherText: 'Process supplier invoices', sharePct: 100 }]);
  });

  it('prefers the activity of the person’s own function when two fit as well', () => {
    const finance = answersFromWork(
      [{ title: 'Plan the production capacity', valueLevel: 'UNIFICATION', sharePct: 100 }],
      'Finance',
      ACTIVITIES,
      40,
    );
    expect(finance.lines[0].activityId).toBe('a4');
    const operations = answersFromWork(
      [{ title: 'Plan the production capacity', valueLevel: 'UNIFICATION', sharePct: 100 }],
      'Operations',
      ACTIVITIES,
      40,
    );
    expect(operations.lines[0].activityId).toBe('a6');
  });

  it('does not match on two common words when the wordings are otherwise unalike', () => {
    const answers = answersFromWork(
      [{ title: 'Run the weekly IT ticket triage', valueLevel: 'UNIFICATION', sharePct: 100 }],
      'Operations',
      ACTIVITIES,
      40,
    );
    expect(answers.lines).toEqual([{ activityId: null, otherText: 'Run the weekly IT ticket triage', sharePct: 100 }]);
  });

  it('merges two pieces of work that land on one activity, so no activity is picked twice', () => {
    const answers = answersFromWork(
      [
        { title: 'Plan production schedules for line A', valueLevel: 'UNIFICATION', sharePct: 40 },
        { title: 'Plan production schedules for line B', valueLevel: 'UNIFICATION', sharePct: 40 },
        { title: 'Unclassified chores', valueLevel: 'UNCLASSIFIED', sharePct: 20 },
      ],
      'Operations',
      ACTIVITIES,
      38,
    );
    expect(answers.lines).toEqual([
      { activityId: 'a3', otherText: null, sharePct: 80 },
      { activityId: null, otherText: 'Unclassified chores', sharePct: 20 },
    ]);
  });

  it('scales shares to whole percentages that add up to exactly 100', () => {
    const lines = wholePercentages([
      { activityId: 'a', otherText: null, sharePct: 1 },
      { activityId: 'b', otherText: null, sharePct: 1 },
      { activityId: 'c', otherText: null, sharePct: 1 },
    ]);
    expect(lines.map((line) => line.sharePct)).toEqual([34, 33, 33]);
    expect(wholePercentages([{ activityId: 'a', otherText: null, sharePct: 0 }])).toEqual([]);
    const skewed = wholePercentages([
      { activityId: 'a', otherText: null, sharePct: 0.2 },
      { activityId: 'b', otherText: null, sharePct: 120 },
    ]);
    expect(skewed).toEqual([{ activityId: 'b', otherText: null, sharePct: 100 }]);
  });
});
