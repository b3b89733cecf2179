/**
 * One copy of each distinct cell value for the whole import. HR files repeat their wording
 * (titles, departments, locations, responsibilities, dates), and managers' ids come back row
 * after row, so records share strings instead of each holding its own (`ColumnSlots` stops
 * pooling a column whose values turn out not to repeat). Values are also copied out of the parser's text: a cell the CSV parser cuts
 * out of a chunk is a slice that keeps the whole chunk alive, so without the copy the records
 * would hold the entire decoded file (twice its size in bytes when it has any character beyond
 * Latin-1).
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  intern(value: string): string {
    return this.strings.get(value) ?? this.add(value);
  }

  /** The pooled copy of `value`, if there is one. */
  known(value: string): string | undefined {
    return this.strings.get(value);
  }

  /** Pools a value not pooled yet (see `known`) and gives its copy. */
  add(value: string): string {
    const own = ownCopy(value);
    this.strings.set(own, own);
    return own;
  }

  get size(): number {
    return this.strings.size;
  }
}

// V8 copies substrings shorter than 13 characters already; longer ones are slices of their parent.
const SLICE_MIN_LENGTH = 13;
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/**
 * A copy that shares nothing with the parser's chunk, one byte per character when the text
 * allows it (a slice of a chunk with one curly quote anywhere is two bytes per character).
 */
export function ownCopy(value: string): string {
  if (value.length < SLICE_MIN_LENGTH) return value;
  if (!BEYOND_LATIN1.test(value)) return Buffer.from(value, 'latin1').toString('latin1');
  // Flattening the concatenation copies the text; the slice then points into that copy only.
  return (' ' + value).slice(1);
}
