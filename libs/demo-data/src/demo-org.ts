import type { IsoDate, PeopleRecord, ResponsibilityRecord, ValueLevel } from '@rolemap/domain';
import {
  DEMO_EMAIL_DOMAIN,
  DEMO_ORG_BLUEPRINT,
  DEMO_ORG_NAME,
  type CastMember,
  type DemoCastKey,
  type PositionBlueprint,
} from './demo-org-blueprint';
import { addDays, addMonths, monthsBetween, parseIsoDate } from './iso-date';
import { createNamePicker, emailLocalPart } from './names';
import { createRandom, type Random } from './random';
import { draftResponsibilities } from './responsibility-mix';
import { RESPONSIBILITY_VOCABULARY, ROLE_FAMILIES, type MixProfile, type RoleFamily } from './responsibility-vocabulary';

export interface DemoOrg {
  name: string;
  people: PeopleRecord[];
  responsibilities: ResponsibilityRecord[];
}

export interface DemoOrgOptions {
  /** The date the chart describes; every other date is counted back from it. */
  asOf?: IsoDate;
}

export const DEFAULT_DEMO_AS_OF: IsoDate = '2026-11-01';

/**
 * Employee ids of the people the demo's findings are about (for docs, tours and tests).
 * Ids follow the chart top-down, level by level, so they only move if the blueprint changes.
 */
export const DEMO_CAST: Readonly<Record<DemoCastKey, string>> = {
  ceo: 'E0001',
  vpSales: 'E0004',
  promotedDirector: 'E0011',
  headOfDataScience: 'E0013',
  salesOperationsManager: 'E0016',
  customerSupportManager: 'E0023',
  directorOfFinance: 'E0025',
  promotedManager: 'E0035',
  seniorSupportSpecialist: 'E0070',
  billingAnalyst: 'E0089',
  vacantPost: 'E0131',
  recentJoiner: 'E0128',
  roboticsEngineer: 'E0132',
};

// Fixed: the demo must look the same in every screenshot; `asOf` only shifts the dates.
const DEMO_SEED = 20_261_101;
/** Chance that a plainly worded responsibility is left for the classifier (about a third overall). */
const LEAVE_FOR_CLASSIFIER = 0.42;
const RATING_WEIGHTS: ReadonlyArray<[rating: number, weight: number]> = [
  [2, 0.08],
  [3, 0.5],
  [4, 0.32],
  [5, 0.1],
];

/** Months since hire an ordinary holder of each kind of role has, as [min, max]. */
const TENURE_MONTHS: Record<MixProfile, [number, number]> = {
  IC: [2, 96],
  TEAM_LEAD: [18, 96],
  MANAGER: [18, 110],
  HEAD: [18, 100],
  DIRECTOR: [30, 120],
  EXECUTIVE: [20, 110],
};

/** A deterministic ~150-person robotics company whose data triggers every kind of finding. */
export function generateDemoOrg(options: DemoOrgOptions = {}): DemoOrg {
  return buildDemoOrg(options).org;
}

/** Also returns which employee id each cast member received, so tests can guard `DEMO_CAST`. */
export function buildDemoOrg(options: DemoOrgOptions = {}): { org: DemoOrg; castIds: Partial<Record<DemoCastKey, string>> } {
  const asOf = options.asOf ?? DEFAULT_DEMO_AS_OF;
  parseIsoDate(asOf);
  const random = createRandom(DEMO_SEED);
  const builder = new DemoOrgBuilder(asOf, random, castNames(DEMO_ORG_BLUEPRINT));

  // Breadth-first, so ids run from the CEO down one level at a time, as HRIS exports often do.
  const queue: Array<{ blueprint: PositionBlueprint; managerId: string | null }> = [
    { blueprint: DEMO_ORG_BLUEPRINT, managerId: null },
  ];
  for (let head = 0; head < queue.length; head++) {
    const { blueprint, managerId } = queue[head];
    for (let copy = 0; copy < (blueprint.count ?? 1); copy++) {
      const employeeId = builder.addPosition(blueprint, managerId);
      for (const report of blueprint.reports ?? []) queue.push({ blueprint: report, managerId: employeeId });
    }
  }
  return {
    org: { name: DEMO_ORG_NAME, people: builder.people, responsibilities: builder.responsibilities },
    castIds: builder.castIds,
  };
}

let intendedLevels: Map<string, ValueLevel> | null = null;

/**
 * The level the demo's author meant for a responsibility text, including the ones the demo leaves
 * blank for the classifier: a labelled set for checking the classifier against the demo.
 */
export function demoIntendedValueLevel(text: string): ValueLevel | undefined {
  intendedLevels ??= collectIntendedLevels();
  return intendedLevels.get(text);
}

function collectIntendedLevels(): Map<string, ValueLevel> {
  const levels = new Map<string, ValueLevel>(RESPONSIBILITY_VOCABULARY.map((entry) => [entry.text, entry.level]));
  const visit = (blueprint: PositionBlueprint): void => {
    for (const duty of blueprint.cast?.responsibilities ?? []) {
      const known = levels.get(duty.text);
      if (known && known !== duty.level) throw new Error(`"${duty.text}" is meant as both ${known} and ${duty.level}`);
      levels.set(duty.text, duty.level);
    }
    blueprint.reports?.forEach(visit);
  };
  visit(DEMO_ORG_BLUEPRINT);
  return levels;
}

function castNames(blueprint: PositionBlueprint): string[] {
  return [...(blueprint.cast ? [blueprint.cast.name] : []), ...(blueprint.reports ?? []).flatMap(castNames)];
}

interface Tenure {
  hireDate: IsoDate | null;
  roleStartDate: IsoDate | null;
  lastPromotionDate: IsoDate | null;
  previousTitle: string | null;
  title: string;
  rating: number | null;
}

class DemoOrgBuilder {
  readonly people: PeopleRecord[] = [];
  readonly responsibilities: ResponsibilityRecord[] = [];
  readonly castIds: Partial<Record<DemoCastKey, string>> = {};
  private readonly pickName: () => string;
  private readonly emails = new Set<string>();

  constructor(
    private readonly asOf: IsoDate,
    private readonly random: Random,
    reservedNames: string[],
  ) {
    this.pickName = createNamePicker(random, reservedNames);
  }

  addPosition(blueprint: PositionBlueprint, managerId: string | null): string {
    const employeeId = `E${String(this.people.length + 1).padStart(4, '0')}`;
    if (blueprint.key) this.castIds[blueprint.key] = employeeId;
    const family: RoleFamily | null = blueprint.family ? ROLE_FAMILIES[blueprint.family] : null;
    if (blueprint.cast) {
      this.addCastMember(employeeId, blueprint, blueprint.cast, managerId);
    } else if (family) {
      this.addOrdinaryHolder(employeeId, blueprint, family, managerId);
    } else {
      throw new Error(`Blueprint "${blueprint.title}" needs a role family or a cast member`);
    }
    return employeeId;
  }

  private addCastMember(employeeId: string, blueprint: PositionBlueprint, cast: CastMember, managerId: string | null): void {
    // One day offset per person keeps the story's month arithmetic intact while avoiding "everyone on the 1st".
    const dayOffset = this.random.int(0, 20);
    const monthsAgo = (months: number) => addDays(addMonths(this.asOf, -months), -dayOffset);
    const roleStartMonths = cast.roleStartMonthsAgo ?? cast.hiredMonthsAgo;
    const tenure: Tenure = {
      hireDate: monthsAgo(cast.hiredMonthsAgo),
      roleStartDate: monthsAgo(roleStartMonths),
      lastPromotionDate: cast.lastPromotionMonthsAgo === undefined ? null : monthsAgo(cast.lastPromotionMonthsAgo),
      previousTitle: cast.previousTitle ?? null,
      title: requireTitle(blueprint),
      rating: cast.rating,
    };
    this.pushPerson(employeeId, blueprint, managerId, cast.name, tenure, cast.fte);
    for (const duty of cast.responsibilities) {
      this.pushResponsibility({
        employeeId,
        responsibility: duty.text,
        description: duty.description ?? null,
        valueLevel: duty.classify ? null : duty.level,
        sharePct: duty.share,
        since: monthsAgo(duty.sinceMonthsAgo ?? roleStartMonths),
      });
    }
  }

  private addOrdinaryHolder(
    employeeId: string,
    blueprint: PositionBlueprint,
    family: RoleFamily,
    managerId: string | null,
  ): void {
    const random = this.random;
    const vacant = blueprint.vacant === true;
    const drawnTenure = vacant ? this.vacantTenure(blueprint, family) : this.ordinaryTenure(blueprint, family);
    // Drawn as for anyone else and adjusted afterwards, so everyone after keeps the same draws.
    const tenure = blueprint.onboarding ? this.onboardingTenure(drawnTenure, blueprint.onboarding.joinedMonthsAgo) : drawnTenure;
    const isIc = family.profile === 'IC';
    const location = !vacant && isIc && random.chance(0.08) ? 'Remote' : blueprint.location;
    this.pushPerson(
      employeeId,
      { ...blueprint, location },
      managerId,
      vacant ? 'Vacant' : this.pickName(),
      tenure,
      blueprint.fte,
    );

    const roleStartMonths = drawnTenure.roleStartDate ? Math.max(0, monthsBetween(drawnTenure.roleStartDate, this.asOf)) : 0;
    const drafts = draftResponsibilities(family, random, { fullyBooked: blueprint.fullyBooked });
    // A newcomer holds part of each duty so far: shares scaled down to the allocated total, in steps of 5.
    const described = drafts.reduce((sum, draft) => sum + draft.sharePct, 0);
    const scale = blueprint.onboarding ? Math.min(1, blueprint.onboarding.allocatedPct / described) : 1;
    for (const draft of drafts) {
      const leaveForClassifier = draft.item.classifiable && random.chance(LEAVE_FOR_CLASSIFIER);
      // Ordinary people took on their duties with the role (or later), never before it:
      // carried-over work is reserved for the "promoted, still tactical" stories.
      const since = vacant ? null : this.sinceWithinRole(drawnTenure.roleStartDate as IsoDate, roleStartMonths);
      const sharePct = scale === 1 ? draft.sharePct : Math.max(5, 5 * Math.round((draft.sharePct * scale) / 5));
      this.pushResponsibility({
        employeeId,
        responsibility: draft.item.text,
        description: draft.item.description,
        valueLevel: leaveForClassifier ? null : draft.item.level,
        sharePct,
        since: since && tenure.roleStartDate && since < tenure.roleStartDate ? tenure.roleStartDate : since,
      });
    }
  }

  /** A recent hire: in the role since joining, not yet rated, no promotion. */
  private onboardingTenure(drawn: Tenure, joinedMonthsAgo: number): Tenure {
    const joined = addMonths(this.asOf, -joinedMonthsAgo);
    return { ...drawn, hireDate: joined, roleStartDate: joined, lastPromotionDate: null, previousTitle: null, rating: null };
  }

  private ordinaryTenure(blueprint: PositionBlueprint, family: RoleFamily): Tenure {
    const random = this.random;
    const [minTenure, maxTenure] = TENURE_MONTHS[family.profile];
    const hiredMonths = random.int(minTenure, maxTenure);
    const hireDay = random.int(0, 27);
    let title = blueprint.title ?? family.titles?.[0] ?? requireTitle(blueprint);
    let previousTitle: string | null = null;
    let roleStartMonths = hiredMonths;
    let roleStartDay = hireDay;
    let rating: number | null = hiredMonths < 6 ? null : weightedRating(random);

    if (family.titles && !blueprint.title) {
      const senior = random.chance(0.45);
      if (senior) title = family.titles[1];
      if (senior && hiredMonths >= 18 && random.chance(0.6)) {
        previousTitle = family.titles[0];
        roleStartMonths = random.int(3, hiredMonths - 12);
        roleStartDay = random.int(0, 27);
      }
      // Tenured high performers are the pigeonholing story; ordinary ones got their promotion.
      if (rating !== null && rating >= 4 && roleStartMonths >= 36) {
        if (title === family.titles[0]) {
          title = family.titles[1];
          previousTitle = family.titles[0];
          roleStartMonths = random.int(4, 30);
          roleStartDay = random.int(0, 27);
        } else {
          rating = 3;
        }
      }
    } else if (family.promotedFrom && hiredMonths >= 18 && random.chance(0.6)) {
      previousTitle = family.promotedFrom;
      roleStartMonths = random.int(3, hiredMonths - 12);
      roleStartDay = random.int(0, 27);
    }

    const roleStartDate = addDays(addMonths(this.asOf, -roleStartMonths), -roleStartDay);
    return {
      hireDate: addDays(addMonths(this.asOf, -hiredMonths), -hireDay),
      roleStartDate,
      lastPromotionDate: previousTitle ? roleStartDate : null,
      previousTitle,
      title,
      rating,
    };
  }

  private vacantTenure(blueprint: PositionBlueprint, family: RoleFamily): Tenure {
    const title = blueprint.title ?? family.titles?.[0] ?? requireTitle(blueprint);
    return { hireDate: null, roleStartDate: null, lastPromotionDate: null, previousTitle: null, title, rating: null };
  }

  private sinceWithinRole(roleStartDate: IsoDate, roleStartMonths: number): IsoDate {
    if (roleStartMonths < 2 || this.random.chance(0.7)) return roleStartDate;
    // Less than a month of day offset, so the date stays after the role start.
    return addDays(addMonths(this.asOf, -this.random.int(1, roleStartMonths - 1)), -this.random.int(0, 27));
  }

  private pushPerson(
    employeeId: string,
    blueprint: PositionBlueprint,
    managerId: string | null,
    name: string,
    tenure: Tenure,
    fte: number | undefined,
  ): void {
    const vacant = blueprint.vacant === true;
    this.people.push({
      rowNumber: this.people.length + 2,
      employeeId,
      name,
      title: tenure.title,
      managerId,
      department: blueprint.department,
      location: blueprint.location,
      email: vacant ? null : this.uniqueEmail(name),
      hireDate: tenure.hireDate,
      roleStartDate: tenure.roleStartDate,
      previousTitle: tenure.previousTitle,
      lastPromotionDate: tenure.lastPromotionDate,
      performanceRating: tenure.rating,
      fte: fte ?? blueprint.fte ?? 1,
      vacant,
    });
  }

  private pushResponsibility(record: Omit<ResponsibilityRecord, 'rowNumber'>): void {
    this.responsibilities.push({ rowNumber: this.responsibilities.length + 2, ...record });
  }

  private uniqueEmail(name: string): string {
    const local = emailLocalPart(name);
    let candidate = local;
    for (let suffix = 2; this.emails.has(candidate); suffix++) candidate = `${local}${suffix}`;
    this.emails.add(candidate);
    return `${candidate}@${DEMO_EMAIL_DOMAIN}`;
  }
}

function requireTitle(blueprint: PositionBlueprint): string {
  if (!blueprint.title) throw new Error(`Blueprint for ${blueprint.family ?? 'a cast member'} needs a title`);
  return blueprint.title;
}

function weightedRating(random: Random): number {
  let roll = random.next();
  for (const [rating, weight] of RATING_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return rating;
  }
  return RATING_WEIGHTS[RATING_WEIGHTS.length - 1][0];
}
