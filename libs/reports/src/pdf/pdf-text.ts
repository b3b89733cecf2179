import { fontHasGlyph } from './pdf-fonts';

/**
 * Text as the report font can show it. Everything the font covers is kept; a few marks get
 * stand-ins; letters it lacks lose their accents where that helps or become "?", which at
 * least shows something is missing instead of printing an empty box or a wrong letter.
 */
const STAND_INS: Record<string, string> = {
  '\u2009': ' ',
  '\u202f': ' ',
  '\u200b': '',
  '\u00ad': '',
};

/** Printable ASCII and line feeds, which the report font covers (checked once): such text is kept as it is. */
const PRINTABLE_ASCII = /^[\x20-\x7e\n]*$/;
let asciiCovered: boolean | null = null;

export function pdfSafe(text: string): string {
  // Most of a report's text (titles, labels, figures) is plain ASCII; the loop below would copy it unchanged.
  if (PRINTABLE_ASCII.test(text) && (asciiCovered ??= coversPrintableAscii())) return text;
  let result = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code === 0x0a) result += char;
    else if (code === 0x09) result += ' ';
    else if (STAND_INS[char] !== undefined) result += STAND_INS[char];
    else if (code < 0x20) continue;
    else if (fontHasGlyph(code)) result += char;
    else result += withoutAccents(char);
  }
  return result;
}

function withoutAccents(char: string): string {
  const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (base.length > 0 && [...base].every((c) => fontHasGlyph(c.codePointAt(0) as number))) return base;
  return '?';
}

function coversPrintableAscii(): boolean {
  for (let code = 0x20; code <= 0x7e; code++) if (!fontHasGlyph(code)) return false;
  return true;
}
