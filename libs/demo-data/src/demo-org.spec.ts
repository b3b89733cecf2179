import { DEFAULT_POLICY, type PeopleRecord, type ResponsibilityRecord, type Tier, type ValueLevel } from '@rolemap/domain';
import { buildDemoOrg, DEFAULT_DEMO_AS_OF, DEMO_CAST, demoIntendedValueLevel, generateDemoOrg } from './demo-org';
import type { DemoCastKey } from './demo-org-blueprint';
import { monthsBetween } from './iso-date';

const { expectedMix, thresholds } = DEFAULT_POLICY;
const org = generateDemoOrg();
const asOf = DEFAULT_DEMO_AS_OF;
const byId = new Map(org.people.map((person) => [person.employeeId, person]));
const dutiesOf = new Map<string, ResponsibilityRecord[]>();
for (const duty of org.responsibilities) dutiesOf.set(duty.employeeId, [...(dutiesOf.get(duty.employeeId) ?? []), duty]);
const reportsOf = new Map<string, PeopleRecord[]>();
for (const person of org.people) {
  if (person.managerId) reportsOf.set(person.managerId, [...(reportsOf.get(person.managerId) ?? []), person]);
}
const castIds = new Set(Object.values(DEMO_CAST));

function cast(key: DemoCastKey): PeopleRecord {
  const person = byId.get(DEMO_CAST[key]);
  if (!person) throw new Error(`cast member ${key} missing`);
  return person;
}
function duties(person: PeopleRecord): ResponsibilityRecord[] {
  return dutiesOf.get(person.employeeId) ?? [];
}
function totalShare(person: PeopleRecord): number {
  return duties(person).reduce((sum, duty) => sum + duty.sharePct, 0);
}
/** Only levels the file states, so the stories do not depend on the classifier. */
function givenShare(person: PeopleRecord, level: ValueLevel): number {
  return duties(person)
    .filter((duty) => duty.valueLevel === level)
    .reduce((sum, duty) => sum + duty.sharePct, 0);
}
/** Stated levels plus the intended level of the blank ones: what a correct classifier would see. */
function intendedShare(person: PeopleRecord, level: ValueLevel): number {
  return duties(person)
    .filter((duty) => (duty.valueLevel ?? demoIntendedValueLevel(duty.responsibility)) === level)
    .reduce((sum, duty) => sum + duty.sharePct, 0);
}
function carriedOverShare(person: PeopleRecord): number {
  const promotedOn = person.lastPromotionDate;
  if (!promotedOn) return 0;
  return duties(person)
    .filter((duty) => duty.since !== null && duty.since < promotedOn)
    .reduce((sum, duty) => sum + duty.sharePct, 0);
}
function depthOf(person: PeopleRecord): number {
  let depth = 1;
  for (let current = person; current.managerId; depth++) current = byId.get(current.managerId) as PeopleRecord;
  return depth;
}
/** Tiers a title parser could reasonably give; the checks below must hold for each of them. */
function plausibleTiers(title: string): Tier[] {
  if (/^Chief /.test(title)) return ['EXECUTIVE'];
  if (/^VP /.test(title)) return ['DIRECTOR', 'EXECUTIVE'];
  if (/^Director of /.test(title)) return ['DIRECTOR'];
  if (/^Head of /.test(title)) return ['MANAGER', 'DIRECTOR'];
  if (/\bManager\b/.test(title)) return ['MANAGER'];
  if (/^Team Lead\b/.test(title)) return ['IC', 'MANAGER'];
  return ['IC'];
}
function isRecentlyPromoted(person: PeopleRecord): boolean {
  return person.lastPromotionDate !== null && monthsBetween(person.lastPromotionDate, asOf) < thresholds.promotionWindowMonths;
}
function monthsInRole(person: PeopleRecord): number {
  return monthsBetween(person.roleStartDate as string, asOf);
}
const significantWords = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word.length >= 4 && !['with', 'from', 'that', 'this', 'every'].includes(word)),
  );
function sharedWords(a: string, b: string): number {
  const wordsOfB = significantWords(b);
  return [...significantWords(a)].filter((word) => wordsOfB.has(word)).length;
}

describe('generateDemoOrg: determinism', () => {
  it('returns the same company on every call', () => {
    expect(generateDemoOrg()).toEqual(org);
  });

  it('keeps the cast and structure when asOf moves, and shifts the dates with it', () => {
    const later = generateDemoOrg({ asOf: '2027-05-01' });
    expect(later.people.map((p) => [p.employeeId, p.name, p.title, p.managerId])).toEqual(
      org.people.map((p) => [p.employeeId, p.name, p.title, p.managerId]),
    );
    const director = later.people.find((p) => p.employeeId === DEMO_CAST.promotedDirector) as PeopleRecord;
    expect(monthsBetween(director.lastPromotionDate as string, '2027-05-01')).toBe(8);
  });

  it('rejects an asOf that is not an ISO date', () => {
    expect(() => generateDemoOrg({ asOf: '01/11/2026' })).toThrow(/ISO date/);
  });

  it('DEMO_CAST names the ids the generator actually gives the cast', () => {
    expect(buildDemoOrg().castIds).toEqual(DEMO_CAST);
  });
});

describe('generateDemoOrg: structure', () => {
  it('is a ~150-person company named Northwind Robotics', () => {
    expect(org.name).toBe('Northwind Robotics');
    expect(org.people.length).toBeGreaterThanOrEqual(140);
    expect(org.people.length).toBeLessThanOrEqual(160);
  });

  it('has exactly one root, the CEO, and every manager id resolves', () => {
    const roots = org.people.filter((person) => person.managerId === null);
    expect(roots.map((person) => person.title)).toEqual(['Chief Executive Officer']);
    for (const person of org.people) if (person.managerId) expect(byId.has(person.managerId)).toBe(true);
  });

  it('is 5-6 levels deep without cycles', () => {
    // depthOf walks up to the root; a cycle would never terminate, so cap the walk first.
    for (const person of org.people) {
      let current: PeopleRecord | undefined = person;
      for (let steps = 0; current?.managerId && steps <= org.people.length; steps++) current = byId.get(current.managerId);
      expect(current?.managerId).toBeNull();
    }
    const maxDepth = Math.max(...org.people.map(depthOf));
    expect(maxDepth).toBeGreaterThanOrEqual(5);
    expect(maxDepth).toBeLessThanOrEqual(6);
  });

  it('numbers ids and rows like a CSV export with a header', () => {
    org.people.forEach((person, index) => {
      expect(person.employeeId).toBe(`E${String(index + 1).padStart(4, '0')}`);
      expect(person.rowNumber).toBe(index + 2);
    });
    org.responsibilities.forEach((duty, index) => expect(duty.rowNumber).toBe(index + 2));
  });

  it('covers the usual departments, several locations and tier-signalling titles', () => {
    const departments = new Set(org.people.map((person) => person.department));
    for (const name of ['Engineering', 'Product', 'Sales', 'Marketing', 'Customer Success', 'Finance', 'People', 'Operations']) {
      expect(departments).toContain(name);
    }
    expect(new Set(org.people.map((person) => person.location)).size).toBeGreaterThanOrEqual(4);
    const titles = org.people.map((person) => person.title);
    for (const signal of [/^Chief /, /^VP /, /^Director of /, /^Head of /, / Manager\b/, /^Team Lead/, /Engineer$/, /Analyst$/]) {
      expect(titles.some((title) => signal.test(title))).toBe(true);
    }
  });

  it('has exactly one vacant post, named "Vacant", without personal data', () => {
    const vacant = org.people.filter((person) => person.vacant);
    expect(vacant).toHaveLength(1);
    expect(vacant[0]).toMatchObject({
      employeeId: DEMO_CAST.vacantPost,
      name: 'Vacant',
      email: null,
      hireDate: null,
      performanceRating: null,
    });
    expect(org.people.filter((person) => person.name === 'Vacant')).toHaveLength(1);
  });

  it('gives everyone else a unique name and email, sane dates, a rating or none, and an FTE', () => {
    const staffed = org.people.filter((person) => !person.vacant);
    expect(new Set(staffed.map((person) => person.name)).size).toBe(staffed.length);
    expect(new Set(staffed.map((person) => person.email)).size).toBe(staffed.length);
    for (const person of staffed) {
      expect(person.email).toMatch(/^[a-z0-9.]+@northwind-robotics\.example$/);
      expect(person.hireDate! <= person.roleStartDate!).toBe(true);
      expect(person.roleStartDate! <= asOf).toBe(true);
      if (person.lastPromotionDate) {
        expect(person.lastPromotionDate >= person.hireDate!).toBe(true);
        expect(person.previousTitle).not.toBeNull();
      }
      if (person.performanceRating !== null) expect([1, 2, 3, 4, 5]).toContain(person.performanceRating);
      expect(person.fte).toBeGreaterThan(0);
      expect(person.fte).toBeLessThanOrEqual(1);
    }
    expect(staffed.filter((person) => person.fte! < 1).length).toBeGreaterThanOrEqual(3);
    expect(staffed.filter((person) => person.previousTitle !== null).length).toBeGreaterThanOrEqual(20);
  });
});

describe('generateDemoOrg: responsibilities', () => {
  it('gives every post 2-6 responsibilities adding up to at most 100 percent', () => {
    for (const person of org.people) {
      expect(duties(person).length).toBeGreaterThanOrEqual(2);
      expect(duties(person).length).toBeLessThanOrEqual(6);
      expect(totalShare(person)).toBeLessThanOrEqual(100);
      expect(totalShare(person)).toBeGreaterThanOrEqual(60);
    }
    for (const duty of org.responsibilities) expect(byId.has(duty.employeeId)).toBe(true);
  });

  it('dates each responsibility inside the holder’s employment', () => {
    for (const duty of org.responsibilities) {
      const holder = byId.get(duty.employeeId) as PeopleRecord;
      if (holder.vacant) continue;
      expect(duty.since).not.toBeNull();
      expect(duty.since! >= holder.hireDate!).toBe(true);
      expect(duty.since! <= asOf).toBe(true);
    }
  });

  it('leaves about a third of the levels to the classifier, each with an intended level', () => {
    const blank = org.responsibilities.filter((duty) => duty.valueLevel === null);
    const ratio = blank.length / org.responsibilities.length;
    expect(ratio).toBeGreaterThan(0.25);
    expect(ratio).toBeLessThan(0.42);
    for (const duty of blank) expect(demoIntendedValueLevel(duty.responsibility)).toBeDefined();
  });

  it('never gives one text two different levels', () => {
    const levelByText = new Map<string, ValueLevel>();
    for (const duty of org.responsibilities) {
      if (!duty.valueLevel) continue;
      expect(levelByText.get(duty.responsibility) ?? duty.valueLevel).toBe(duty.valueLevel);
      levelByText.set(duty.responsibility, duty.valueLevel);
      expect(demoIntendedValueLevel(duty.responsibility)).toBe(duty.valueLevel);
    }
  });
});

describe('generateDemoOrg: finding stories under DEFAULT_POLICY', () => {
  it('PROMOTED_STILL_TACTICAL: a director promoted 8 months ago still spends 45% on implementation, mostly carried over', () => {
    const director = cast('promotedDirector');
    expect(director.title).toMatch(/^Director of Engineering/);
    expect(director.previousTitle).toMatch(/Engineering Manager/);
    expect(monthsBetween(director.lastPromotionDate!, asOf)).toBe(8);
    expect(isRecentlyPromoted(director)).toBe(true);
    const implementation = givenShare(director, 'IMPLEMENTATION');
    expect(implementation).toBe(45);
    expect(implementation).toBeGreaterThan(expectedMix.DIRECTOR.IMPLEMENTATION + thresholds.implementationExcessPoints);
    expect(carriedOverShare(director)).toBeGreaterThanOrEqual(thresholds.carriedOverSharePct);
  });

  it('PROMOTED_STILL_TACTICAL: a new engineering manager kept the senior engineer’s tasks', () => {
    const manager = cast('promotedManager');
    expect(manager.title).toMatch(/Engineering Manager/);
    expect(manager.previousTitle).toBe('Senior Software Engineer');
    expect(isRecentlyPromoted(manager)).toBe(true);
    expect(givenShare(manager, 'IMPLEMENTATION')).toBeGreaterThan(
      expectedMix.MANAGER.IMPLEMENTATION + thresholds.implementationExcessPoints,
    );
    expect(carriedOverShare(manager)).toBeGreaterThanOrEqual(thresholds.carriedOverSharePct);
    expect(reportsOf.get(manager.employeeId)?.length).toBeGreaterThanOrEqual(thresholds.spanMin);
  });

  it('DELEGATION_GAP: the VP Sales builds the pipeline spreadsheet and a report has room and a similar task', () => {
    const vp = cast('vpSales');
    expect(vp.title).toBe('VP Sales');
    for (const tier of plausibleTiers(vp.title)) {
      expect(givenShare(vp, 'IMPLEMENTATION')).toBeGreaterThan(
        expectedMix[tier].IMPLEMENTATION + thresholds.managerImplementationExcessPoints,
      );
    }
    const spreadsheet = duties(vp).find(
      (duty) => duty.responsibility === 'Prepare the weekly pipeline spreadsheet',
    ) as ResponsibilityRecord;
    expect(spreadsheet).toMatchObject({ valueLevel: 'IMPLEMENTATION', sharePct: 15 });
    expect(spreadsheet.sharePct).toBeGreaterThanOrEqual(thresholds.delegationMinSharePct);

    const delegates = (reportsOf.get(vp.employeeId) ?? []).filter(
      (report) =>
        100 - totalShare(report) >= spreadsheet.sharePct &&
        duties(report).some((duty) => sharedWords(duty.responsibility, spreadsheet.responsibility) >= 2),
    );
    expect(delegates.map((report) => report.employeeId)).toEqual([DEMO_CAST.salesOperationsManager]);
  });

  it('DELEGATION_GAP: the Director of Finance reconciles accounts herself and no report has room', () => {
    const director = cast('directorOfFinance');
    expect(director.title).toBe('Director of Finance');
    expect(givenShare(director, 'IMPLEMENTATION')).toBeGreaterThan(
      expectedMix.DIRECTOR.IMPLEMENTATION + thresholds.managerImplementationExcessPoints,
    );
    const reports = reportsOf.get(director.employeeId) ?? [];
    expect(reports.length).toBeGreaterThanOrEqual(2);
    for (const report of reports) expect(totalShare(report)).toBe(100);
  });

  it('PIGEONHOLING_RISK: tenured high performers doing hands-on work, one the sole holder of a specialist task', () => {
    for (const key of ['billingAnalyst', 'roboticsEngineer', 'seniorSupportSpecialist'] as const) {
      const person = cast(key);
      expect(person.performanceRating).toBeGreaterThanOrEqual(thresholds.pigeonholeMinRating);
      expect(monthsInRole(person)).toBeGreaterThanOrEqual(12 * thresholds.pigeonholeMinYearsInRole);
      if (person.lastPromotionDate) expect(monthsBetween(person.lastPromotionDate, asOf)).toBeGreaterThanOrEqual(36);
      expect(givenShare(person, 'IMPLEMENTATION')).toBeGreaterThanOrEqual(thresholds.pigeonholeMinImplementationPct);
      expect(plausibleTiers(person.title)).toEqual(['IC']);
    }
    const holders = org.responsibilities.filter((duty) => duty.responsibility === 'Maintain the billing reconciliation engine');
    expect(holders.map((duty) => duty.employeeId)).toEqual([DEMO_CAST.billingAnalyst]);
  });

  it('SPAN_OF_CONTROL: only the Head of Data Science (1 report) and the support manager (14) are outside the limits', () => {
    const outliers = [...reportsOf]
      .filter(([, reports]) => reports.length < thresholds.spanMin || reports.length > thresholds.spanMax)
      .map(([id, reports]) => [id, reports.length]);
    expect(outliers.sort()).toEqual(
      [
        [DEMO_CAST.headOfDataScience, 1],
        [DEMO_CAST.customerSupportManager, 14],
      ].sort(),
    );
  });

  it('LAYERS: the CEO has five layers below, within the default limit (lower maxLayers to 4 to see the finding)', () => {
    const layersBelowCeo = Math.max(...org.people.map(depthOf)) - 1;
    expect(layersBelowCeo).toBe(5);
    expect(layersBelowCeo).toBeLessThanOrEqual(thresholds.maxLayers);
  });

  it('only the cast trips the thresholds: ordinary people stay within every plausible tier’s limits', () => {
    const offenders: string[] = [];
    for (const person of org.people) {
      if (castIds.has(person.employeeId)) continue;
      const implementation = intendedShare(person, 'IMPLEMENTATION');
      for (const tier of plausibleTiers(person.title)) {
        if (tier === 'IC') continue;
        // The analysis flags at or above expected + excess, so ordinary leaders stay strictly below.
        if (implementation >= expectedMix[tier].IMPLEMENTATION + thresholds.implementationExcessPoints) {
          offenders.push(`${person.employeeId} too tactical for ${tier}`);
        }
        const handsOn = duties(person).filter(
          (duty) =>
            (duty.valueLevel ?? demoIntendedValueLevel(duty.responsibility)) === 'IMPLEMENTATION' &&
            duty.sharePct >= thresholds.delegationMinSharePct,
        );
        if (tier !== 'MANAGER' && handsOn.length > 0) offenders.push(`${person.employeeId} hands-on ${tier}`);
      }
      if (carriedOverShare(person) > 0) offenders.push(`${person.employeeId} carries work over`);
      const pigeonholed =
        (person.performanceRating ?? 0) >= thresholds.pigeonholeMinRating &&
        monthsInRole(person) >= 12 * thresholds.pigeonholeMinYearsInRole &&
        implementation >= thresholds.pigeonholeMinImplementationPct;
      if (pigeonholed) offenders.push(`${person.employeeId} pigeonholed`);
    }
    expect(offenders).toEqual([]);
  });
});
