import type { ValueLevel } from '@rolemap/domain';
import type { RoleFamilyKey } from './responsibility-vocabulary';

/** The people whose stories the demo is built around; `DEMO_CAST` maps them to employee ids. */
export type DemoCastKey =
  | 'ceo'
  | 'promotedDirector'
  | 'promotedManager'
  | 'vpSales'
  | 'salesOperationsManager'
  | 'directorOfFinance'
  | 'billingAnalyst'
  | 'roboticsEngineer'
  | 'seniorSupportSpecialist'
  | 'customerSupportManager'
  | 'headOfDataScience'
  | 'vacantPost'
  | 'recentJoiner';

export interface CastResponsibility {
  text: string;
  level: ValueLevel;
  share: number;
  /** Defaults to the start of the current role. */
  sinceMonthsAgo?: number;
  description?: string;
  /** Leave the level blank for the classifier; only for texts that are not part of a finding's story. */
  classify?: boolean;
}

export interface CastMember {
  name: string;
  hiredMonthsAgo: number;
  /** Defaults to the hire date. */
  roleStartMonthsAgo?: number;
  lastPromotionMonthsAgo?: number;
  previousTitle?: string;
  rating: number | null;
  fte?: number;
  responsibilities: CastResponsibility[];
}

export interface PositionBlueprint {
  /** Where ordinary holders get their responsibilities and IC titles; cast members bring their own. */
  family: RoleFamilyKey | null;
  /** Leaders' titles; ICs draw theirs from the role family. */
  title?: string;
  department: string;
  location: string;
  /** Number of identical posts (ICs only). */
  count?: number;
  vacant?: boolean;
  fte?: number;
  /** Shares add up to exactly 100, so the holder has no room for delegated work. */
  fullyBooked?: boolean;
  /**
   * A recent hire still onboarding: hired `joinedMonthsAgo` months ago and holding part of each
   * duty so far, about `allocatedPct` of the week in all (the rest is free for delegated work).
   */
  onboarding?: { joinedMonthsAgo: number; allocatedPct: number };
  key?: DemoCastKey;
  cast?: CastMember;
  reports?: PositionBlueprint[];
}

export const DEMO_ORG_NAME = 'Northwind Robotics';
export const DEMO_EMAIL_DOMAIN = 'northwind-robotics.example';

const AUSTIN = 'Austin, TX';
const BERLIN = 'Berlin, Germany';
const TORONTO = 'Toronto, Canada';
const LONDON = 'London, UK';

type Extra = Omit<PositionBlueprint, 'family' | 'title' | 'department' | 'location' | 'reports'>;

function leader(
  title: string,
  family: RoleFamilyKey | null,
  department: string,
  location: string,
  reports: PositionBlueprint[],
  extra: Extra = {},
): PositionBlueprint {
  return { title, family, department, location, reports, ...extra };
}

function ics(family: RoleFamilyKey, count: number, department: string, location: string, extra: Extra = {}): PositionBlueprint {
  return { family, department, location, count, ...extra };
}

function person(
  family: RoleFamilyKey | null,
  department: string,
  location: string,
  extra: Extra & { title?: string },
): PositionBlueprint {
  return { family, department, location, ...extra };
}

// --- Engineering: six levels deep; the platform director and the web-apps manager carry their old jobs.

const engineering = leader('Chief Technology Officer', 'cto', 'Engineering', BERLIN, [
  leader(
    'Director of Engineering, Platform',
    'engineeringDirector',
    'Engineering',
    BERLIN,
    [
      leader('Engineering Manager, Platform', 'engineeringManager', 'Engineering', BERLIN, [
        leader('Team Lead, Fleet API', 'engineeringTeamLead', 'Engineering', BERLIN, [
          ics('softwareEngineer', 5, 'Engineering', BERLIN),
        ]),
        leader('Team Lead, Cloud Infrastructure', 'engineeringTeamLead', 'Engineering', BERLIN, [
          ics('siteReliabilityEngineer', 5, 'Engineering', BERLIN),
        ]),
      ]),
      leader('Engineering Manager, Robotics Software', 'engineeringManager', 'Engineering', BERLIN, [
        leader('Team Lead, Navigation', 'engineeringTeamLead', 'Engineering', BERLIN, [
          ics('softwareEngineer', 1, 'Engineering', BERLIN),
          // The one engineer under the platform director with room, so her hand-overs reach the
          // fully booked team through a chain (a reviewer passes work on to the newcomer).
          person('softwareEngineer', 'Engineering', BERLIN, {
            key: 'recentJoiner',
            onboarding: { joinedMonthsAgo: 2, allocatedPct: 60 },
          }),
          ics('softwareEngineer', 2, 'Engineering', BERLIN),
          person('softwareEngineer', 'Engineering', BERLIN, { title: 'Software Engineer', vacant: true, key: 'vacantPost' }),
        ]),
        leader('Team Lead, Manipulation', 'engineeringTeamLead', 'Engineering', BERLIN, [
          person(null, 'Engineering', BERLIN, {
            title: 'Senior Robotics Engineer',
            key: 'roboticsEngineer',
            cast: {
              name: 'Kenji Watanabe',
              hiredMonthsAgo: 71,
              roleStartMonthsAgo: 44,
              lastPromotionMonthsAgo: 44,
              previousTitle: 'Robotics Engineer',
              rating: 5,
              responsibilities: [
                {
                  text: 'Tune the motion-planning firmware for the picking arm',
                  level: 'IMPLEMENTATION',
                  share: 40,
                  sinceMonthsAgo: 60,
                  description: 'Hand-tuned control loops; nobody else on the team has changed them.',
                },
                { text: 'Implement path-planning algorithms', level: 'IMPLEMENTATION', share: 25 },
                { text: 'Fix defects in the motor controllers', level: 'IMPLEMENTATION', share: 10 },
                { text: 'Coordinate firmware releases with the test lab', level: 'UNIFICATION', share: 15, classify: true },
                { text: 'Present navigation results at the sprint review', level: 'COMMUNICATION', share: 10 },
              ],
            },
          }),
          ics('roboticsEngineer', 4, 'Engineering', BERLIN),
        ]),
      ]),
    ],
    {
      key: 'promotedDirector',
      cast: {
        name: 'Maya Lindqvist',
        hiredMonthsAgo: 74,
        roleStartMonthsAgo: 8,
        lastPromotionMonthsAgo: 8,
        previousTitle: 'Engineering Manager, Platform',
        rating: 4,
        responsibilities: [
          {
            text: 'Review pull requests for the fleet API',
            level: 'IMPLEMENTATION',
            share: 20,
            sinceMonthsAgo: 50,
            description: 'Still the required reviewer on the fleet API repository.',
          },
          { text: 'Debug production incidents in the fleet scheduler', level: 'IMPLEMENTATION', share: 15, sinceMonthsAgo: 40 },
          {
            text: 'Write deployment scripts for robot firmware releases',
            level: 'IMPLEMENTATION',
            share: 10,
            sinceMonthsAgo: 30,
          },
          { text: 'Coordinate the platform roadmap across engineering teams', level: 'UNIFICATION', share: 25 },
          { text: 'Present platform reliability to the executive team', level: 'COMMUNICATION', share: 15, sinceMonthsAgo: 7 },
          { text: 'Hire and develop engineering managers', level: 'LEADERSHIP', share: 15 },
        ],
      },
    },
  ),
  leader('Director of Engineering, Applications', 'engineeringDirector', 'Engineering', AUSTIN, [
    leader(
      'Engineering Manager, Web Apps',
      'engineeringManager',
      'Engineering',
      AUSTIN,
      [ics('softwareEngineer', 5, 'Engineering', AUSTIN)],
      {
        key: 'promotedManager',
        cast: {
          name: 'Tomás Alvarez',
          hiredMonthsAgo: 50,
          roleStartMonthsAgo: 5,
          lastPromotionMonthsAgo: 5,
          previousTitle: 'Senior Software Engineer',
          rating: 4,
          responsibilities: [
            {
              text: 'Implement the customer dashboard front end',
              level: 'IMPLEMENTATION',
              share: 30,
              sinceMonthsAgo: 36,
              description: 'Kept from the senior engineer role; nobody else knows the dashboard code yet.',
            },
            { text: 'Review pull requests', level: 'IMPLEMENTATION', share: 20, sinceMonthsAgo: 40 },
            { text: 'Run weekly sprint planning', level: 'UNIFICATION', share: 20 },
            { text: 'Coach engineers in weekly one-on-ones', level: 'LEADERSHIP', share: 15 },
            { text: 'Report sprint progress to the director', level: 'COMMUNICATION', share: 10 },
          ],
        },
      },
    ),
    leader('Engineering Manager, Quality', 'engineeringManager', 'Engineering', AUSTIN, [
      leader('Team Lead, Test Automation', 'engineeringTeamLead', 'Engineering', AUSTIN, [
        ics('qaEngineer', 4, 'Engineering', AUSTIN),
      ]),
      leader('Team Lead, Hardware Testing', 'engineeringTeamLead', 'Engineering', AUSTIN, [
        ics('hardwareTestEngineer', 3, 'Engineering', AUSTIN),
      ]),
    ]),
  ]),
  leader('Head of Data Science', null, 'Engineering', BERLIN, [ics('dataScientist', 1, 'Engineering', BERLIN)], {
    key: 'headOfDataScience',
    cast: {
      name: 'Ingrid Solberg',
      hiredMonthsAgo: 30,
      rating: 4,
      responsibilities: [
        { text: 'Build demand-forecasting models', level: 'IMPLEMENTATION', share: 20 },
        { text: 'Coordinate data requests from product and operations', level: 'UNIFICATION', share: 30, classify: true },
        { text: 'Present data insights at the monthly business review', level: 'COMMUNICATION', share: 20, classify: true },
        { text: 'Set the data science roadmap', level: 'LEADERSHIP', share: 20 },
        {
          text: 'Hire a second data scientist',
          level: 'LEADERSHIP',
          share: 10,
          sinceMonthsAgo: 9,
          description: 'The team has been one person since the second data scientist left.',
        },
      ],
    },
  }),
]);

// --- Product

const product = leader('Chief Product Officer', 'cpo', 'Product', AUSTIN, [
  leader('Director of Product Management', 'productDirector', 'Product', AUSTIN, [
    ics('productOwner', 5, 'Product', AUSTIN),
    ics('productAnalyst', 1, 'Product', AUSTIN),
  ]),
  leader('Head of Design', 'headOfDesign', 'Product', TORONTO, [ics('uxDesigner', 3, 'Product', TORONTO)]),
]);

// --- Sales: the VP still builds the pipeline spreadsheet although the new sales-ops manager has room for it.

const sales = leader(
  'VP Sales',
  null,
  'Sales',
  AUSTIN,
  [
    leader('Sales Operations Manager', null, 'Sales', AUSTIN, [ics('salesOperationsAnalyst', 2, 'Sales', AUSTIN)], {
      key: 'salesOperationsManager',
      cast: {
        name: 'Aisha Karimi',
        hiredMonthsAgo: 4,
        rating: null,
        responsibilities: [
          {
            text: 'Prepare the monthly pipeline report',
            level: 'IMPLEMENTATION',
            share: 20,
            description: 'Joined four months ago; the role is still being filled out.',
          },
          { text: 'Maintain the CRM pipeline stages and fields', level: 'IMPLEMENTATION', share: 5 },
          { text: 'Run the weekly sales operations stand-up', level: 'UNIFICATION', share: 20 },
          { text: 'Report CRM adoption to the VP Sales', level: 'COMMUNICATION', share: 10 },
          { text: 'Coach the sales operations analysts', level: 'LEADERSHIP', share: 10 },
        ],
      },
    }),
    leader('Regional Sales Manager, North America', 'regionalSalesManager', 'Sales', AUSTIN, [
      ics('salesRepresentative', 6, 'Sales', AUSTIN),
      ics('salesEngineer', 1, 'Sales', AUSTIN),
    ]),
    leader('Regional Sales Manager, EMEA', 'regionalSalesManager', 'Sales', LONDON, [
      ics('salesRepresentative', 6, 'Sales', LONDON),
    ]),
  ],
  {
    key: 'vpSales',
    cast: {
      name: 'Greg Whitfield',
      hiredMonthsAgo: 38,
      rating: 3,
      responsibilities: [
        {
          text: 'Prepare the weekly pipeline spreadsheet',
          level: 'IMPLEMENTATION',
          share: 15,
          description: 'Exports the CRM into a spreadsheet every Monday morning.',
        },
        { text: 'Write proposals for the largest deals', level: 'IMPLEMENTATION', share: 15 },
        { text: 'Set the annual sales strategy and territories', level: 'LEADERSHIP', share: 25 },
        { text: 'Present the sales forecast to the board', level: 'COMMUNICATION', share: 20, classify: true },
        { text: 'Run the weekly sales forecast call', level: 'UNIFICATION', share: 15 },
        { text: 'Coach the regional sales managers', level: 'LEADERSHIP', share: 10 },
      ],
    },
  },
);

// --- Marketing

const marketing = leader('VP Marketing', 'vpMarketing', 'Marketing', TORONTO, [
  leader('Demand Generation Manager', 'marketingManager', 'Marketing', TORONTO, [
    ics('marketingSpecialist', 3, 'Marketing', TORONTO),
  ]),
  leader('Content Marketing Manager', 'marketingManager', 'Marketing', TORONTO, [
    ics('contentWriter', 2, 'Marketing', TORONTO),
    ics('contentWriter', 1, 'Marketing', 'Remote', { fte: 0.5 }),
  ]),
  leader('Product Marketing Manager', 'marketingManager', 'Marketing', AUSTIN, [
    ics('productMarketingSpecialist', 2, 'Marketing', AUSTIN),
  ]),
  ics('marketingOperationsAnalyst', 1, 'Marketing', TORONTO),
]);

// --- Customer Success: one support manager with fourteen direct reports.

const customerSuccess = leader('VP Customer Success', 'vpCustomerSuccess', 'Customer Success', TORONTO, [
  leader(
    'Customer Support Manager',
    null,
    'Customer Success',
    TORONTO,
    [
      person(null, 'Customer Success', TORONTO, {
        title: 'Senior Support Specialist',
        key: 'seniorSupportSpecialist',
        cast: {
          name: 'Marcus Bell',
          hiredMonthsAgo: 80,
          roleStartMonthsAgo: 62,
          lastPromotionMonthsAgo: 62,
          previousTitle: 'Support Specialist',
          rating: 4,
          responsibilities: [
            { text: 'Answer customer support tickets', level: 'IMPLEMENTATION', share: 45 },
            { text: 'Troubleshoot robot connectivity issues', level: 'IMPLEMENTATION', share: 25 },
            { text: 'Reproduce reported bugs for engineering', level: 'IMPLEMENTATION', share: 10 },
            { text: 'Coordinate escalations with engineering', level: 'UNIFICATION', share: 10, classify: true },
            { text: 'Mentor new support specialists', level: 'LEADERSHIP', share: 10, classify: true },
          ],
        },
      }),
      ics('supportSpecialist', 11, 'Customer Success', TORONTO),
      ics('supportSpecialist', 2, 'Customer Success', 'Remote', { fte: 0.6 }),
    ],
    {
      key: 'customerSupportManager',
      cast: {
        name: 'Olivia Grant',
        hiredMonthsAgo: 60,
        roleStartMonthsAgo: 30,
        lastPromotionMonthsAgo: 30,
        previousTitle: 'Senior Support Specialist',
        rating: 4,
        responsibilities: [
          { text: 'Run the daily ticket triage', level: 'UNIFICATION', share: 25 },
          { text: 'Schedule support shifts across time zones', level: 'UNIFICATION', share: 15, classify: true },
          { text: 'Answer escalated support tickets', level: 'IMPLEMENTATION', share: 20 },
          { text: 'Report support metrics to the VP Customer Success', level: 'COMMUNICATION', share: 15 },
          {
            text: 'Coach support specialists in weekly one-on-ones',
            level: 'LEADERSHIP',
            share: 15,
            description: 'With fourteen direct reports most one-on-ones slip to every other week.',
          },
        ],
      },
    },
  ),
  leader('Head of Customer Onboarding', 'headOfOnboarding', 'Customer Success', TORONTO, [
    ics('onboardingSpecialist', 5, 'Customer Success', TORONTO),
  ]),
]);

// --- Finance: the director still does two reconciliations, and every accountant is fully booked.

const finance = leader('Chief Financial Officer', 'cfo', 'Finance', AUSTIN, [
  leader(
    'Director of Finance',
    null,
    'Finance',
    AUSTIN,
    [
      person(null, 'Finance', AUSTIN, {
        title: 'Senior Billing Analyst',
        key: 'billingAnalyst',
        fullyBooked: true,
        cast: {
          name: 'Nadia Petrova',
          hiredMonthsAgo: 54,
          rating: 5,
          responsibilities: [
            {
              text: 'Maintain the billing reconciliation engine',
              level: 'IMPLEMENTATION',
              share: 45,
              sinceMonthsAgo: 52,
              description: 'Custom scripts that match payments to invoices; Nadia wrote and alone maintains them.',
            },
            { text: 'Investigate failed invoice runs', level: 'IMPLEMENTATION', share: 20 },
            { text: 'Prepare the monthly billing close file', level: 'IMPLEMENTATION', share: 10 },
            { text: 'Coordinate billing fixes with engineering', level: 'UNIFICATION', share: 15, classify: true },
            { text: 'Report billing exceptions to the Director of Finance', level: 'COMMUNICATION', share: 10 },
          ],
        },
      }),
      ics('accountant', 3, 'Finance', AUSTIN, { fullyBooked: true }),
    ],
    {
      key: 'directorOfFinance',
      cast: {
        name: 'Robert Chen',
        hiredMonthsAgo: 84,
        roleStartMonthsAgo: 48,
        lastPromotionMonthsAgo: 48,
        previousTitle: 'Finance Manager',
        rating: 4,
        responsibilities: [
          { text: 'Prepare monthly revenue figures', level: 'IMPLEMENTATION', share: 15, sinceMonthsAgo: 60 },
          { text: 'Reconcile intercompany accounts', level: 'IMPLEMENTATION', share: 15, sinceMonthsAgo: 60 },
          { text: 'Coordinate the month-end close', level: 'UNIFICATION', share: 25 },
          { text: 'Present monthly results to the CFO', level: 'COMMUNICATION', share: 15, classify: true },
          { text: 'Set the finance controls roadmap', level: 'LEADERSHIP', share: 15 },
          { text: 'Develop the accounting team', level: 'LEADERSHIP', share: 15 },
        ],
      },
    },
  ),
  leader('Head of FP&A', 'headOfFpa', 'Finance', AUSTIN, [ics('financialAnalyst', 2, 'Finance', AUSTIN)]),
]);

// --- People

const people = leader('VP People', 'vpPeople', 'People', AUSTIN, [
  ics('hrBusinessPartner', 1, 'People', AUSTIN),
  ics('hrBusinessPartner', 1, 'People', BERLIN, { fte: 0.8 }),
  leader('Talent Acquisition Manager', 'talentAcquisitionManager', 'People', AUSTIN, [ics('recruiter', 2, 'People', AUSTIN)]),
  ics('peopleOperationsSpecialist', 1, 'People', AUSTIN),
]);

// --- Operations: the factory floor is the other six-level chain.

const operations = leader('Chief Operating Officer', 'coo', 'Operations', AUSTIN, [
  leader('Director of Supply Chain and Manufacturing', 'operationsDirector', 'Operations', AUSTIN, [
    leader('Supply Chain Manager', 'operationsManager', 'Operations', AUSTIN, [
      ics('buyer', 2, 'Operations', AUSTIN),
      ics('demandPlanner', 1, 'Operations', AUSTIN),
    ]),
    leader('Production Manager', 'operationsManager', 'Operations', AUSTIN, [
      leader('Team Lead, Assembly', 'productionTeamLead', 'Operations', AUSTIN, [
        ics('assemblyTechnician', 4, 'Operations', AUSTIN),
      ]),
      leader('Team Lead, Final Test', 'productionTeamLead', 'Operations', AUSTIN, [
        ics('testTechnician', 3, 'Operations', AUSTIN),
      ]),
    ]),
  ]),
  leader('IT Manager', 'itManager', 'Operations', AUSTIN, [ics('itSupportSpecialist', 2, 'Operations', AUSTIN)]),
]);

export const DEMO_ORG_BLUEPRINT: PositionBlueprint = leader(
  'Chief Executive Officer',
  null,
  'Executive',
  AUSTIN,
  [
    engineering,
    product,
    sales,
    marketing,
    customerSuccess,
    finance,
    people,
    operations,
    ics('executiveAssistant', 1, 'Executive', AUSTIN),
  ],
  {
    key: 'ceo',
    cast: {
      name: 'Helena Marsh',
      hiredMonthsAgo: 110,
      rating: null,
      responsibilities: [
        { text: 'Set the three-year company strategy', level: 'LEADERSHIP', share: 30, classify: true },
        { text: 'Present quarterly results to the board', level: 'COMMUNICATION', share: 20, classify: true },
        { text: 'Build and develop the executive team', level: 'LEADERSHIP', share: 20 },
        { text: 'Represent Northwind Robotics to investors and key customers', level: 'COMMUNICATION', share: 15 },
        { text: 'Chair the weekly executive meeting', level: 'UNIFICATION', share: 15 },
      ],
    },
  },
);
