import { DEFAULT_POLICY } from '@rolemap/domain';
import { buildSnapshot, positionIdOf as pos, type TestPerson } from '../testing/org-builder';
import { analyzeSnapshot } from './analyze-snapshot';
import { summarize } from './summarize';

const AS_OF = '2025-12-01';
const analyse = (people: TestPerson[]) => analyzeSnapshot(buildSnapshot(people, { asOf: AS_OF }), DEFAULT_POLICY);
const entriesOf = (people: TestPerson[], id: string) =>
  analyse(people)
    .notChecked.filter((entry) => entry.positionId === pos(id))
    .map((entry) => `${entry.kind}: ${entry.reason}`);

const rated = { rating: 3, roleStartDate: '2024-01-01' };

describe('findings not checked for lack of data', () => {
  it('a recently promoted director with no responsibilities: neither still-tactical nor delegation can be judged', () => {
    const people: TestPerson[] = [{ id: 'D1', title: 'Director of Sales', lastPromotionDate: '2025-06-01', ...rated }];
    expect(entriesOf(people, 'D1')).toEqual([
      'PROMOTED_STILL_TACTICAL: NO_RESPONSIBILITIES',
      'DELEGATION_GAP: NO_RESPONSIBILITIES',
    ]);
  });

  it('near miss: the same director with work recorded is checked, found or not', () => {
    const people: TestPerson[] = [
      {
        id: 'D1',
        title: 'Director of Sales',
        lastPromotionDate: '2025-06-01',
        ...rated,
        work: [['Strategy', 'LEADERSHIP', 100]],
      },
    ];
    expect(entriesOf(people, 'D1')).toEqual([]);
    expect(analyse(people).findings).toEqual([]);
  });

  it('work whose levels all need review cannot be judged either', () => {
    const people: TestPerson[] = [
      { id: 'D1', title: 'Director of Sales', ...rated, work: [['Look after Henley', 'UNCLASSIFIED', 100]] },
    ];
    expect(entriesOf(people, 'D1')).toEqual(['DELEGATION_GAP: LEVELS_NEED_REVIEW']);
  });

  it('pigeonholing needs a rating, then role dates, then the work, and only asks for what would decide it', () => {
    const engineer = (extra: Partial<TestPerson>): TestPerson[] => [{ id: 'E1', title: 'Engineer', ...extra }];
    expect(entriesOf(engineer({ work: [['Build', 'IMPLEMENTATION', 100]] }), 'E1')).toEqual([
      'PIGEONHOLING_RISK: NO_PERFORMANCE_RATING',
    ]);
    expect(entriesOf(engineer({ rating: 5 }), 'E1')).toEqual(['PIGEONHOLING_RISK: NO_ROLE_DATES']);
    expect(entriesOf(engineer({ rating: 5, roleStartDate: '2020-01-01' }), 'E1')).toEqual([
      'PIGEONHOLING_RISK: NO_RESPONSIBILITIES',
    ]);
    // A low rating or a short time in role settles it without the work.
    expect(entriesOf(engineer({ rating: 3 }), 'E1')).toEqual([]);
    expect(entriesOf(engineer({ rating: 5, roleStartDate: '2024-06-01' }), 'E1')).toEqual([]);
  });

  it('never lists vacant posts, and counts per kind and reason in the summary, also for a subtree', () => {
    const people: TestPerson[] = [
      { id: 'M1', title: 'Engineering Manager', ...rated },
      { id: 'E1', manager: 'M1', rating: 5, roleStartDate: '2020-01-01' },
      { id: 'E2', manager: 'M1', work: [['Build', 'IMPLEMENTATION', 100]] },
      { id: 'V1', manager: 'M1', vacant: true },
    ];
    const result = analyse(people);
    expect(result.notChecked.some((entry) => entry.positionId === pos('V1'))).toBe(false);
    expect(result.summary.notChecked).toEqual({
      count: 3,
      positions: 3,
      byKind: { PROMOTED_STILL_TACTICAL: 0, DELEGATION_GAP: 1, PIGEONHOLING_RISK: 2, SPAN_OF_CONTROL: 0, LAYERS: 0 },
      byReason: { NO_RESPONSIBILITIES: 2, LEVELS_NEED_REVIEW: 0, NO_PERFORMANCE_RATING: 1, NO_ROLE_DATES: 0 },
    });
    expect(summarize(result, [pos('E2')]).notChecked.count).toBe(1);
    expect(summarize({ findings: result.findings, mixes: result.mixes }).notChecked.count).toBe(0);
  });
});
