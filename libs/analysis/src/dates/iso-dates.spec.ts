import { addMonths, dayNumber, laterDate, monthsAgoText, monthsBetween, yearsBetween } from './iso-dates';

describe('iso dates', () => {
  it('counts whole calendar months the way a person does', () => {
    expect(monthsBetween('2025-03-01', '2025-12-01')).toBe(9);
    expect(monthsBetween('2025-03-15', '2025-04-14')).toBe(0);
    expect(monthsBetween('2025-03-15', '2025-04-15')).toBe(1);
    expect(monthsBetween('2023-12-01', '2025-12-01')).toBe(24);
    expect(monthsBetween('2025-12-01', '2025-03-01')).toBe(-9);
  });

  it('adds calendar months, clamping to the end of shorter months', () => {
    expect(addMonths('2025-12-01', -24)).toBe('2023-12-01');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
  });

  it('measures years fractionally', () => {
    expect(yearsBetween('2021-12-01', '2025-12-01')).toBeCloseTo(4, 2);
    expect(yearsBetween('2025-06-01', '2025-12-01')).toBeCloseTo(0.5, 1);
  });

  it('reads dates as UTC days and rejects garbage', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('soon')).toBeNaN();
  });

  it('picks the later of two optional dates', () => {
    expect(laterDate('2024-01-01', '2025-01-01')).toBe('2025-01-01');
    expect(laterDate(null, '2025-01-01')).toBe('2025-01-01');
    expect(laterDate(undefined, null)).toBeNull();
  });

  it('says how long ago in words', () => {
    expect(monthsAgoText(0)).toBe('this month');
    expect(monthsAgoText(1)).toBe('1 month ago');
    expect(monthsAgoText(9)).toBe('9 months ago');
    expect(monthsAgoText(25)).toBe('2 years and 1 month ago');
    expect(monthsAgoText(36)).toBe('3 years ago');
  });
});
