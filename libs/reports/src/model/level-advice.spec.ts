import { mixLines } from './report-context';
import { levelsToTakeOn } from './level-advice';

describe('levelsToTakeOn', () => {
  const expected = { IMPLEMENTATION: 10, UNIFICATION: 30, COMMUNICATION: 30, LEADERSHIP: 30 };

  it('words a shortfall as concrete work, rounded to 5 points', () => {
    const actual = { IMPLEMENTATION: 50, UNIFICATION: 20.5, COMMUNICATION: 19.5, LEADERSHIP: 10 };
    const advice = levelsToTakeOn(mixLines(expected, actual), 'DIRECTOR', 100);
    expect(advice.map((item) => [item.level, item.shortfallPoints])).toEqual([
      ['LEADERSHIP', 20],
      ['COMMUNICATION', 10.5],
    ]);
    expect(advice[0].advice).toBe(
      'Take on about 20% more leadership work: direction, strategy, developing leaders (now 10% of the time; 30% is expected of a director).',
    );
    expect(advice[1].advice).toMatch(/^Take on about 10% more communication work: alignment/);
  });

  it('ignores shortfalls under 10 points', () => {
    const actual = { IMPLEMENTATION: 30.01, UNIFICATION: 20.01, COMMUNICATION: 20, LEADERSHIP: 29.98 };
    expect(levelsToTakeOn(mixLines(expected, actual), 'DIRECTOR', 100).map((item) => item.level)).toEqual(['COMMUNICATION']);
  });

  it('says nothing for a role without described work', () => {
    const none = { IMPLEMENTATION: 0, UNIFICATION: 0, COMMUNICATION: 0, LEADERSHIP: 0 };
    expect(levelsToTakeOn(mixLines(expected, none), 'DIRECTOR', 0)).toEqual([]);
  });
});
