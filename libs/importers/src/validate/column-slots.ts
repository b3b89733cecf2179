import type { StringPool } from './string-pool';

/** The mapped cells of one row, kept compactly until the whole file is read. */
export interface RawRow {
  rowNumber: number;
  /** One trimmed value per slot of the file's `ColumnSlots`, shared through the import's string pool. */
  values: string[];
}

/**
 * Positions of the mapped targets inside `RawRow.values`. Only mapped cells are kept, so
 * memory grows with the records, not with the width of the file.
 */
export class ColumnSlots<Target extends string> {
  readonly targets: Target[];
  private readonly columns: number[];
  private readonly slotOf = new Map<Target, number>();

  constructor(
    columnOf: Partial<Record<Target, number>>,
    private readonly strings: StringPool,
  ) {
    this.targets = Object.keys(columnOf) as Target[];
    this.columns = this.targets.map((target) => columnOf[target] as number);
    this.targets.forEach((target, slot) => this.slotOf.set(target, slot));
  }

  extract(cells: readonly string[]): string[] {
    const values = new Array<string>(this.columns.length);
    for (let slot = 0; slot < values.length; slot++) values[slot] = this.strings.intern((cells[this.columns[slot]] ?? '').trim());
    return values;
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
