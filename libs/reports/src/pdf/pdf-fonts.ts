import fontkit from 'fontkit';

/**
 * Reports are set in DejaVu Sans (embedded, subset by pdfkit): unlike the PDF base fonts it
 * covers Latin Extended, Greek and Cyrillic, so "Łukasiewicz" and "Σωκράτης" print as
 * written. Characters it lacks (CJK, for one) are replaced before they reach pdfkit.
 */
const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
};

export const FONT = { regular: 'Body', bold: 'Body-Bold', italic: 'Body-Italic' };

/** Registers the report fonts on a new document under the FONT names. */
export function registerReportFonts(doc: { registerFont(name: string, src: string): unknown }): void {
  doc.registerFont(FONT.regular, FONT_FILES.regular);
  doc.registerFont(FONT.bold, FONT_FILES.bold);
  doc.registerFont(FONT.italic, FONT_FILES.italic);
}

let coverage: ((codePoint: number) => boolean) | null = null;

/** Whether the report font has a glyph for the code point (the regular face; the others match it). */
export function fontHasGlyph(codePoint: number): boolean {
  if (!coverage) {
    const font = fontkit.openSync(FONT_FILES.regular) as { hasGlyphForCodePoint(codePoint: number): boolean };
    const known = new Map<number, boolean>();
    coverage = (code) => {
      let has = known.get(code);
      if (has === undefined) {
        has = font.hasGlyphForCodePoint(code);
        known.set(code, has);
      }
      return has;
    };
  }
  return coverage(codePoint);
}

/** The part of a pdfkit font that `trimLayoutCaches` touches. */
interface LayoutCachingFont {
  layoutCache?: Record<string, unknown>;
}

/** Distinct words a font's layout cache may hold before `trimLayoutCaches` empties it. */
const MAX_CACHED_WORDS = 20_000;

/**
 * pdfkit keeps the shaped glyphs of every distinct word it has set, per font, for as long as the
 * document lives: with thousands of roles (names, ids, titles) that made memory grow with the
 * report. A cache past MAX_CACHED_WORDS is emptied. Not more often: shaping a word again
 * (fontkit's substitution and positioning tables) costs far more than looking it up, and emptying
 * every few hundred roles made a 3,000-role report 20% slower.
 */
export function trimLayoutCaches(doc: object): void {
  const fonts = (doc as { _fontFamilies?: Record<string, LayoutCachingFont> })._fontFamilies ?? {};
  for (const font of Object.values(fonts)) {
    if (font.layoutCache && Object.keys(font.layoutCache).length > MAX_CACHED_WORDS) {
      font.layoutCache = Object.create(null) as Record<string, unknown>;
    }
  }
}
