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

/** The parts of a pdfkit embedded font that `layOutWordsFaster` replaces or reads. */
interface WordLayoutFont {
  layoutRun(text: string, features?: unknown): GlyphRun;
  layoutCached(text: string): GlyphRun;
  layout(text: string, features?: unknown, onlyWidth?: boolean): GlyphRun;
  encode(text: string, features?: unknown): [string[], unknown[]];
  subset: { includeGlyph(glyphId: number): number };
  widths: Array<number | undefined>;
  unicode: Array<number[] | undefined>;
  scale: number;
}

interface GlyphRun {
  glyphs: Array<{ id: number; advanceWidth: number; codePoints: number[] }> | null;
  positions: unknown[] | null;
  advanceWidth: number;
}

/** Shaped words a font keeps in each of its two generations (see layOutWordsFaster). */
const WORDS_PER_GENERATION = 3_000;
/** Texts whose glyph encoding a font keeps (see layOutWordsFaster): those repeated on every page are few. */
const MAX_ENCODED_TEXTS = 2_000;
/** Glyph ids as pdfkit writes them (four hex digits), made once each. */
const GLYPH_HEX: string[] = [];

/**
 * Shortcuts in how pdfkit 0.20 sets text with an embedded font, with the same result:
 *
 * - Shaped words (fontkit's substitution and positioning, what measuring and setting text cost
 *   most) are kept in two generations of 3,000 words instead of pdfkit's one cache per font,
 *   which grows with the report (emptied at 20,000 words, it held ~15 MB of the writer's heap):
 *   a word is looked up in the recent one, then in the older one (and moved back into the
 *   recent one); when the recent one is full it becomes the older one and the older one is let
 *   go. The words every role repeats stay; names seen once go. (At 3,000 roles the writer's live
 *   heap went from 36 to 26 MB, CPU unchanged; 1,500 words saved 3 MB more for ~7% more CPU.)
 * - `layout` joins the shaped words of a text with `Array.concat`, which copies everything
 *   gathered so far for every word (quadratic in a paragraph's words); here they are appended.
 * - `encode` (glyph ids as hex, and their positions) is kept for the last texts set: running
 *   headers, footers and column headers repeat on every page. What `encode` also does the first
 *   time (adding the glyphs to the font's subset, their widths and code points) is done by that
 *   first call, as pdfkit does it; the arrays it returns are only read by pdfkit's text drawing.
 *
 * Applied to each font of the document as it is first selected.
 */
export function layOutWordsFaster(doc: object): void {
  const document = doc as { font: (...args: unknown[]) => unknown; _font?: WordLayoutFont };
  const patched = new WeakSet<object>();
  const font = document.font.bind(document);
  document.font = (...args: unknown[]) => {
    const result = font(...args);
    const current = document._font;
    if (current && !patched.has(current) && typeof current.layoutCached === 'function') {
      patched.add(current);
      patchFont(current);
    }
    return result;
  };
}

function patchFont(font: WordLayoutFont): void {
  let recent = new Map<string, GlyphRun>();
  let older = new Map<string, GlyphRun>();
  font.layoutCached = function layoutCached(this: WordLayoutFont, text: string): GlyphRun {
    let run = recent.get(text);
    if (run) return run;
    run = older.get(text) ?? this.layoutRun(text);
    recent.set(text, run);
    if (recent.size >= WORDS_PER_GENERATION) {
      older = recent;
      recent = new Map();
    }
    return run;
  };
  font.layout = function layout(this: WordLayoutFont, text: string, features?: unknown, onlyWidth?: boolean): GlyphRun {
    if (features) return this.layoutRun(text, features);
    const glyphs: GlyphRun['glyphs'] = onlyWidth ? null : [];
    const positions: unknown[] | null = onlyWidth ? null : [];
    let advanceWidth = 0;
    let last = 0;
    // A word ends after each space or tab, and at the end of the text (as pdfkit splits it).
    for (let index = 0; index <= text.length; index++) {
      const code = index < text.length ? text.charCodeAt(index) : -1;
      if (code === 0x20 || code === 0x09 || (code === -1 && last < index)) {
        const run = this.layoutCached(text.slice(last, index + 1));
        if (glyphs && positions) {
          for (const glyph of run.glyphs ?? []) glyphs.push(glyph);
          for (const position of run.positions ?? []) positions.push(position);
        }
        advanceWidth += run.advanceWidth;
        last = index + 1;
      }
    }
    return { glyphs, positions, advanceWidth };
  };
  const encode = font.encode.bind(font);
  let encoded = new Map<string, [string[], unknown[]]>();
  font.encode = function encodeText(this: WordLayoutFont, text: string, features?: unknown): [string[], unknown[]] {
    if (features) return encode(text, features);
    let result = encoded.get(text);
    if (result) return result;
    // pdfkit's encode, with each glyph id's hex made once.
    const { glyphs, positions } = this.layout(text);
    const hex: string[] = [];
    for (const glyph of glyphs ?? []) {
      const gid = this.subset.includeGlyph(glyph.id);
      hex.push((GLYPH_HEX[gid] ??= `0000${gid.toString(16)}`.slice(-4)));
      if (this.widths[gid] == null) this.widths[gid] = glyph.advanceWidth * this.scale;
      if (this.unicode[gid] == null) this.unicode[gid] = glyph.codePoints;
    }
    result = [hex, positions ?? []];
    if (encoded.size >= MAX_ENCODED_TEXTS) encoded = new Map();
    encoded.set(text, result);
    return result;
  };
}
