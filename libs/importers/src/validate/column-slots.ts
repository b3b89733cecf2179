import { type StringPool, ownCopy } from './string-pool';

/** The mapped cells of one row, kept compactly until the whole file is read. */
export interface RawRow {
  rowNumber: number;
  /** One trimmed value per slot of the file's `ColumnSlots`, shared through the import's string pool. */
  values: string[];
}

/** Distinct values of a column after which its repeats are counted, and the share of repeats that keeps it pooled. */
const POOL_TRIAL_VALUES = 2_000;
const POOL_MIN_HIT_RATE = 0.25;

/**
 * Positions of the mapped targets inside `RawRow.values`. Only mapped cells are kept, so
 * memory grows with the records, not with the width of the file.
 */
export class ColumnSlots<Target extends string> {
  readonly targets: Target[];
  private readonly columns: number[];
  private readonly slotOf = new Map<Target, number>();
  /** Per slot: whether its values go through the pool, and how often the pool had them. */
  private readonly pooled: boolean[];
  private readonly added: number[];
  private readonly hits: number[];

  constructor(
    columnOf: Partial<Record<Target, number>>,
    private readonly strings: StringPool,
  ) {
    this.targets = Object.keys(columnOf) as Target[];
    this.columns = this.targets.map((target) => columnOf[target] as number);
    this.targets.forEach((target, slot) => this.slotOf.set(target, slot));
    this.pooled = this.targets.map(() => true);
    this.added = this.targets.map(() => 0);
    this.hits = this.targets.map(() => 0);
  }

  extract(cells: readonly string[]): string[] {
    const values = new Array<string>(this.columns.length);
    for (let slot = 0; slot < values.length; slot++) values[slot] = this.cell(slot, (cells[this.columns[slot]] ?? '').trim());
    return values;
  }

  /** Appends the row's mapped values to `rows`, a row's values kept together without an array of their own. */
  extractInto(cells: readonly string[], rows: RowCells): void {
    for (let slot = 0; slot < this.columns.length; slot++) rows.push(this.cell(slot, (cells[this.columns[slot]] ?? '').trim()));
  }

  /** Values per row in `extractInto`'s rows. */
  get width(): number {
    return this.columns.length;
  }

  /** Where `target` sits in a row's values; -1 when it is not mapped. */
  slot(target: Target): number {
    return this.slotOf.get(target) ?? -1;
  }

  /**
   * A column whose values hardly repeat (names, e-mail addresses, the people file's own ids)
   * stops going through the pool once that shows: an entry per row would cost more memory and
   * time than sharing saves. Its values are still copied out of the parser's text.
   */
  private cell(slot: number, value: string): string {
    if (!this.pooled[slot]) return ownCopy(value);
    const known = this.strings.known(value);
    if (known !== undefined) {
      this.hits[slot]++;
      return known;
    }
    if (++this.added[slot] === POOL_TRIAL_VALUES && this.hits[slot] < POOL_TRIAL_VALUES * POOL_MIN_HIT_RATE) {
      this.pooled[slot] = false;
    }
    return this.strings.add(value);
  }

  has(target: Target): boolean {
    return this.slotOf.has(target);
  }

  /** Trimmed value of `target` in a row; '' when the column is not mapped. */
  get(raw: RawRow, target: Target): string {
    const slot = this.slotOf.get(target);
    return slot === undefined ? '' : raw.values[slot];
  }

  /** The pooled copy of a value derived from the cells (an ISO date, a combined name). */
  intern(value: string): string {
    return this.strings.intern(value);
  }

  *values(rows: Iterable<RawRow>, target: Target): Generator<string> {
    for (const raw of rows) yield this.get(raw, target);
  }
}

/** Rows per chunk of `RowCells`. */
const CHUNK_ROWS = 4_096;

/**
 * Every row's mapped values, `width` a row, in chunks of a few thousand rows: an array per row
 * would be most of what reading a 300k-row file holds, and one array for all would be copied
 * whole (outside the young generation) each time it grew.
 */
export class RowCells {
  private readonly chunks: (string[] | null)[] = [];
  private current: string[] = [];
  private readonly chunkCells: number;
  private count = 0;

  constructor(readonly width: number) {
    this.chunkCells = CHUNK_ROWS * width;
  }

  push(value: string): void {
    if (this.count % this.chunkCells === 0) this.chunks.push((this.current = []));
    this.current.push(value);
    this.count++;
  }

  /** Rows pushed so far. */
  get rows(): number {
    return this.width === 0 ? 0 : Math.floor(this.count / this.width);
  }

  /** The value in `slot` of row `index` (from 0); '' for a slot of -1 (a column not mapped). */
  get(index: number, slot: number): string {
    if (slot < 0) return '';
    return (this.chunks[Math.floor(index / CHUNK_ROWS)] as string[])[(index % CHUNK_ROWS) * this.width + slot];
  }

  /** Lets go of the chunks of rows before `index`, once they have been read for the last time. */
  releaseBefore(index: number): void {
    for (let chunk = Math.floor(index / CHUNK_ROWS) - 1; chunk >= 0 && this.chunks[chunk] !== null; chunk--)
      this.chunks[chunk] = null;
  }

  *values(slot: number): Generator<string> {
    for (let index = 0; index < this.rows; index++) yield this.get(index, slot);
  }
}
