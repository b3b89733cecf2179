import type { Tier, ValueLevel, ValueMix } from '@rolemap/domain';

export interface VocabularyItem {
  text: string;
  level: ValueLevel;
  description: string | null;
  /**
   * The wording names its level plainly ("Fix…", "Coordinate…", "Present…", "Set the strategy…"),
   * so the generator may leave the level blank for the classifier. Texts a reader, or the
   * classifier in @rolemap/analysis, could place on another level always carry their level.
   */
  classifiable: boolean;
}

/**
 * How ordinary (non-story) holders of a role split their time, close to DEFAULT_POLICY's expected
 * mix. Directors, heads and executives list no hands-on work at all: the analysis treats any
 * implementation duty of theirs above delegationMinSharePct as a delegation gap, and in the
 * demo only the scripted leaders should show one.
 */
export type MixProfile = 'IC' | 'TEAM_LEAD' | 'MANAGER' | 'HEAD' | 'DIRECTOR' | 'EXECUTIVE';

export const MIX_PROFILES: Record<MixProfile, ValueMix> = {
  IC: { IMPLEMENTATION: 70, UNIFICATION: 15, COMMUNICATION: 10, LEADERSHIP: 5 },
  TEAM_LEAD: { IMPLEMENTATION: 35, UNIFICATION: 35, COMMUNICATION: 15, LEADERSHIP: 15 },
  MANAGER: { IMPLEMENTATION: 30, UNIFICATION: 35, COMMUNICATION: 20, LEADERSHIP: 15 },
  HEAD: { IMPLEMENTATION: 0, UNIFICATION: 40, COMMUNICATION: 25, LEADERSHIP: 35 },
  DIRECTOR: { IMPLEMENTATION: 0, UNIFICATION: 35, COMMUNICATION: 35, LEADERSHIP: 30 },
  EXECUTIVE: { IMPLEMENTATION: 0, UNIFICATION: 20, COMMUNICATION: 30, LEADERSHIP: 50 },
};

export const PROFILE_TIER: Record<MixProfile, Tier> = {
  IC: 'IC',
  TEAM_LEAD: 'MANAGER',
  MANAGER: 'MANAGER',
  HEAD: 'DIRECTOR',
  DIRECTOR: 'DIRECTOR',
  EXECUTIVE: 'EXECUTIVE',
};

export interface RoleFamily {
  profile: MixProfile;
  /** IC families: [title, senior title]. Leaders take their title from the org blueprint. */
  titles?: readonly [string, string];
  /** Typical previous title when someone was promoted into this role. */
  promotedFrom?: string;
  items: VocabularyItem[];
}

interface ItemOptions {
  description?: string;
  ambiguous?: boolean;
}

function item(level: ValueLevel, text: string, options: ItemOptions = {}): VocabularyItem {
  return { text, level, description: options.description ?? null, classifiable: !options.ambiguous };
}
const implementation = (text: string, options?: ItemOptions) => item('IMPLEMENTATION', text, options);
const unification = (text: string, options?: ItemOptions) => item('UNIFICATION', text, options);
const communication = (text: string, options?: ItemOptions) => item('COMMUNICATION', text, options);
const leadership = (text: string, options?: ItemOptions) => item('LEADERSHIP', text, options);

/** Fill-ins per profile, used when a family has too few items of a level. */
export const COMMON_ITEMS: Record<MixProfile, VocabularyItem[]> = {
  IC: [
    unification('Coordinate hand-offs with neighbouring teams'),
    unification('Plan the week’s tasks with the team'),
    communication('Present finished work at the monthly team demo'),
    communication('Report progress in the weekly team update', { ambiguous: true }),
    leadership('Mentor new colleagues during onboarding'),
  ],
  TEAM_LEAD: [
    unification('Run the daily stand-up'),
    unification('Assign and balance the team’s workload'),
    communication('Report team progress to the manager every week', { ambiguous: true }),
    leadership('Coach team members in weekly one-on-ones', { ambiguous: true }),
    leadership('Train new joiners on the team’s standards', { ambiguous: true }),
  ],
  MANAGER: [
    unification('Assign and balance the team’s workload'),
    unification('Coordinate priorities with neighbouring teams'),
    communication('Report team progress at the monthly business review'),
    communication('Communicate company updates to the team'),
    leadership('Coach team members in weekly one-on-ones', { ambiguous: true }),
    leadership('Develop the team’s skills plan', { ambiguous: true }),
  ],
  HEAD: [
    unification('Coordinate priorities with neighbouring teams'),
    unification('Plan the team’s quarterly capacity'),
    communication('Report team results at the monthly business review'),
    leadership('Set the team’s annual goals'),
    leadership('Coach team members in their career growth'),
  ],
  DIRECTOR: [
    unification('Coordinate budgets and headcount across teams', { ambiguous: true }),
    unification('Align priorities between departments', { ambiguous: true }),
    communication('Present department results at the monthly business review'),
    communication('Represent the department in executive meetings'),
    leadership('Set the department’s annual goals'),
    leadership('Coach and develop the managers in the department'),
  ],
  EXECUTIVE: [
    unification('Align priorities across departments in the executive meeting', { ambiguous: true }),
    communication('Present results to the board'),
    communication('Represent the company at industry events'),
    leadership('Set the function’s three-year strategy'),
    leadership('Build the leadership bench for succession', { ambiguous: true }),
  ],
};

export const ROLE_FAMILIES = {
  // Executive office
  executiveAssistant: {
    profile: 'IC',
    titles: ['Executive Assistant', 'Senior Executive Assistant'],
    items: [
      implementation('Manage the CEO’s calendar and travel'),
      implementation('Prepare board meeting packs', { ambiguous: true }),
      implementation('Take minutes at executive meetings', { ambiguous: true }),
      unification('Coordinate the executive team’s offsite logistics'),
      communication('Draft the CEO’s internal announcements', { ambiguous: true }),
    ],
  },

  // Engineering
  cto: {
    profile: 'EXECUTIVE',
    items: [
      implementation('Review designs of critical system changes', { ambiguous: true }),
      unification('Coordinate engineering headcount and budget across departments', { ambiguous: true }),
      communication('Present the technology roadmap to the board'),
      communication('Represent engineering in customer executive briefings'),
      leadership('Set the three-year technology strategy'),
      leadership('Build and develop the engineering leadership team'),
    ],
  },
  engineeringDirector: {
    profile: 'DIRECTOR',
    promotedFrom: 'Engineering Manager',
    items: [
      implementation('Review designs for cross-team changes', { ambiguous: true }),
      unification('Coordinate delivery plans across engineering teams'),
      unification('Balance headcount and budget across teams', { ambiguous: true }),
      communication('Present engineering progress at the monthly business review'),
      communication('Report delivery risks to the CTO', { ambiguous: true }),
      leadership('Set the engineering roadmap for the coming year', { ambiguous: true }),
      leadership('Coach and develop engineering managers'),
    ],
  },
  engineeringManager: {
    profile: 'MANAGER',
    promotedFrom: 'Senior Software Engineer',
    items: [
      implementation('Review pull requests'),
      implementation('Fix escalated production bugs'),
      implementation('Write technical design documents'),
      unification('Run weekly sprint planning'),
      unification('Coordinate releases with QA and product'),
      communication('Report sprint progress to the director', { ambiguous: true }),
      communication('Present the team’s results at the engineering all-hands'),
      leadership('Coach engineers in weekly one-on-ones', { ambiguous: true }),
      leadership('Define the team’s technical direction'),
    ],
  },
  engineeringTeamLead: {
    profile: 'TEAM_LEAD',
    promotedFrom: 'Senior Software Engineer',
    items: [
      implementation('Review pull requests'),
      implementation('Implement features on the team’s services'),
      unification('Break down epics into tasks for the team', { ambiguous: true }),
      unification('Run the daily stand-up'),
      communication('Demo finished work at the sprint review', { ambiguous: true }),
      leadership('Mentor junior engineers'),
    ],
  },
  softwareEngineer: {
    profile: 'IC',
    titles: ['Software Engineer', 'Senior Software Engineer'],
    items: [
      implementation('Implement new features in the fleet management service'),
      implementation('Write unit and integration tests'),
      implementation('Fix bugs in the order-picking workflow'),
      implementation('Review pull requests'),
      implementation('Maintain the continuous integration pipeline'),
      implementation('Debug production incidents'),
      unification('Coordinate API changes with the mobile team'),
      communication('Present technical designs at the architecture review'),
      communication('Write release notes for customers', { ambiguous: true }),
      leadership('Mentor junior engineers'),
    ],
  },
  siteReliabilityEngineer: {
    profile: 'IC',
    titles: ['Site Reliability Engineer', 'Senior Site Reliability Engineer'],
    items: [
      implementation('Operate the Kubernetes clusters'),
      implementation('Respond to on-call alerts'),
      implementation('Automate infrastructure with Terraform'),
      implementation('Tune database performance'),
      unification('Coordinate maintenance windows with product teams'),
      communication('Write incident post-mortems for the company', { ambiguous: true }),
    ],
  },
  roboticsEngineer: {
    profile: 'IC',
    titles: ['Robotics Engineer', 'Senior Robotics Engineer'],
    items: [
      implementation('Implement path-planning algorithms'),
      implementation('Calibrate the gripper sensors'),
      implementation('Test new firmware on the robot fleet'),
      implementation('Fix defects in the motor controllers'),
      unification('Coordinate firmware releases with the test lab'),
      communication('Present navigation results at the sprint review'),
    ],
  },
  qaEngineer: {
    profile: 'IC',
    titles: ['QA Engineer', 'Senior QA Engineer'],
    items: [
      implementation('Write automated end-to-end tests'),
      implementation('Run regression tests before each release', { ambiguous: true }),
      implementation('Log and triage defects', { ambiguous: true }),
      unification('Coordinate test environments with developers'),
      communication('Report release quality to the team', { ambiguous: true }),
    ],
  },
  hardwareTestEngineer: {
    profile: 'IC',
    titles: ['Test Engineer', 'Senior Test Engineer'],
    items: [
      implementation('Run endurance tests on robot prototypes', { ambiguous: true }),
      implementation('Build test rigs for new hardware'),
      implementation('Analyse failure data from field returns'),
      unification('Coordinate prototype builds with manufacturing'),
      communication('Present test findings to the hardware designers'),
    ],
  },
  dataScientist: {
    profile: 'IC',
    titles: ['Data Scientist', 'Senior Data Scientist'],
    items: [
      implementation('Build demand-forecasting models'),
      implementation('Clean and analyse fleet telemetry data'),
      implementation('Write SQL queries for ad-hoc analyses'),
      unification('Coordinate data requests from product and operations'),
      communication('Present analysis results to product teams'),
    ],
  },

  // Product
  cpo: {
    profile: 'EXECUTIVE',
    items: [
      implementation('Write requirement documents for key bets', { ambiguous: true }),
      unification('Coordinate the product roadmap with engineering and sales'),
      communication('Present the product vision to customers and the board', { ambiguous: true }),
      communication('Represent the product at industry conferences'),
      leadership('Set the three-year product strategy'),
      leadership('Build and develop the product leadership team'),
    ],
  },
  productDirector: {
    profile: 'DIRECTOR',
    promotedFrom: 'Senior Product Owner',
    items: [
      implementation('Write user stories for strategic features'),
      unification('Coordinate roadmap priorities across product teams'),
      unification('Run the quarterly planning process'),
      communication('Present the roadmap to sales and customer success'),
      communication('Report product metrics to the CPO', { ambiguous: true }),
      leadership('Set the product area strategy'),
      leadership('Coach and develop product owners'),
    ],
  },
  headOfDesign: {
    profile: 'HEAD',
    promotedFrom: 'Senior UX Designer',
    items: [
      implementation('Design key screens for the operator app'),
      unification('Run the weekly design critique', { ambiguous: true }),
      unification('Coordinate design work with product owners'),
      communication('Present design research findings to leadership', { ambiguous: true }),
      leadership('Set the design system vision', { ambiguous: true }),
      leadership('Coach designers in their career growth'),
    ],
  },
  productOwner: {
    profile: 'IC',
    titles: ['Product Owner', 'Senior Product Owner'],
    items: [
      implementation('Write user stories and acceptance criteria'),
      implementation('Analyse feature usage data'),
      implementation('Interview customers about their warehouse workflows', { ambiguous: true }),
      unification('Run backlog refinement with the team'),
      unification('Coordinate feature launches with marketing'),
      communication('Present the sprint demo to stakeholders'),
      leadership('Mentor new product owners'),
    ],
  },
  productAnalyst: {
    profile: 'IC',
    titles: ['Product Analyst', 'Senior Product Analyst'],
    items: [
      implementation('Build product usage dashboards'),
      implementation('Analyse funnel conversion data'),
      unification('Coordinate tracking plans with engineering'),
      communication('Present monthly product metrics to the product team'),
    ],
  },
  uxDesigner: {
    profile: 'IC',
    titles: ['UX Designer', 'Senior UX Designer'],
    items: [
      implementation('Design wireframes and prototypes'),
      implementation('Run usability tests with warehouse operators', { ambiguous: true }),
      implementation('Maintain the design system components'),
      unification('Coordinate design hand-offs with engineers'),
      communication('Present design concepts to stakeholders'),
    ],
  },

  // Sales
  regionalSalesManager: {
    profile: 'MANAGER',
    promotedFrom: 'Senior Sales Representative',
    items: [
      communication('Negotiate pricing on enterprise deals', { ambiguous: true }),
      implementation('Update opportunities in the CRM'),
      unification('Run the weekly pipeline review with the team', { ambiguous: true }),
      unification('Assign territories and accounts to representatives'),
      communication('Report the regional forecast to the VP Sales', { ambiguous: true }),
      communication('Present regional results at the quarterly business review'),
      leadership('Coach sales representatives on deal strategy'),
      leadership('Hire and ramp new sales representatives', { ambiguous: true }),
    ],
  },
  salesRepresentative: {
    profile: 'IC',
    titles: ['Sales Representative', 'Senior Sales Representative'],
    items: [
      implementation('Prospect new warehouse customers'),
      implementation('Run product demos for prospects', { ambiguous: true }),
      implementation('Prepare quotes and proposals'),
      implementation('Update opportunities in the CRM'),
      communication('Negotiate contracts with mid-market customers', { ambiguous: true }),
      unification('Coordinate pilots with the sales engineers'),
      communication('Present proposals to customer executives'),
      leadership('Mentor new sales representatives'),
    ],
  },
  salesEngineer: {
    profile: 'IC',
    titles: ['Sales Engineer', 'Senior Sales Engineer'],
    items: [
      implementation('Build custom demo environments'),
      implementation('Answer technical questions in RFPs'),
      unification('Coordinate pilot installations with onboarding'),
      communication('Present the technical architecture to prospects'),
    ],
  },
  salesOperationsAnalyst: {
    profile: 'IC',
    titles: ['Sales Operations Analyst', 'Senior Sales Operations Analyst'],
    items: [
      implementation('Maintain CRM data quality'),
      implementation('Build sales performance dashboards'),
      implementation('Calculate monthly commissions'),
      unification('Coordinate territory changes with finance'),
      communication('Report pipeline hygiene issues to the sales managers', { ambiguous: true }),
    ],
  },

  // Marketing
  vpMarketing: {
    profile: 'EXECUTIVE',
    items: [
      implementation('Write copy for major campaign launches'),
      unification('Coordinate the annual marketing plan across teams', { ambiguous: true }),
      unification('Allocate the marketing budget across channels', { ambiguous: true }),
      communication('Present marketing results to the executive team'),
      communication('Represent the brand at trade shows'),
      leadership('Set the brand and positioning strategy'),
      leadership('Develop the marketing managers', { ambiguous: true }),
    ],
  },
  marketingManager: {
    profile: 'MANAGER',
    promotedFrom: 'Senior Marketing Specialist',
    items: [
      implementation('Write campaign briefs'),
      implementation('Build email nurture campaigns'),
      unification('Run the weekly campaign planning meeting'),
      unification('Coordinate launches with sales and product'),
      communication('Report campaign performance to the VP Marketing', { ambiguous: true }),
      communication('Present pipeline contribution at the monthly business review'),
      leadership('Coach marketing specialists'),
    ],
  },
  marketingSpecialist: {
    profile: 'IC',
    titles: ['Marketing Specialist', 'Senior Marketing Specialist'],
    items: [
      implementation('Run paid search campaigns', { ambiguous: true }),
      implementation('Build landing pages'),
      implementation('Set up email campaigns in the marketing platform', { ambiguous: true }),
      implementation('Track campaign results in spreadsheets'),
      unification('Coordinate event logistics with vendors'),
      communication('Report campaign results to the marketing manager', { ambiguous: true }),
    ],
  },
  contentWriter: {
    profile: 'IC',
    titles: ['Content Writer', 'Senior Content Writer'],
    items: [
      implementation('Write blog posts and case studies'),
      implementation('Edit customer-facing documentation'),
      implementation('Produce short product videos'),
      unification('Coordinate the editorial calendar'),
      communication('Interview customers for case studies', { ambiguous: true }),
    ],
  },
  productMarketingSpecialist: {
    profile: 'IC',
    titles: ['Product Marketing Specialist', 'Senior Product Marketing Specialist'],
    items: [
      implementation('Write sales battlecards'),
      implementation('Research competitor pricing'),
      unification('Coordinate launch checklists with product owners'),
      communication('Present new features to the sales team'),
    ],
  },
  marketingOperationsAnalyst: {
    profile: 'IC',
    titles: ['Marketing Operations Analyst', 'Senior Marketing Operations Analyst'],
    items: [
      implementation('Maintain the marketing automation workflows'),
      implementation('Clean lead data in the CRM'),
      implementation('Build the weekly lead funnel dashboard'),
      unification('Coordinate lead routing rules with sales operations'),
      communication('Report lead volumes to the marketing managers', { ambiguous: true }),
    ],
  },

  // Customer Success
  vpCustomerSuccess: {
    profile: 'EXECUTIVE',
    items: [
      implementation('Handle escalations from strategic accounts', { ambiguous: true }),
      unification('Coordinate support and onboarding capacity planning'),
      communication('Present customer health metrics to the board'),
      communication('Represent customers in product roadmap reviews'),
      leadership('Set the customer success strategy'),
      leadership('Build the customer success leadership team'),
    ],
  },
  headOfOnboarding: {
    profile: 'HEAD',
    promotedFrom: 'Senior Onboarding Specialist',
    items: [
      implementation('Run onboarding sessions for key accounts', { ambiguous: true }),
      unification('Schedule onboarding projects across the team'),
      unification('Coordinate go-live dates with engineering'),
      communication('Report onboarding progress to the VP Customer Success', { ambiguous: true }),
      leadership('Set the onboarding playbook strategy', { ambiguous: true }),
      leadership('Coach onboarding specialists'),
    ],
  },
  supportSpecialist: {
    profile: 'IC',
    titles: ['Support Specialist', 'Senior Support Specialist'],
    items: [
      implementation('Answer customer support tickets'),
      implementation('Troubleshoot robot connectivity issues'),
      implementation('Update help center articles'),
      implementation('Reproduce reported bugs for engineering'),
      unification('Coordinate escalations with engineering'),
      communication('Report ticket trends to the support manager', { ambiguous: true }),
      leadership('Mentor new support specialists'),
    ],
  },
  onboardingSpecialist: {
    profile: 'IC',
    titles: ['Onboarding Specialist', 'Senior Onboarding Specialist'],
    items: [
      implementation('Configure customer sites in the fleet console'),
      implementation('Train warehouse operators on the robots', { ambiguous: true }),
      implementation('Install robot charging stations on site'),
      unification('Coordinate go-live checklists with customers'),
      communication('Report onboarding status to account owners'),
    ],
  },

  // Finance
  cfo: {
    profile: 'EXECUTIVE',
    items: [
      implementation('Review large vendor contracts', { ambiguous: true }),
      unification('Coordinate the annual budgeting process'),
      communication('Present quarterly results to the board'),
      communication('Manage relationships with investors and banks', { ambiguous: true }),
      leadership('Set the three-year financial plan', { ambiguous: true }),
      leadership('Develop the finance leadership team'),
    ],
  },
  headOfFpa: {
    profile: 'HEAD',
    promotedFrom: 'Senior Financial Analyst',
    items: [
      implementation('Build the monthly forecast model'),
      unification('Run the monthly forecast cycle with budget owners', { ambiguous: true }),
      unification('Coordinate budget submissions from all departments'),
      communication('Present variance analyses to the CFO'),
      leadership('Set the planning calendar and principles', { ambiguous: true }),
      leadership('Coach financial analysts'),
    ],
  },
  accountant: {
    profile: 'IC',
    titles: ['Accountant', 'Senior Accountant'],
    items: [
      implementation('Post journal entries for the month-end close'),
      implementation('Reconcile bank accounts'),
      implementation('Process vendor invoices'),
      implementation('Prepare revenue journal entries'),
      unification('Coordinate audit requests with the external auditors'),
      communication('Report reconciliation status to the Director of Finance'),
      leadership('Mentor junior accountants'),
    ],
  },
  financialAnalyst: {
    profile: 'IC',
    titles: ['Financial Analyst', 'Senior Financial Analyst'],
    items: [
      implementation('Update the budget-versus-actuals spreadsheet', { ambiguous: true }),
      implementation('Build cost models for new product lines'),
      unification('Coordinate forecast inputs with budget owners'),
      communication('Present cost analyses to department heads'),
    ],
  },

  // People
  vpPeople: {
    profile: 'EXECUTIVE',
    items: [
      implementation('Draft employment contracts for senior hires'),
      unification('Coordinate the annual performance review cycle'),
      communication('Present engagement survey results to the leadership team', { ambiguous: true }),
      communication('Represent the company in works council meetings'),
      leadership('Set the people strategy'),
      leadership('Design the leadership development program', { ambiguous: true }),
    ],
  },
  talentAcquisitionManager: {
    profile: 'MANAGER',
    promotedFrom: 'Senior Recruiter',
    items: [
      implementation('Screen candidates for senior roles'),
      implementation('Write job postings'),
      unification('Run the weekly hiring pipeline review', { ambiguous: true }),
      unification('Coordinate interview panels with hiring managers'),
      communication('Report hiring metrics to the VP People', { ambiguous: true }),
      leadership('Coach recruiters'),
    ],
  },
  hrBusinessPartner: {
    profile: 'IC',
    titles: ['HR Business Partner', 'Senior HR Business Partner'],
    items: [
      implementation('Answer employee questions on policies'),
      implementation('Prepare promotion and compensation paperwork'),
      implementation('Handle employee relations cases', { ambiguous: true }),
      unification('Coordinate the review cycle for their departments'),
      communication('Advise managers on people decisions', { ambiguous: true }),
    ],
  },
  recruiter: {
    profile: 'IC',
    titles: ['Recruiter', 'Senior Recruiter'],
    items: [
      implementation('Source candidates on professional networks'),
      implementation('Screen applicants by phone'),
      implementation('Send offer letters'),
      unification('Coordinate interview loops with hiring teams'),
      communication('Present the candidate experience at career fairs', { ambiguous: true }),
    ],
  },
  peopleOperationsSpecialist: {
    profile: 'IC',
    titles: ['People Operations Specialist', 'Senior People Operations Specialist'],
    items: [
      implementation('Prepare payroll inputs each month'),
      implementation('Maintain employee records in the HRIS'),
      implementation('Process new-hire paperwork'),
      unification('Coordinate benefits enrolment with providers'),
      communication('Answer the monthly HR newsletter questions', { ambiguous: true }),
    ],
  },

  // Operations
  coo: {
    profile: 'EXECUTIVE',
    items: [
      implementation('Approve purchase orders above the signing limit', { ambiguous: true }),
      unification('Coordinate production capacity with the sales forecast'),
      communication('Present operations performance to the board'),
      communication('Represent operations in key supplier negotiations', { ambiguous: true }),
      leadership('Set the manufacturing and supply chain strategy'),
      leadership('Develop the operations leadership team'),
    ],
  },
  operationsDirector: {
    profile: 'DIRECTOR',
    promotedFrom: 'Production Manager',
    items: [
      communication('Negotiate contracts with key component suppliers', { ambiguous: true }),
      unification('Coordinate the sales and operations planning process'),
      unification('Balance production capacity across lines'),
      communication('Report operations KPIs to the COO', { ambiguous: true }),
      communication('Present operations results at the quarterly business review'),
      leadership('Set the three-year supply chain strategy'),
      leadership('Coach and develop operations managers'),
    ],
  },
  operationsManager: {
    profile: 'MANAGER',
    promotedFrom: 'Senior Buyer',
    items: [
      implementation('Place purchase orders for critical parts'),
      implementation('Investigate quality defects on the line'),
      unification('Run the daily production meeting', { ambiguous: true }),
      unification('Schedule shifts for the team'),
      communication('Report weekly output and delays to the director', { ambiguous: true }),
      leadership('Develop the team’s skills plan', { ambiguous: true }),
    ],
  },
  itManager: {
    profile: 'MANAGER',
    promotedFrom: 'Senior IT Support Specialist',
    items: [
      implementation('Administer the identity provider'),
      implementation('Set up accounts for new hires', { ambiguous: true }),
      unification('Coordinate IT projects with department heads'),
      unification('Run the weekly IT ticket triage', { ambiguous: true }),
      communication('Report security and IT metrics to the COO', { ambiguous: true }),
      leadership('Coach IT support specialists'),
    ],
  },
  productionTeamLead: {
    profile: 'TEAM_LEAD',
    promotedFrom: 'Senior Assembly Technician',
    items: [
      implementation('Troubleshoot line stoppages'),
      implementation('Perform quality checks on finished robots'),
      unification('Run the shift handover meeting'),
      unification('Assign technicians to workstations'),
      communication('Report shift output to the production manager', { ambiguous: true }),
      leadership('Train new technicians on the line', { ambiguous: true }),
    ],
  },
  assemblyTechnician: {
    profile: 'IC',
    titles: ['Assembly Technician', 'Senior Assembly Technician'],
    items: [
      implementation('Assemble drive units'),
      implementation('Install wiring harnesses'),
      implementation('Perform quality checks on finished robots'),
      unification('Coordinate parts supply with the warehouse'),
      communication('Report defects in the shift log', { ambiguous: true }),
    ],
  },
  testTechnician: {
    profile: 'IC',
    titles: ['Test Technician', 'Senior Test Technician'],
    items: [
      implementation('Run end-of-line tests on finished robots', { ambiguous: true }),
      implementation('Record test results in the quality system'),
      implementation('Repair robots that fail final test'),
      unification('Coordinate retests with the assembly team'),
      communication('Report first-pass yield to the team lead', { ambiguous: true }),
    ],
  },
  buyer: {
    profile: 'IC',
    titles: ['Buyer', 'Senior Buyer'],
    items: [
      implementation('Place purchase orders with suppliers'),
      implementation('Chase late deliveries of parts'),
      implementation('Compare supplier quotes'),
      unification('Coordinate delivery schedules with production'),
      communication('Report supplier performance to the supply chain manager', { ambiguous: true }),
    ],
  },
  demandPlanner: {
    profile: 'IC',
    titles: ['Demand Planner', 'Senior Demand Planner'],
    items: [
      implementation('Update the monthly demand forecast'),
      implementation('Calculate safety stock levels'),
      unification('Coordinate build plans with production'),
      communication('Present the demand plan at the S&OP meeting'),
    ],
  },
  itSupportSpecialist: {
    profile: 'IC',
    titles: ['IT Support Specialist', 'Senior IT Support Specialist'],
    items: [
      implementation('Resolve IT helpdesk tickets'),
      implementation('Set up laptops for new hires', { ambiguous: true }),
      implementation('Patch servers and endpoints'),
      unification('Coordinate hardware orders with purchasing'),
      communication('Write IT how-to guides for staff', { ambiguous: true }),
    ],
  },
} satisfies Record<string, RoleFamily>;

export type RoleFamilyKey = keyof typeof ROLE_FAMILIES;

/**
 * Every distinct text with its intended level. Exported so classifier tests can check that the
 * demo's unlabelled responsibilities land where a reader would put them.
 */
export const RESPONSIBILITY_VOCABULARY: readonly VocabularyItem[] = dedupeByText([
  ...Object.values(COMMON_ITEMS).flat(),
  ...Object.values(ROLE_FAMILIES as Record<string, RoleFamily>).flatMap((family) => family.items),
]);

function dedupeByText(items: VocabularyItem[]): VocabularyItem[] {
  const byText = new Map<string, VocabularyItem>();
  for (const entry of items) {
    const known = byText.get(entry.text);
    if (known && known.level !== entry.level) {
      throw new Error(`"${entry.text}" is listed as both ${known.level} and ${entry.level}`);
    }
    if (!known) byText.set(entry.text, entry);
  }
  return [...byText.values()];
}
