import { DEFAULT_POLICY, type PeopleRecord, type ResponsibilityRecord, type ValueLevel } from '@rolemap/domain';
import { monthsBetween } from './iso-date';
import { RESPONSIBILITY_VOCABULARY } from './responsibility-vocabulary';
import { generateSyntheticOrg, type SyntheticOrg } from './synthetic-org';

const { thresholds } = DEFAULT_POLICY;
const asOf = '2026-11-01';
const org = generateSyntheticOrg({ size: 10_000, seed: 42, asOf });
const intendedLevel = new Map(RESPONSIBILITY_VOCABULARY.map((entry) => [entry.text, entry.level]));

function index(orgToIndex: SyntheticOrg) {
  const byId = new Map(orgToIndex.people.map((person) => [person.employeeId, person]));
  const duties = new Map<string, ResponsibilityRecord[]>();
  for (const duty of orgToIndex.responsibilities) {
    const list = duties.get(duty.employeeId);
    if (list) list.push(duty);
    else duties.set(duty.employeeId, [duty]);
  }
  const reportCount = new Map<string, number>();
  for (const person of orgToIndex.people) {
    if (person.managerId) reportCount.set(person.managerId, (reportCount.get(person.managerId) ?? 0) + 1);
  }
  return { byId, duties, reportCount };
}
const { byId, duties, reportCount } = index(org);

function share(person: PeopleRecord, predicate: (duty: ResponsibilityRecord) => boolean): number {
  return (duties.get(person.employeeId) ?? []).filter(predicate).reduce((sum, duty) => sum + duty.sharePct, 0);
}
const isLevel = (level: ValueLevel) => (duty: ResponsibilityRecord) =>
  (duty.valueLevel ?? intendedLevel.get(duty.responsibility)) === level;

describe('generateSyntheticOrg: structure', () => {
  it('creates exactly `size` people with unique ids and header-style row numbers', () => {
    expect(org.people).toHaveLength(10_000);
    expect(new Set(org.people.map((person) => person.employeeId)).size).toBe(10_000);
    // Collect offenders and compare once: a per-row expect would dominate the run time.
    expect(org.people.filter((person, position) => person.rowNumber !== position + 2)).toEqual([]);
    expect(org.responsibilities.filter((duty, position) => duty.rowNumber !== position + 2)).toEqual([]);
  });

  it('has one root, resolvable managers and no cycles', () => {
    expect(org.people.filter((person) => person.managerId === null)).toHaveLength(1);
    const depth = new Map<string, number>();
    const broken: string[] = [];
    for (const person of org.people) {
      // Walk up with a step limit: a cycle or a dangling manager id ends somewhere other than the root.
      let current: PeopleRecord | undefined = person;
      let steps = 0;
      while (current?.managerId && steps <= org.people.length) {
        current = byId.get(current.managerId);
        steps++;
      }
      if (current?.managerId !== null) broken.push(person.employeeId);
      depth.set(person.employeeId, steps + 1);
    }
    expect(broken).toEqual([]);
    const maxDepth = Math.max(...depth.values());
    expect(maxDepth).toBeGreaterThanOrEqual(5);
    expect(maxDepth).toBeLessThanOrEqual(9);
  });

  it('builds a pyramid with typical spans up to maxSpan plus a few planted outliers', () => {
    const spans = [...reportCount.values()];
    const ordinary = spans.filter((span) => span >= 2 && span <= 10);
    expect(ordinary.length / spans.length).toBeGreaterThan(0.95);
    const average = spans.reduce((sum, span) => sum + span, 0) / spans.length;
    expect(average).toBeGreaterThanOrEqual(5);
    expect(average).toBeLessThanOrEqual(10);
    expect(spans.filter((span) => span < thresholds.spanMin).length).toBeGreaterThan(0);
    expect(spans.filter((span) => span > thresholds.spanMax).length).toBeGreaterThan(0);
  });

  it('respects a smaller maxSpan', () => {
    const narrow = generateSyntheticOrg({ size: 3_000, seed: 1, maxSpan: 6 });
    const counts = index(narrow).reportCount;
    const spans = [...counts.values()];
    expect(spans.filter((span) => span <= 6).length / spans.length).toBeGreaterThan(0.95);
    expect(Math.max(...spans.filter((span) => span !== counts.get(narrow.people[0].employeeId)))).toBeLessThanOrEqual(6 + 8);
  });

  it('handles tiny orgs', () => {
    expect(generateSyntheticOrg({ size: 1 }).people).toEqual([
      expect.objectContaining({ managerId: null, title: 'Chief Executive Officer' }),
    ]);
    expect(generateSyntheticOrg({ size: 3 }).people.map((person) => person.managerId)).toEqual([null, 'E0001', 'E0001']);
    expect(() => generateSyntheticOrg({ size: 0 })).toThrow(/size/);
  });
});

describe('generateSyntheticOrg: content', () => {
  it('gives about three responsibilities per person, each person at most 100 percent', () => {
    const perPerson = org.responsibilities.length / org.people.length;
    expect(perPerson).toBeGreaterThanOrEqual(2.5);
    expect(perPerson).toBeLessThanOrEqual(3.5);
    const totals = org.people.map((person) => share(person, () => true));
    expect(totals.filter((total) => total <= 0 || total > 100)).toEqual([]);
    expect(org.responsibilities.filter((duty) => !byId.has(duty.employeeId))).toEqual([]);
  });

  it('draws texts from the vocabulary and leaves about a third of the levels blank', () => {
    expect(org.responsibilities.filter((duty) => !intendedLevel.has(duty.responsibility))).toEqual([]);
    const blank = org.responsibilities.filter((duty) => duty.valueLevel === null).length / org.responsibilities.length;
    expect(blank).toBeGreaterThan(0.2);
    expect(blank).toBeLessThan(0.45);
  });

  it('keeps dates consistent with asOf and each other', () => {
    expect(org.people.filter((person) => !(person.hireDate! <= person.roleStartDate! && person.roleStartDate! <= asOf))).toEqual(
      [],
    );
    expect(
      org.responsibilities.filter((duty) => !(duty.since! >= byId.get(duty.employeeId)!.hireDate! && duty.since! <= asOf)),
    ).toEqual([]);
    expect(
      org.people.filter((person) => person.lastPromotionDate !== null && person.lastPromotionDate !== person.roleStartDate),
    ).toEqual([]);
  });

  it('plants cases of every finding kind', () => {
    const leaders = org.people.filter((person) => reportCount.has(person.employeeId));
    const promotedStillTactical = leaders.filter(
      (person) =>
        person.lastPromotionDate !== null &&
        monthsBetween(person.lastPromotionDate, asOf) < thresholds.promotionWindowMonths &&
        share(person, (duty) => duty.since! < person.lastPromotionDate!) >= thresholds.carriedOverSharePct,
    );
    const handsOnLeaders = org.people.filter(
      (person) => /^(Chief|VP|Senior Director|Director)\b/.test(person.title) && share(person, isLevel('IMPLEMENTATION')) >= 25,
    );
    const pigeonholed = org.people.filter(
      (person) =>
        !reportCount.has(person.employeeId) &&
        (person.performanceRating ?? 0) >= thresholds.pigeonholeMinRating &&
        monthsBetween(person.roleStartDate!, asOf) >= 12 * thresholds.pigeonholeMinYearsInRole &&
        share(person, isLevel('IMPLEMENTATION')) >= thresholds.pigeonholeMinImplementationPct,
    );
    const withSpareCapacity = org.people.filter((person) => share(person, () => true) <= 70);
    expect(promotedStillTactical.length).toBeGreaterThan(10);
    expect(handsOnLeaders.length).toBeGreaterThan(5);
    expect(pigeonholed.length).toBeGreaterThan(50);
    expect(withSpareCapacity.length).toBeGreaterThan(50);
  });
});

describe('generateSyntheticOrg: determinism', () => {
  it('returns the same org for the same seed and a different one for another seed', () => {
    const first = generateSyntheticOrg({ size: 2_000, seed: 9 });
    expect(generateSyntheticOrg({ size: 2_000, seed: 9 })).toEqual(first);
    expect(generateSyntheticOrg({ size: 2_000, seed: 10 })).not.toEqual(first);
  });
});
