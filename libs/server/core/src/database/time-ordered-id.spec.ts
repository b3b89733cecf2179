import { createTimeOrderedIdFactory } from './time-ordered-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createTimeOrderedIdFactory', () => {
  it('makes well-formed version 7 UUIDs', () => {
    const next = createTimeOrderedIdFactory();
    for (let i = 0; i < 100; i++) expect(next()).toMatch(UUID_V7);
  });

  it('keeps ids strictly ascending within one millisecond and across a frozen clock', () => {
    const next = createTimeOrderedIdFactory(() => 1_764_028_800_000);
    const ids = Array.from({ length: 10_000 }, next);
    const sorted = [...ids].sort();
    expect(ids).toEqual(sorted);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stays ascending when the clock goes backwards', () => {
    let clock = 2_000_000;
    const next = createTimeOrderedIdFactory(() => clock);
    const first = next();
    clock = 1_000_000;
    expect(next() > first).toBe(true);
  });

  it('encodes the timestamp in the first 48 bits', () => {
    const id = createTimeOrderedIdFactory(() => 0x0123456789ab)();
    expect(id.startsWith('01234567-89ab-7')).toBe(true);
  });
});
