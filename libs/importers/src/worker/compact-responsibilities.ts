import type { ResponsibilityRecord, ValueLevel } from '@rolemap/domain';
import type { ResponsibilityRows } from '../responsibilities/parse-responsibilities-file';

/**
 * A file's valid responsibilities as a few transferable arrays: numbers as Float64Arrays, every
 * other field as ordinals into a table of its distinct values. Handing 300k rows to another
 * thread then copies no row, a value repeated on many rows (a responsibility's wording, an
 * employee id, a date) crosses once, and the reading thread never holds 300k record objects.
 */
export interface CompactResponsibilities {
  length: number;
  rowNumbers: Float64Array;
  sharePcts: Float64Array;
  employeeIds: CompactValues<string>;
  responsibilities: CompactValues<string>;
  descriptions: CompactValues<string | null>;
  valueLevels: CompactValues<ValueLevel | null>;
  since: CompactValues<string | null>;
}

export interface CompactValues<Value> {
  values: Value[];
  ordinals: Int32Array;
}

/** Collects rows as `CompactResponsibilities` (for `readResponsibilities`). */
export class CompactRows implements ResponsibilityRows<CompactResponsibilities> {
  private readonly rowNumbers: number[] = [];
  private readonly sharePcts: number[] = [];
  private readonly employeeIds = new ValueTable<string>();
  private readonly responsibilities = new ValueTable<string>();
  private readonly descriptions = new ValueTable<string | null>();
  private readonly valueLevels = new ValueTable<ValueLevel | null>();
  private readonly since = new ValueTable<string | null>();

  add(
    rowNumber: number,
    employeeId: string,
    responsibility: string,
    description: string | null,
    valueLevel: ValueLevel | null,
    sharePct: number,
    since: string | null,
  ): void {
    this.rowNumbers.push(rowNumber);
    this.sharePcts.push(sharePct);
    this.employeeIds.add(employeeId);
    this.responsibilities.add(responsibility);
    this.descriptions.add(description);
    this.valueLevels.add(valueLevel);
    this.since.add(since);
  }

  get length(): number {
    return this.rowNumbers.length;
  }

  rowNumber(index: number): number {
    return this.rowNumbers[index];
  }

  employeeId(index: number): string {
    return this.employeeIds.at(index);
  }

  sharePct(index: number): number {
    return this.sharePcts[index];
  }

  done(): CompactResponsibilities {
    return {
      length: this.rowNumbers.length,
      rowNumbers: Float64Array.from(this.rowNumbers),
      sharePcts: Float64Array.from(this.sharePcts),
      employeeIds: this.employeeIds.done(),
      responsibilities: this.responsibilities.done(),
      descriptions: this.descriptions.done(),
      valueLevels: this.valueLevels.done(),
      since: this.since.done(),
    };
  }
}

/** What to list in postMessage's transfer list, so the arrays move instead of being copied. */
export function transferablesOf(compact: CompactResponsibilities): ArrayBuffer[] {
  const { rowNumbers, sharePcts, employeeIds, responsibilities, descriptions, valueLevels, since } = compact;
  return [
    rowNumbers,
    sharePcts,
    employeeIds.ordinals,
    responsibilities.ordinals,
    descriptions.ordinals,
    valueLevels.ordinals,
    since.ordinals,
  ].map((array) => array.buffer as ArrayBuffer);
}

/** The records, each built from one object literal (the layout `parseResponsibilitiesFile` gives them). */
export function recordsOf(compact: CompactResponsibilities): ResponsibilityRecord[] {
  const { rowNumbers, sharePcts, employeeIds, responsibilities, descriptions, valueLevels, since } = compact;
  const records = new Array<ResponsibilityRecord>(compact.length);
  for (let index = 0; index < compact.length; index++) {
    records[index] = {
      rowNumber: rowNumbers[index],
      employeeId: employeeIds.values[employeeIds.ordinals[index]],
      responsibility: responsibilities.values[responsibilities.ordinals[index]],
      description: descriptions.values[descriptions.ordinals[index]],
      valueLevel: valueLevels.values[valueLevels.ordinals[index]],
      sharePct: sharePcts[index],
      since: since.values[since.ordinals[index]],
    };
  }
  return records;
}

/** One column's distinct values and each row's ordinal among them. */
class ValueTable<Value> {
  private readonly ordinalOf = new Map<Value, number>();
  private readonly values: Value[] = [];
  private readonly ordinals: number[] = [];

  add(value: Value): void {
    let ordinal = this.ordinalOf.get(value);
    if (ordinal === undefined) {
      ordinal = this.values.push(value) - 1;
      this.ordinalOf.set(value, ordinal);
    }
    this.ordinals.push(ordinal);
  }

  at(index: number): Value {
    return this.values[this.ordinals[index]];
  }

  done(): CompactValues<Value> {
    return { values: this.values, ordinals: Int32Array.from(this.ordinals) };
  }
}
