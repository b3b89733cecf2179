import { pdfSafe } from './pdf-text';

describe('pdfSafe', () => {
  it('keeps names in Latin, Latin Extended, Greek and Cyrillic as written', () => {
    expect(pdfSafe('Tomás Álvarez – “Zoë” … 50€')).toBe('Tomás Álvarez – “Zoë” … 50€');
    expect(pdfSafe('Łukasz Wałęsa, Σωκράτης, Пётр Ильич')).toBe('Łukasz Wałęsa, Σωκράτης, Пётр Ильич');
  });

  it('keeps the marks the analysis writes', () => {
    expect(pdfSafe('A → B, −5 points, ≥ 10')).toBe('A → B, −5 points, ≥ 10');
  });

  it('keeps plain ASCII as it is, tabs as spaces', () => {
    expect(pdfSafe('Lee, Sam (E0042): 100% ~ [ok]\nnext')).toBe('Lee, Sam (E0042): 100% ~ [ok]\nnext');
    expect(pdfSafe('a\tb\u0007')).toBe('a b');
  });

  it('marks letters the font cannot show, and drops control characters', () => {
    expect(pdfSafe('東京 office\u0007')).toBe('?? office');
  });
});
