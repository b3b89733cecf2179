import { ERASED, mentionPattern, mentions, redactMentions } from './person-mentions';

describe('person mentions', () => {
  const pattern = mentionPattern(['E1', 'Ann Lee', 'ann@example.com', ' '])!;

  it('matches an identifier alone, not inside a longer one', () => {
    expect(mentions('TACTICAL_LEADER:E1', pattern)).toBe(true);
    expect(mentions('TACTICAL_LEADER:E1:delegation', pattern)).toBe(true);
    expect(mentions('TACTICAL_LEADER:E10', pattern)).toBe(false);
    expect(mentions('XE1', pattern)).toBe(false);
    expect(mentions('snapshot v1', pattern)).toBe(false);
  });

  it('matches names and e-mails whatever their case', () => {
    expect(mentions('reviewed by ann lee', pattern)).toBe(true);
    expect(mentions('ANN@EXAMPLE.COM wrote', pattern)).toBe(true);
  });

  it('redacts strings, keys and nested values and leaves numbers alone', () => {
    const details = { version: 1, scope: { employeeId: 'E1' }, list: ['E1', 'E10'], E1: 'Ann Lee' };
    expect(redactMentions(details, pattern)).toEqual({
      version: 1,
      scope: { employeeId: ERASED },
      list: [ERASED, 'E10'],
      [ERASED]: ERASED,
    });
  });

  it('has no pattern without terms', () => {
    expect(mentionPattern(['', '  '])).toBeNull();
  });
});
