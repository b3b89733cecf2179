import { DEFAULT_POLICY } from '@rolemap/domain';
import { AnalysisContext } from '../context/analysis-context';
import { SnapshotIndex } from '../snapshot/snapshot-index';
import { spanOfControlFindings } from '../findings/span-of-control';
import { buildSnapshot, team, type TestPerson } from '../testing/org-builder';
import { actionOwnerFor, addDays, suggestedActionFor } from './suggested-action';

const boss: TestPerson = { id: 'B', name: 'Alex Kim', title: 'Engineering Manager' };

describe('the action accepting a finding suggests', () => {
  it('is due a month on, in calendar days across month and year ends', () => {
    expect(addDays('2026-12-02', 30)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('hires for a span too wide and merges a layer too narrow, owned by the leader', () => {
    const wide = buildSnapshot([boss, ...team('B', 'E', 13)]);
    const narrow = buildSnapshot([boss, ...team('B', 'E', 1)]);
    const [tooWide] = spanOfControlFindings(new AnalysisContext(wide, DEFAULT_POLICY));
    const [tooNarrow] = spanOfControlFindings(new AnalysisContext(narrow, DEFAULT_POLICY));
    const owner = actionOwnerFor(tooWide, new SnapshotIndex(wide));
    expect(owner).toBe('Alex Kim');
    expect(suggestedActionFor(tooWide, owner!, '2026-12-02')).toEqual({
      owner: 'Alex Kim',
      dueOn: '2027-01-01',
      step: 'HIRE',
      delegateTo: null,
      note: null,
    });
    expect(suggestedActionFor(tooNarrow, 'Alex Kim', '2026-12-02').step).toBe('STOP_DOING');
  });
});
