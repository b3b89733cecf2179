/**
 * pdfkit's built-in fonts (Helvetica) only carry the WinAnsi character set; anything else
 * comes out as garbage. Names and titles from HR files are mostly Latin-1 ("Tomás", "Zoë"),
 * which is kept, and the typographic marks the analysis writes (→, −, ≥) get ASCII stand-ins.
 * Other scripts lose their accents where that helps ("Ł" → "L") or become "?", which at least
 * shows something is missing instead of silently printing a wrong letter.
 */
const WIN_ANSI_EXTRAS = new Set(
  [0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122],
);

const STAND_INS: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '↑': '^',
  '↓': 'v',
  '−': '-',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '≈': '~',
  '‑': '-',
  '‐': '-',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u200b': '',
  '✓': 'yes',
};

export function pdfSafe(text: string): string {
  let result = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (isWinAnsi(code)) result += char;
    else if (code === 0x09) result += ' ';
    else if (STAND_INS[char] !== undefined) result += STAND_INS[char];
    else result += withoutAccents(char);
  }
  return result;
}

function isWinAnsi(code: number): boolean {
  if (code === 0x0a) return true;
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code >= 0xa0 && code <= 0xff) return true;
  return WIN_ANSI_EXTRAS.has(code);
}

function withoutAccents(char: string): string {
  const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (base.length > 0 && [...base].every((c) => isWinAnsi(c.codePointAt(0) as number))) return base;
  return '?';
}
