import { ColumnSlots, RowCells } from './column-slots';
import { StringPool } from './string-pool';

describe('ColumnSlots', () => {
  it('stops pooling a column whose values do not repeat, and keeps pooling one whose values do', () => {
    const pool = new StringPool();
    const slots = new ColumnSlots<'employee_id' | 'department'>({ employee_id: 0, department: 1 }, pool);
    const rows = new RowCells(slots.width);
    for (let index = 0; index < 10_000; index++) slots.extractInto([` E${index} `, `Dept ${index % 7}`], rows);
    // 2,000 ids went in before the column showed no repeats; the departments are pooled throughout.
    expect(pool.size).toBe(2_000 + 7);
    expect(rows.rows).toBe(10_000);
    expect(rows.get(9_999, slots.slot('employee_id'))).toBe('E9999');
    expect(rows.get(9_999, slots.slot('department'))).toBe('Dept 3');
  });
});

describe('RowCells', () => {
  it('gives back every row across chunks, empty for an unmapped slot, and lets go of rows already read', () => {
    const rows = new RowCells(2);
    for (let index = 0; index < 10_000; index++) {
      rows.push(`a${index}`);
      rows.push(`b${index}`);
    }
    expect(rows.rows).toBe(10_000);
    expect([...rows.values(1)].slice(4_095, 4_098)).toEqual(['b4095', 'b4096', 'b4097']);
    expect(rows.get(8_191, 0)).toBe('a8191');
    expect(rows.get(3, -1)).toBe('');
    rows.releaseBefore(8_192);
    expect(rows.get(8_192, 0)).toBe('a8192');
    expect(() => rows.get(0, 0)).toThrow();
  });
});
