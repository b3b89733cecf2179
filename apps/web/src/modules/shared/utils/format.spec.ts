import { formatDate, formatDateTime, formatNumber, plural } from './format';

function withLanguage(language: string) {
  jest.spyOn(window.navigator, 'language', 'get').mockReturnValue(language);
}

afterEach(() => jest.restoreAllMocks());

describe('formatting follows the viewer’s locale', () => {
  it('writes a calendar date as the browser’s language does, the same day in every time zone', () => {
    withLanguage('en-GB');
    expect(formatDate('2026-12-02')).toBe('2 Dec 2026');
    withLanguage('en-US');
    expect(formatDate('2026-12-02')).toBe('Dec 2, 2026');
    withLanguage('de-DE');
    expect(formatDate('2026-12-02')).toBe('02.12.2026');
    expect(formatDate('2026-12-02T23:30:00Z')).toBe('02.12.2026');
  });

  it('writes a moment in the locale, in UTC and saying so', () => {
    withLanguage('en-GB');
    expect(formatDateTime('2026-12-02T09:05:00Z')).toBe('2 Dec 2026, 09:05 UTC');
    withLanguage('en-US');
    expect(formatDateTime('2026-12-02T09:05:00Z')).toBe('Dec 2, 2026, 09:05 AM UTC');
  });

  it('puts thousands separators in counts, also in plurals', () => {
    withLanguage('en-GB');
    expect(formatNumber(1530)).toBe('1,530');
    expect(plural(1204, 'position')).toBe('1,204 positions');
    expect(plural(1, 'position')).toBe('1 position');
    withLanguage('de-DE');
    expect(formatNumber(1530)).toBe('1.530');
  });

  it('keeps what it cannot read, and a dash for nothing', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('soon')).toBe('soon');
  });
});
