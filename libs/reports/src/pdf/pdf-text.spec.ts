import { pdfSafe } from './pdf-text';

describe('pdfSafe', () => {
  it('keeps Latin-1 names and the typographic marks Helvetica has', () => {
    expect(pdfSafe('Tomás Álvarez – “Zoë” … 50€')).toBe('Tomás Álvarez – “Zoë” … 50€');
  });

  it('replaces marks the analysis writes with ASCII stand-ins', () => {
    expect(pdfSafe('A → B, −5 points, ≥ 10')).toBe('A -> B, -5 points, >= 10');
  });

  it('drops accents Helvetica lacks and marks letters it cannot show', () => {
    expect(pdfSafe('Wałęsa Ōsaka 東京')).toBe('Wa?esa Osaka ??');
  });
});
