import type { IsoDate, PeopleRecord, ResponsibilityRecord, ValueLevel } from '@rolemap/domain';
import { isoDatesBefore, parseIsoDate } from './iso-date';
import { FIRST_NAMES, LAST_NAMES, emailLocalPart } from './names';
import { createRandom, type Random } from './random';
import {
  COMMON_ITEMS,
  ROLE_FAMILIES,
  type MixProfile,
  type RoleFamily,
  type RoleFamilyKey,
  type VocabularyItem,
} from './responsibility-vocabulary';

export interface SyntheticOrgOptions {
  /** Number of people (posts), at least 1. */
  size: number;
  seed?: number;
  /** The date the chart describes; defaults to the demo's date. */
  asOf?: IsoDate;
  /** Typical largest span of control (default 10); a few outliers beyond it are added on purpose. */
  maxSpan?: number;
}

export interface SyntheticOrg {
  people: PeopleRecord[];
  responsibilities: ResponsibilityRecord[];
}

const DEFAULT_AS_OF: IsoDate = '2026-11-01';
const EMAIL_DOMAIN = 'synthetic.example';
const DAYS_PER_YEAR = 365;
const DAYS_PER_MONTH = 30;
/** Dates are looked up in a shared table instead of formatted per record (12 years back). */
const DATE_TABLE_DAYS = 12 * DAYS_PER_YEAR;

/** Probabilities that plant findings, tuned so a 100k org has hundreds of each kind. */
const RATES = {
  /** Leaders promoted recently who kept their hands-on work (PROMOTED_STILL_TACTICAL). */
  promotedStillTactical: 0.04,
  /** Directors and executives holding implementation work (DELEGATION_GAP). */
  delegationGap: 0.15,
  /** ICs with room for delegated work (shares well under 100). */
  spareCapacity: 0.06,
  /** Tenured high performers doing mostly hands-on work (PIGEONHOLING_RISK). */
  pigeonholed: 0.03,
  /** Managers with a single report / with a very wide span (SPAN_OF_CONTROL). */
  singleReport: 0.015,
  wideSpan: 0.01,
  /** Below the top three levels, the share of people who manage others; sets the depth (LAYERS). */
  manager: 0.55,
  leaveForClassifier: 0.34,
};

const LEVEL_INDEX: Record<ValueLevel, number> = { IMPLEMENTATION: 0, UNIFICATION: 1, COMMUNICATION: 2, LEADERSHIP: 3 };
const [I, U, C, L] = [0, 1, 2, 3];
/** [level index, share, carried over from before the promotion] */
type Slot = readonly [level: number, share: number, carried?: boolean];
type Pattern = readonly Slot[];
type SyntheticTier = 'IC' | 'TEAM_LEAD' | 'MANAGER' | 'DIRECTOR' | 'EXECUTIVE';

// Ordinary shapes per tier: about three responsibilities each, close to DEFAULT_POLICY's mix.
const PATTERNS: Record<SyntheticTier, Pattern[]> = {
  IC: [
    [
      [I, 70],
      [U, 15],
      [C, 10],
    ],
    [
      [I, 70],
      [U, 20],
      [C, 10],
    ],
    [
      [I, 45],
      [I, 25],
      [U, 15],
      [C, 10],
    ],
    [
      [I, 80],
      [U, 15],
    ],
    [
      [I, 70],
      [U, 15],
      [C, 10],
      [L, 5],
    ],
  ],
  TEAM_LEAD: [
    [
      [I, 35],
      [U, 35],
      [C, 15],
      [L, 15],
    ],
    [
      [I, 30],
      [U, 40],
      [C, 20],
    ],
  ],
  MANAGER: [
    [
      [I, 30],
      [U, 35],
      [C, 20],
      [L, 15],
    ],
    [
      [I, 25],
      [U, 40],
      [C, 20],
      [L, 15],
    ],
    [
      [U, 45],
      [C, 25],
      [L, 20],
    ],
  ],
  // No hands-on work: any implementation duty of a director or executive is a delegation gap.
  DIRECTOR: [
    [
      [U, 35],
      [C, 35],
      [L, 30],
    ],
    [
      [U, 35],
      [C, 30],
      [L, 30],
    ],
    [
      [U, 30],
      [C, 35],
      [L, 35],
    ],
  ],
  EXECUTIVE: [
    [
      [U, 15],
      [C, 30],
      [L, 50],
    ],
    [
      [U, 20],
      [C, 30],
      [L, 50],
    ],
    [
      [U, 20],
      [C, 25],
      [L, 50],
    ],
  ],
};

// Planted stories: implementation well above expected + 15 points.
const PROMOTED_STILL_TACTICAL: Partial<Record<SyntheticTier, Pattern>> = {
  TEAM_LEAD: [
    [I, 35, true],
    [I, 25, true],
    [U, 25],
    [C, 15],
  ],
  MANAGER: [
    [I, 30, true],
    [I, 25, true],
    [U, 25],
    [C, 10],
    [L, 10],
  ],
  DIRECTOR: [
    [I, 25, true],
    [I, 15, true],
    [U, 25],
    [C, 20],
    [L, 15],
  ],
  EXECUTIVE: [
    [I, 20, true],
    [I, 10, true],
    [U, 20],
    [C, 25],
    [L, 25],
  ],
};
const DELEGATION_GAP: Partial<Record<SyntheticTier, Pattern>> = {
  DIRECTOR: [
    [I, 20],
    [I, 10],
    [U, 25],
    [C, 25],
    [L, 20],
  ],
  EXECUTIVE: [
    [I, 15],
    [I, 10],
    [U, 15],
    [C, 25],
    [L, 35],
  ],
};
const SPARE_CAPACITY: Pattern = [
  [I, 50],
  [U, 10],
];
const PIGEONHOLED: Pattern = [
  [I, 55],
  [I, 25],
  [U, 10],
  [C, 10],
];

interface Department {
  name: string;
  /** Relative size: the spans of the top two levels are maxSpan times this. */
  weight: number;
  chiefTitle: string;
  noun: string;
  locations: readonly string[];
  ics: readonly RoleFamilyKey[];
  leaders: Record<'EXECUTIVE' | 'DIRECTOR' | 'MANAGER' | 'TEAM_LEAD', RoleFamilyKey | null>;
}

const DEPARTMENTS: readonly Department[] = [
  {
    name: 'Engineering',
    weight: 1,
    chiefTitle: 'Chief Technology Officer',
    noun: 'Engineering',
    locations: ['Berlin, Germany', 'Austin, TX', 'Remote'],
    ics: ['softwareEngineer', 'siteReliabilityEngineer', 'roboticsEngineer', 'qaEngineer', 'dataScientist'],
    leaders: {
      EXECUTIVE: 'cto',
      DIRECTOR: 'engineeringDirector',
      MANAGER: 'engineeringManager',
      TEAM_LEAD: 'engineeringTeamLead',
    },
  },
  {
    name: 'Operations',
    weight: 1,
    chiefTitle: 'Chief Operating Officer',
    noun: 'Operations',
    locations: ['Austin, TX', 'Monterrey, Mexico'],
    ics: ['assemblyTechnician', 'testTechnician', 'buyer', 'demandPlanner', 'itSupportSpecialist'],
    leaders: { EXECUTIVE: 'coo', DIRECTOR: 'operationsDirector', MANAGER: 'operationsManager', TEAM_LEAD: 'productionTeamLead' },
  },
  {
    name: 'Sales',
    weight: 0.9,
    chiefTitle: 'Chief Revenue Officer',
    noun: 'Sales',
    locations: ['Austin, TX', 'London, UK', 'Remote'],
    ics: ['salesRepresentative', 'salesEngineer', 'salesOperationsAnalyst'],
    leaders: { EXECUTIVE: null, DIRECTOR: null, MANAGER: 'regionalSalesManager', TEAM_LEAD: 'regionalSalesManager' },
  },
  {
    name: 'Customer Success',
    weight: 0.9,
    chiefTitle: 'Chief Customer Officer',
    noun: 'Customer Success',
    locations: ['Toronto, Canada', 'Remote'],
    ics: ['supportSpecialist', 'onboardingSpecialist'],
    leaders: { EXECUTIVE: 'vpCustomerSuccess', DIRECTOR: null, MANAGER: 'headOfOnboarding', TEAM_LEAD: null },
  },
  {
    name: 'Product',
    weight: 0.6,
    chiefTitle: 'Chief Product Officer',
    noun: 'Product',
    locations: ['Austin, TX', 'Toronto, Canada'],
    ics: ['productOwner', 'productAnalyst', 'uxDesigner'],
    leaders: { EXECUTIVE: 'cpo', DIRECTOR: 'productDirector', MANAGER: 'headOfDesign', TEAM_LEAD: null },
  },
  {
    name: 'Marketing',
    weight: 0.6,
    chiefTitle: 'Chief Marketing Officer',
    noun: 'Marketing',
    locations: ['Toronto, Canada', 'Remote'],
    ics: ['marketingSpecialist', 'contentWriter', 'productMarketingSpecialist', 'marketingOperationsAnalyst'],
    leaders: { EXECUTIVE: 'vpMarketing', DIRECTOR: null, MANAGER: 'marketingManager', TEAM_LEAD: null },
  },
  {
    name: 'Finance',
    weight: 0.5,
    chiefTitle: 'Chief Financial Officer',
    noun: 'Finance',
    locations: ['Austin, TX'],
    ics: ['accountant', 'financialAnalyst'],
    leaders: { EXECUTIVE: 'cfo', DIRECTOR: null, MANAGER: 'headOfFpa', TEAM_LEAD: null },
  },
  {
    name: 'People',
    weight: 0.5,
    chiefTitle: 'Chief People Officer',
    noun: 'People',
    locations: ['Austin, TX', 'Berlin, Germany'],
    ics: ['hrBusinessPartner', 'recruiter', 'peopleOperationsSpecialist'],
    leaders: { EXECUTIVE: 'vpPeople', DIRECTOR: null, MANAGER: 'talentAcquisitionManager', TEAM_LEAD: null },
  },
];

/** Responsibilities to draw from, per value level, for one kind of role. Built once per call. */
interface RoleVocabulary {
  byLevel: VocabularyItem[][];
  promotedFrom: string | null;
}

const TIER_PROFILE: Record<SyntheticTier, MixProfile> = {
  IC: 'IC',
  TEAM_LEAD: 'TEAM_LEAD',
  MANAGER: 'MANAGER',
  DIRECTOR: 'DIRECTOR',
  EXECUTIVE: 'EXECUTIVE',
};

function roleVocabulary(family: RoleFamily | null, profile: MixProfile, fallbacks: readonly RoleFamily[]): RoleVocabulary {
  const byLevel: VocabularyItem[][] = [[], [], [], []];
  for (const entry of family?.items ?? []) byLevel[LEVEL_INDEX[entry.level]].push(entry);
  for (const entry of COMMON_ITEMS[profile]) {
    const bucket = byLevel[LEVEL_INDEX[entry.level]];
    if (!bucket.some((known) => known.text === entry.text)) bucket.push(entry);
  }
  // Planted stories give leaders two hands-on duties; borrow texts from the department's managers and ICs.
  for (const fallback of fallbacks) {
    if (byLevel[I].length >= 2) break;
    for (const entry of fallback.items) {
      if (entry.level === 'IMPLEMENTATION' && !byLevel[I].some((known) => known.text === entry.text)) byLevel[I].push(entry);
    }
  }
  return { byLevel, promotedFrom: family?.promotedFrom ?? null };
}

/**
 * A large, realistic-looking org for benchmarks: a pyramid of `size` posts (spans of about
 * maxSpan/2 to maxSpan, 7-9 levels at 100k people), ~3 responsibilities each, with a few
 * percent of planted cases for every finding kind. Deterministic per seed; strings come from
 * shared tables so 100k people cost little more than the record objects themselves.
 */
export function generateSyntheticOrg(options: SyntheticOrgOptions): SyntheticOrg {
  const size = Math.floor(options.size);
  if (!Number.isFinite(size) || size < 1) throw new Error(`size must be at least 1 (got ${options.size})`);
  const maxSpan = Math.max(2, Math.floor(options.maxSpan ?? 10));
  const minSpan = Math.max(2, Math.ceil(maxSpan / 2));
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  parseIsoDate(asOf);
  const random = createRandom(options.seed ?? 1);

  const structure = buildPyramid(size, minSpan, maxSpan, random);
  return fillRecords(structure, asOf, random);
}

interface Pyramid {
  size: number;
  parent: Int32Array;
  depth: Uint8Array;
  height: Uint8Array;
  department: Uint8Array;
}

/**
 * Lays the chart out breadth-first: index order is level order and every parent precedes its
 * reports, which lets heights be computed in one backwards pass.
 */
function buildPyramid(size: number, minSpan: number, maxSpan: number, random: Random): Pyramid {
  const parent = new Int32Array(size).fill(-1);
  const depth = new Uint8Array(size);
  const height = new Uint8Array(size);
  const department = new Uint8Array(size);
  let next = 1;
  for (let index = 0; index < size && next < size; index++) {
    const level = depth[index];
    let span: number;
    if (index === 0) {
      span = DEPARTMENTS.length;
    } else if (level <= 2) {
      // Fixed spans at the top keep department sizes in proportion; randomness here compounds.
      span = Math.max(2, Math.round(maxSpan * DEPARTMENTS[department[index]].weight));
    } else if (!random.chance(RATES.manager)) {
      continue;
    } else if (random.chance(RATES.singleReport)) {
      span = 1;
    } else if (random.chance(RATES.wideSpan)) {
      span = maxSpan + random.int(3, 8);
    } else {
      span = random.int(minSpan, maxSpan);
    }
    for (let child = 0; child < span && next < size; child++, next++) {
      parent[next] = index;
      depth[next] = level + 1;
      department[next] = index === 0 ? child % DEPARTMENTS.length : department[index];
    }
  }
  for (let index = size - 1; index > 0; index--) {
    const up = parent[index];
    if (height[up] < height[index] + 1) height[up] = height[index] + 1;
  }
  return { size, parent, depth, height, department };
}

function tierOf(depth: number, height: number): SyntheticTier {
  if (depth <= 1) return 'EXECUTIVE';
  if (height === 0) return 'IC';
  if (height === 1) return 'TEAM_LEAD';
  if (height === 2) return 'MANAGER';
  if (height <= 4) return 'DIRECTOR';
  return 'EXECUTIVE';
}

function fillRecords(pyramid: Pyramid, asOf: IsoDate, random: Random): SyntheticOrg {
  const { size, parent, depth, height, department } = pyramid;
  const dates = isoDatesBefore(asOf, DATE_TABLE_DAYS + 1);
  const idWidth = Math.max(4, String(size).length);
  const employeeIds = new Array<string>(size);
  for (let index = 0; index < size; index++) employeeIds[index] = `E${String(index + 1).padStart(idWidth, '0')}`;

  const names = new Map<number, string>();
  const emailLocals = new Map<number, string>();
  const leaderRoles = DEPARTMENTS.map((dept) => {
    const fallbacks: RoleFamily[] = [
      ...(dept.leaders.MANAGER ? [ROLE_FAMILIES[dept.leaders.MANAGER]] : []),
      ...dept.ics.map((key) => ROLE_FAMILIES[key]),
    ];
    const role = (tier: Exclude<SyntheticTier, 'IC'>) => {
      const key = dept.leaders[tier];
      return roleVocabulary(key ? ROLE_FAMILIES[key] : null, TIER_PROFILE[tier], fallbacks);
    };
    return { TEAM_LEAD: role('TEAM_LEAD'), MANAGER: role('MANAGER'), DIRECTOR: role('DIRECTOR'), EXECUTIVE: role('EXECUTIVE') };
  });
  const icRoles = DEPARTMENTS.map((dept) =>
    dept.ics.map((key) => {
      const family: RoleFamily = ROLE_FAMILIES[key];
      return { titles: family.titles ?? ['Specialist', 'Senior Specialist'], vocabulary: roleVocabulary(family, 'IC', []) };
    }),
  );
  const titles = DEPARTMENTS.map((dept) => ({
    chief: dept.chiefTitle,
    vp: `VP ${dept.name}`,
    seniorDirector: `Senior Director of ${dept.name}`,
    director: `Director of ${dept.name}`,
    seniorManager: `Senior ${dept.noun} Manager`,
    manager: `${dept.noun} Manager`,
    teamLead: `Team Lead, ${dept.name}`,
  }));

  const people = new Array<PeopleRecord>(size);
  const responsibilities: ResponsibilityRecord[] = [];
  const dateAt = (daysAgo: number) => dates[Math.min(DATE_TABLE_DAYS, Math.max(0, daysAgo))];

  for (let index = 0; index < size; index++) {
    const dept = DEPARTMENTS[department[index]];
    const deptIndex = department[index];
    const tier: SyntheticTier = index === 0 ? 'EXECUTIVE' : tierOf(depth[index], height[index]);

    let title: string;
    let vocabulary: RoleVocabulary;
    let juniorTitle: string | null = null;
    if (tier === 'IC') {
      const role = icRoles[deptIndex][random.int(0, icRoles[deptIndex].length - 1)];
      vocabulary = role.vocabulary;
      const senior = random.chance(0.45);
      title = role.titles[senior ? 1 : 0];
      juniorTitle = senior ? role.titles[0] : null;
    } else {
      vocabulary = leaderRoles[deptIndex][tier];
      const t = titles[deptIndex];
      if (index === 0) title = 'Chief Executive Officer';
      else if (depth[index] === 1) title = t.chief;
      else if (tier === 'EXECUTIVE') title = t.vp;
      else if (tier === 'DIRECTOR') title = height[index] >= 4 ? t.seniorDirector : t.director;
      else if (tier === 'MANAGER') title = t.seniorManager;
      else title = random.chance(0.6) ? t.manager : t.teamLead;
    }

    // Tenure, in days before asOf.
    const hiredDaysAgo = random.int(tier === 'IC' ? 60 : 540, 10 * DAYS_PER_YEAR);
    let roleStartDaysAgo = hiredDaysAgo;
    let previousTitle: string | null = null;
    let rating: number | null = hiredDaysAgo < 180 ? null : ratingFor(random);
    let pattern: Pattern;

    const isLeader = tier !== 'IC' && index !== 0;
    const tacticalPattern = isLeader ? PROMOTED_STILL_TACTICAL[tier] : undefined;
    const gapPattern = isLeader ? DELEGATION_GAP[tier] : undefined;
    if (tacticalPattern && hiredDaysAgo > 2 * DAYS_PER_YEAR && random.chance(RATES.promotedStillTactical)) {
      pattern = tacticalPattern;
      roleStartDaysAgo = random.int(2 * DAYS_PER_MONTH, 20 * DAYS_PER_MONTH);
      previousTitle = vocabulary.promotedFrom ?? titles[deptIndex].teamLead;
    } else if (gapPattern && random.chance(RATES.delegationGap)) {
      pattern = gapPattern;
    } else if (tier === 'IC' && hiredDaysAgo > 3 * DAYS_PER_YEAR + 60 && random.chance(RATES.pigeonholed)) {
      pattern = PIGEONHOLED;
      rating = random.chance(0.6) ? 4 : 5;
      roleStartDaysAgo = random.int(3 * DAYS_PER_YEAR + 30, hiredDaysAgo);
      juniorTitle = null;
    } else {
      pattern = tier === 'IC' && random.chance(RATES.spareCapacity) ? SPARE_CAPACITY : random.pick(PATTERNS[tier]);
      const promotable = tier === 'IC' ? juniorTitle !== null : vocabulary.promotedFrom !== null;
      if (promotable && hiredDaysAgo > 540 && random.chance(0.6)) {
        roleStartDaysAgo = random.int(90, hiredDaysAgo - 365);
        previousTitle = tier === 'IC' ? juniorTitle : vocabulary.promotedFrom;
      }
      // Tenured high performers are planted deliberately above; the ordinary ones got promoted.
      if (tier === 'IC' && rating !== null && rating >= 4 && roleStartDaysAgo >= 3 * DAYS_PER_YEAR) {
        rating = 3;
      }
    }

    const roleStartDate = dateAt(roleStartDaysAgo);
    const first = random.int(0, FIRST_NAMES.length - 1);
    const last = random.int(0, LAST_NAMES.length - 1);
    const nameKey = first * LAST_NAMES.length + last;
    let name = names.get(nameKey);
    let emailLocal = emailLocals.get(nameKey);
    if (name === undefined || emailLocal === undefined) {
      name = `${FIRST_NAMES[first]} ${LAST_NAMES[last]}`;
      emailLocal = emailLocalPart(name);
      names.set(nameKey, name);
      emailLocals.set(nameKey, emailLocal);
    }
    const employeeId = employeeIds[index];
    const fteRoll = random.next();

    people[index] = {
      rowNumber: index + 2,
      employeeId,
      name,
      title,
      managerId: index === 0 ? null : employeeIds[parent[index]],
      department: index === 0 ? 'Executive' : dept.name,
      location: dept.locations[random.int(0, dept.locations.length - 1)],
      email: `${emailLocal}.${index + 1}@${EMAIL_DOMAIN}`,
      hireDate: dateAt(hiredDaysAgo),
      roleStartDate,
      previousTitle,
      lastPromotionDate: previousTitle ? roleStartDate : null,
      performanceRating: rating,
      fte: tier === 'IC' && fteRoll < 0.03 ? (fteRoll < 0.015 ? 0.5 : 0.8) : 1,
      vacant: false,
    };

    let previousLevel = -1;
    let previousPick = -1;
    for (const [level, share, carried] of pattern) {
      const pool = vocabulary.byLevel[level];
      if (pool.length === 0) continue;
      // A second slot of the same level takes the next text, so nobody holds one duty twice.
      const pick = level === previousLevel ? (previousPick + 1) % pool.length : random.int(0, pool.length - 1);
      if (level === previousLevel && pick === previousPick) continue;
      previousLevel = level;
      previousPick = pick;
      const entry = pool[pick];
      const sinceDaysAgo = carried
        ? roleStartDaysAgo + random.int(60, 720)
        : roleStartDaysAgo - (random.chance(0.3) ? random.int(0, roleStartDaysAgo) : 0);
      responsibilities.push({
        rowNumber: responsibilities.length + 2,
        employeeId,
        responsibility: entry.text,
        description: entry.description,
        valueLevel: entry.classifiable && random.chance(RATES.leaveForClassifier) ? null : entry.level,
        sharePct: share,
        since: dateAt(Math.min(sinceDaysAgo, hiredDaysAgo)),
      });
    }
  }
  return { people, responsibilities };
}

function ratingFor(random: Random): number {
  const roll = random.next();
  if (roll < 0.08) return 2;
  if (roll < 0.58) return 3;
  if (roll < 0.9) return 4;
  return 5;
}
