import { newestByFinding, nextStatuses, stepText } from './actions';

describe('actions in the review', () => {
  it('shows each finding its newest action, whatever order the list is in', () => {
    const newest = newestByFinding([
      { findingKey: 'A', createdAt: '2026-11-01T10:00:00.000Z', id: 'old' },
      { findingKey: 'B', createdAt: '2026-11-01T10:00:00.000Z', id: 'b' },
      { findingKey: 'A', createdAt: '2026-11-02T10:00:00.000Z', id: 'new' },
      { findingKey: 'A', createdAt: '2026-10-30T10:00:00.000Z', id: 'older' },
    ]);
    expect(newest.get('A')?.id).toBe('new');
    expect(newest.get('B')?.id).toBe('b');
  });

  it('names the step and offers the moves that make sense', () => {
    expect(stepText('DELEGATE', 'Sam Lee')).toBe('Delegate to Sam Lee');
    expect(stepText('HIRE', null)).toBe('Hire');
    expect(nextStatuses('OPEN')).toEqual(['IN_PROGRESS', 'DONE', 'CANCELLED']);
    expect(nextStatuses('DONE')).toEqual(['OPEN']);
  });
});
