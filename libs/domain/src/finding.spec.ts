import { HIGH_SEVERITY, MEDIUM_SEVERITY, severityInWords, severityLabel } from './finding';

describe('severity in words', () => {
  it('bands severity at the thresholds, near misses included', () => {
    expect(severityLabel(HIGH_SEVERITY)).toBe('High');
    expect(severityLabel(HIGH_SEVERITY - 0.01)).toBe('Medium');
    expect(severityLabel(MEDIUM_SEVERITY)).toBe('Medium');
    expect(severityLabel(MEDIUM_SEVERITY - 0.01)).toBe('Low');
    expect(severityLabel(0)).toBe('Low');
  });

  it('says what the band asks of the reader', () => {
    expect(severityInWords(0.82)).toBe(
      'High (0.82): act on it this review cycle: a large share of someone’s time, or a person the organisation is likely to lose',
    );
    expect(severityInWords(0.2)).toMatch(/^Low \(0\.20\): for information/);
  });
});
