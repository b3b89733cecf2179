import { VALUE_LEVELS } from '@rolemap/domain';
import { type DictionaryRow, buildDictionary } from '../validate/build-dictionary';
import { starterDictionary } from './starter-dictionary';

describe('the starter dictionary', () => {
  const entries = starterDictionary();
  const activities = entries.filter((entry) => entry.kind === 'ACTIVITY');

  it('has 150-250 activities across the common functions, every level represented', () => {
    expect(activities.length).toBeGreaterThanOrEqual(150);
    expect(activities.length).toBeLessThanOrEqual(250);
    const functions = entries.filter((entry) => entry.kind === 'FUNCTION').map((entry) => entry.label);
    for (const name of [
      'Engineering',
      'Product',
      'Sales',
      'Marketing',
      'Finance',
      'HR',
      'Operations',
      'support',
      'Legal',
      'Management',
    ]) {
      expect(functions.some((label) => label.includes(name))).toBe(true);
    }
    for (const level of VALUE_LEVELS) expect(activities.filter((entry) => entry.valueLevel === level).length).toBeGreaterThan(10);
  });

  it('covers generic management work', () => {
    const labels = activities.map((entry) => entry.label.toLowerCase());
    for (const words of ['1:1s', 'hiring', 'plan the team', 'status reports', 'strategy']) {
      expect(labels.some((label) => label.includes(words))).toBe(true);
    }
  });

  it('passes the same checks as an imported file, unchanged', () => {
    const rows: DictionaryRow[] = entries.map((entry, index) => ({
      rowNumber: index + 2,
      id: entry.key,
      parentId: entry.parentKey ?? '',
      label: entry.label,
      description: entry.description ?? '',
      level: entry.valueLevel ?? '',
    }));
    const built = buildDictionary(rows, { file: 'starter' });
    expect(built.errors).toEqual([]);
    expect(built.entries).toEqual(entries);
    expect(new Set(activities.map((entry) => entry.label.toLowerCase())).size).toBe(activities.length);
  });
});
