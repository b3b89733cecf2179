import type { ValueLevel } from '@rolemap/domain';
import type { DictionaryEntry } from '../dictionary-entry';

/**
 * The built-in starter dictionary: common functions, their processes and everyday activities,
 * each with the value level the work is at. HR copies it into an organization and edits it there.
 * Codes are positional (`ENG`, `ENG-02`, `ENG-02-05`): append to a list, never insert, so the
 * codes of a copy taken earlier keep naming the same activities.
 */
type Level = 'I' | 'U' | 'C' | 'L';
type StarterActivity = readonly [label: string, level: Level, description?: string];

interface StarterProcess {
  label: string;
  description: string;
  activities: readonly StarterActivity[];
}

interface StarterFunction {
  code: string;
  label: string;
  description: string;
  processes: readonly StarterProcess[];
}

const LEVELS: Record<Level, ValueLevel> = {
  I: 'IMPLEMENTATION',
  U: 'UNIFICATION',
  C: 'COMMUNICATION',
  L: 'LEADERSHIP',
};

const FUNCTIONS: readonly StarterFunction[] = [
  {
    code: 'ENG',
    label: 'Engineering',
    description: 'Building, running and improving the software and systems.',
    processes: [
      {
        label: 'Building software',
        description: 'Writing, testing and reviewing code.',
        activities: [
          ['Write code for new features', 'I'],
          ['Fix bugs reported by users or colleagues', 'I'],
          ['Write automated tests', 'I'],
          ['Review colleagues’ code changes', 'I'],
          ['Refactor code and pay down technical debt', 'I'],
          ['Write technical documentation', 'I'],
          ['Build prototypes to try out an approach', 'I'],
          ['Pair program with a colleague', 'I'],
        ],
      },
      {
        label: 'Running systems',
        description: 'Keeping production healthy and recovering from incidents.',
        activities: [
          ['Be on call for production incidents', 'I'],
          ['Investigate and fix production incidents', 'I'],
          ['Watch dashboards and respond to alerts', 'I'],
          ['Maintain build and deployment pipelines', 'I'],
          ['Upgrade libraries and apply security patches', 'I'],
          ['Organise the on-call rota for the team', 'U'],
          ['Run post-incident reviews with the teams involved', 'U'],
        ],
      },
      {
        label: 'Technical design',
        description: 'Deciding how systems are built and which standards apply.',
        activities: [
          ['Design the architecture of a new feature or service', 'I'],
          ['Write design documents for review', 'I'],
          ['Review designs from other teams for consistency', 'U'],
          ['Agree technical standards across teams', 'U'],
          ['Set the long-term technical direction', 'L', 'Which platforms to invest in, what to retire, and why.'],
        ],
      },
      {
        label: 'Delivery',
        description: 'Planning and coordinating the team’s engineering work.',
        activities: [
          ['Break work into tasks and estimate them', 'U'],
          ['Plan sprints with the team', 'U'],
          ['Run the daily stand-up', 'U'],
          ['Coordinate releases across teams', 'U'],
          ['Track dependencies on other teams', 'U'],
          ['Report delivery progress to stakeholders', 'C'],
          ['Demo finished work to stakeholders', 'C'],
        ],
      },
    ],
  },
  {
    code: 'PRD',
    label: 'Product and design',
    description: 'Deciding what to build and how it looks and works for the people who use it.',
    processes: [
      {
        label: 'Discovery',
        description: 'Understanding customers’ problems before building.',
        activities: [
          ['Interview customers about their problems', 'I'],
          ['Analyse product usage data', 'I'],
          ['Research competitors’ products', 'I'],
          ['Test prototypes with users', 'I'],
          ['Write up research findings', 'I'],
        ],
      },
      {
        label: 'Product planning',
        description: 'Choosing what comes next and agreeing it with the teams.',
        activities: [
          ['Write product requirements and user stories', 'I'],
          ['Prioritise the backlog', 'U'],
          ['Agree scope and trade-offs with engineering and design', 'U'],
          ['Maintain the product roadmap', 'U'],
          ['Set the product vision and strategy', 'L'],
          ['Define product goals and how success is measured', 'L'],
        ],
      },
      {
        label: 'Launch and feedback',
        description: 'Bringing features to customers and learning from them.',
        activities: [
          ['Coordinate launch activities across teams', 'U'],
          ['Write release notes', 'C'],
          ['Brief sales and support teams on new features', 'C'],
          ['Present the roadmap to customers and partners', 'C'],
          ['Collect and sort feedback after a launch', 'I'],
        ],
      },
      {
        label: 'Design',
        description: 'User experience and visual design.',
        activities: [
          ['Design user flows and screens', 'I'],
          ['Run usability tests', 'I'],
          ['Maintain the design system', 'I'],
          ['Review designs with product and engineering', 'U'],
          ['Set design principles for the product', 'L'],
        ],
      },
    ],
  },
  {
    code: 'SAL',
    label: 'Sales',
    description: 'Finding customers, winning deals and growing accounts.',
    processes: [
      {
        label: 'Prospecting',
        description: 'Finding and qualifying new potential customers.',
        activities: [
          ['Research target accounts', 'I'],
          ['Make outbound calls and send outreach emails', 'I'],
          ['Qualify inbound leads', 'I'],
          ['Keep the CRM up to date', 'I'],
          ['Meet prospects at trade shows and events', 'I'],
        ],
      },
      {
        label: 'Winning deals',
        description: 'Taking opportunities from first meeting to signature.',
        activities: [
          ['Run product demos for prospects', 'I'],
          ['Write proposals and answer tenders', 'I'],
          ['Prepare quotes and order forms', 'I'],
          ['Negotiate prices and contract terms', 'I'],
          ['Answer customers’ security and procurement questionnaires', 'I'],
          ['Review non-standard deals with the deal desk', 'U'],
        ],
      },
      {
        label: 'Account management',
        description: 'Keeping and growing existing customers.',
        activities: [
          ['Run renewals with existing customers', 'I'],
          ['Find upsell opportunities in existing accounts', 'I'],
          ['Hold business reviews with key customers', 'C'],
          ['Build relationships with customers’ executives', 'C'],
        ],
      },
      {
        label: 'Sales management',
        description: 'Running the sales team and its numbers.',
        activities: [
          ['Run the weekly pipeline review with the team', 'U'],
          ['Assign territories and accounts', 'U'],
          ['Coach reps on live deals', 'U'],
          ['Prepare the sales forecast', 'U'],
          ['Report the forecast to leadership', 'C'],
          ['Set the sales strategy and targets', 'L'],
        ],
      },
    ],
  },
  {
    code: 'MKT',
    label: 'Marketing',
    description: 'Making the market aware of the company and bringing in demand.',
    processes: [
      {
        label: 'Content and campaigns',
        description: 'Producing material and running campaigns.',
        activities: [
          ['Write blog posts, articles and case studies', 'I'],
          ['Build and send email campaigns', 'I'],
          ['Run paid advertising campaigns', 'I'],
          ['Manage social media accounts', 'I'],
          ['Organise webinars and events', 'U'],
          ['Produce videos and design graphics', 'I'],
        ],
      },
      {
        label: 'Demand generation',
        description: 'Turning attention into leads for sales.',
        activities: [
          ['Build landing pages and forms', 'I'],
          ['Analyse campaign results and conversion rates', 'I'],
          ['Agree lead definitions and hand-offs with sales', 'U'],
          ['Plan the campaign calendar with the team', 'U'],
        ],
      },
      {
        label: 'Brand and communications',
        description: 'How the company presents itself.',
        activities: [
          ['Write press releases', 'C'],
          ['Brief journalists and analysts', 'C'],
          ['Speak for the company at conferences', 'C'],
          ['Look after the brand guidelines', 'I'],
          ['Define the brand and positioning', 'L'],
        ],
      },
      {
        label: 'Marketing planning',
        description: 'Budgets, plans and direction for marketing.',
        activities: [
          ['Plan and track the marketing budget', 'U'],
          ['Coordinate work with agencies and freelancers', 'U'],
          ['Report marketing results to leadership', 'C'],
          ['Set the marketing strategy', 'L'],
        ],
      },
    ],
  },
  {
    code: 'FIN',
    label: 'Finance',
    description: 'Money in, money out, the books and the plan.',
    processes: [
      {
        label: 'Accounting',
        description: 'Keeping the books and closing the month.',
        activities: [
          ['Process supplier invoices', 'I'],
          ['Issue customer invoices and chase payments', 'I'],
          ['Reconcile bank accounts', 'I'],
          ['Prepare month-end journals', 'I'],
          ['Run payroll', 'I'],
          ['Coordinate the month-end close across teams', 'U'],
        ],
      },
      {
        label: 'Planning and analysis',
        description: 'Budgets, forecasts and the numbers behind decisions.',
        activities: [
          ['Build financial models', 'I'],
          ['Analyse spend against budget', 'I'],
          ['Collect budget requests from departments', 'U'],
          ['Prepare the monthly management accounts', 'I'],
          ['Present financial results to leadership and the board', 'C'],
          ['Set the financial plan and capital allocation', 'L'],
        ],
      },
      {
        label: 'Controls and compliance',
        description: 'Audits, tax and financial controls.',
        activities: [
          ['Prepare tax returns and filings', 'I'],
          ['Support the external audit', 'I'],
          ['Review and approve expense claims', 'I'],
          ['Maintain financial controls and approval limits', 'U'],
          ['Answer auditors’ and regulators’ questions', 'C'],
        ],
      },
      {
        label: 'Purchasing',
        description: 'Buying goods and services.',
        activities: [
          ['Raise and process purchase orders', 'I'],
          ['Compare supplier quotes', 'I'],
          ['Negotiate contracts with suppliers', 'I'],
          ['Review suppliers’ performance with the teams that use them', 'U'],
        ],
      },
    ],
  },
  {
    code: 'HR',
    label: 'People (HR)',
    description: 'Hiring, developing, paying and looking after the people.',
    processes: [
      {
        label: 'Recruiting',
        description: 'Finding and hiring new people.',
        activities: [
          ['Write job descriptions and adverts', 'I'],
          ['Screen applications and CVs', 'I'],
          ['Schedule interviews', 'I'],
          ['Interview candidates', 'I'],
          ['Make offers and negotiate with candidates', 'I'],
          ['Coordinate hiring panels and decisions', 'U'],
          ['Plan hiring with department heads', 'U'],
        ],
      },
      {
        label: 'Employee administration',
        description: 'Contracts, records and the everyday questions.',
        activities: [
          ['Prepare contracts and offer letters', 'I'],
          ['Keep employee records up to date', 'I'],
          ['Answer employees’ questions about policies and benefits', 'I'],
          ['Run onboarding for new starters', 'U'],
          ['Handle leavers and exit interviews', 'I'],
        ],
      },
      {
        label: 'Performance and development',
        description: 'Reviews, training and careers.',
        activities: [
          ['Run the performance review cycle', 'U'],
          ['Organise training courses', 'U'],
          ['Advise managers on performance problems', 'C'],
          ['Run the talent review and spot future leaders', 'L'],
          ['Build the leadership development programme', 'L'],
          ['Own the succession plan for senior roles', 'L'],
        ],
      },
      {
        label: 'Reward and employee relations',
        description: 'Pay, benefits, policies and workplace issues.',
        activities: [
          ['Benchmark salaries against the market', 'I'],
          ['Run the annual pay review', 'U'],
          ['Write and update people policies', 'I'],
          ['Investigate grievances and disciplinary cases', 'I'],
          ['Consult with employee representatives', 'C'],
          ['Set the people strategy', 'L'],
        ],
      },
    ],
  },
  {
    code: 'OPS',
    label: 'Operations',
    description: 'Facilities, IT, supply chain and the processes that keep the company running.',
    processes: [
      {
        label: 'Facilities and workplace',
        description: 'Offices, equipment and health and safety.',
        activities: [
          ['Look after office facilities and maintenance', 'I'],
          ['Order equipment and supplies', 'I'],
          ['Run health and safety checks', 'I'],
          ['Coordinate office moves and seating plans', 'U'],
        ],
      },
      {
        label: 'Internal IT',
        description: 'Laptops, accounts and business systems.',
        activities: [
          ['Set up laptops and accounts for new starters', 'I'],
          ['Answer the IT help desk', 'I'],
          ['Administer business systems and licences', 'I'],
          ['Review access rights and security settings', 'I'],
          ['Plan IT projects with the departments they serve', 'U'],
        ],
      },
      {
        label: 'Supply chain and logistics',
        description: 'Stock, shipping and suppliers of goods.',
        activities: [
          ['Pick, pack and ship orders', 'I'],
          ['Count and manage stock', 'I'],
          ['Book carriers and track shipments', 'I'],
          ['Schedule shifts in the warehouse', 'U'],
          ['Plan stock levels with sales and finance', 'U'],
        ],
      },
      {
        label: 'Process improvement',
        description: 'Making the way work is done better and measurable.',
        activities: [
          ['Map and document business processes', 'I'],
          ['Track operational metrics', 'I'],
          ['Run improvement projects across teams', 'U'],
          ['Report operational performance to leadership', 'C'],
          ['Set the operations strategy', 'L'],
        ],
      },
    ],
  },
  {
    code: 'SUP',
    label: 'Customer support and success',
    description: 'Helping customers use the product and stay with the company.',
    processes: [
      {
        label: 'Support',
        description: 'Answering customers’ questions and problems.',
        activities: [
          ['Answer support tickets', 'I'],
          ['Answer customer calls and chats', 'I'],
          ['Reproduce and escalate product bugs', 'I'],
          ['Write help articles and saved replies', 'I'],
          ['Manage the support queue and shift cover', 'U'],
          ['Review the quality of support answers', 'U'],
        ],
      },
      {
        label: 'Onboarding and training',
        description: 'Getting new customers up and running.',
        activities: [
          ['Set up new customers’ accounts', 'I'],
          ['Train customers on the product', 'I'],
          ['Plan onboarding projects with customers', 'U'],
        ],
      },
      {
        label: 'Customer success',
        description: 'Keeping customers healthy and renewing.',
        activities: [
          ['Check in regularly with assigned customers', 'I'],
          ['Monitor account health and usage', 'I'],
          ['Handle escalations from unhappy customers', 'I'],
          ['Pass customer feedback on to product', 'C'],
          ['Report churn and satisfaction to leadership', 'C'],
          ['Set the customer success strategy', 'L'],
        ],
      },
    ],
  },
  {
    code: 'LEG',
    label: 'Legal and compliance',
    description: 'Contracts, regulation, risk and data protection.',
    processes: [
      {
        label: 'Contracts',
        description: 'Drafting and negotiating agreements.',
        activities: [
          ['Draft contracts and agreements', 'I'],
          ['Review contracts from customers and suppliers', 'I'],
          ['Negotiate contract terms with the other side’s lawyers', 'I'],
          ['Keep the contract templates up to date', 'I'],
          ['Coordinate contract approvals with the business', 'U'],
        ],
      },
      {
        label: 'Compliance and risk',
        description: 'Regulation, policies and keeping out of trouble.',
        activities: [
          ['Track changes in laws and regulations', 'I'],
          ['Answer data protection requests', 'I'],
          ['Run compliance training for employees', 'U'],
          ['Maintain the risk register', 'I'],
          ['Brief leadership on legal risks', 'C'],
          ['Deal with regulators', 'C'],
        ],
      },
      {
        label: 'Disputes and corporate matters',
        description: 'Claims, litigation and company records.',
        activities: [
          ['Handle claims and disputes', 'I'],
          ['Work with outside counsel on litigation', 'U'],
          ['Keep company records and board minutes', 'I'],
          ['Advise the board on governance', 'C'],
        ],
      },
    ],
  },
  {
    code: 'MGT',
    label: 'Management and leadership',
    description: 'Work every manager does whatever the function: people, planning, reporting and direction.',
    processes: [
      {
        label: 'Managing people',
        description: 'Looking after the people who report to you.',
        activities: [
          ['Hold 1:1s with direct reports', 'U', 'Regular one-to-one meetings about work, wellbeing and growth.'],
          ['Give feedback and run performance reviews', 'U'],
          ['Coach team members on their work', 'U'],
          ['Approve holidays, expenses and timesheets', 'U'],
          ['Handle performance and conduct problems', 'U'],
          ['Onboard new team members', 'U'],
          ['Develop managers into leaders', 'L'],
          ['Plan successors for key roles', 'L'],
        ],
      },
      {
        label: 'Hiring',
        description: 'Growing and shaping the team.',
        activities: [
          ['Decide which roles the team needs', 'L'],
          ['Interview candidates for the team', 'U'],
          ['Make hiring decisions', 'U'],
          ['Sell the team to strong candidates', 'C'],
        ],
      },
      {
        label: 'Planning and coordination',
        description: 'Organising the team’s work and working with other teams.',
        activities: [
          ['Plan the team’s work for the quarter', 'U'],
          ['Assign work and balance workloads', 'U'],
          ['Run team meetings', 'U'],
          ['Track the team’s goals and progress', 'U'],
          ['Agree priorities and hand-offs with other teams', 'U'],
          ['Manage the team’s budget', 'U'],
          ['Resolve conflicts within the team', 'U'],
        ],
      },
      {
        label: 'Reporting and representing',
        description: 'Keeping others informed and speaking for the team.',
        activities: [
          ['Write status reports for senior management', 'C'],
          ['Present results to senior leadership', 'C'],
          ['Prepare board papers', 'C'],
          ['Represent the team in leadership meetings', 'C'],
          ['Share company news and decisions with the team', 'C'],
          ['Meet key customers, partners or investors', 'C'],
          ['Host all-hands or town hall meetings', 'C'],
        ],
      },
      {
        label: 'Direction and strategy',
        description: 'Where the team or company is going and how it is organised.',
        activities: [
          ['Set the strategy for the team or function', 'L'],
          ['Define the vision and long-term goals', 'L'],
          ['Set objectives and key results (OKRs)', 'L'],
          ['Design the organisation structure', 'L'],
          ['Decide where to invest and what to stop', 'L'],
          ['Shape the team’s culture and values', 'L'],
          ['Lead a major change programme', 'L'],
        ],
      },
    ],
  },
];

/** The starter dictionary as entries in tree order: each function, then its processes, each followed by its activities. */
export function starterDictionary(): DictionaryEntry[] {
  const entries: DictionaryEntry[] = [];
  for (const fn of FUNCTIONS) {
    entries.push({
      key: fn.code,
      parentKey: null,
      kind: 'FUNCTION',
      label: fn.label,
      description: fn.description,
      valueLevel: null,
      levelSource: null,
    });
    fn.processes.forEach((process, p) => {
      const processKey = `${fn.code}-${String(p + 1).padStart(2, '0')}`;
      entries.push({
        key: processKey,
        parentKey: fn.code,
        kind: 'PROCESS',
        label: process.label,
        description: process.description,
        valueLevel: null,
        levelSource: null,
      });
      process.activities.forEach(([label, level, description], a) => {
        entries.push({
          key: `${processKey}-${String(a + 1).padStart(2, '0')}`,
          parentKey: processKey,
          kind: 'ACTIVITY',
          label,
          description: description ?? null,
          valueLevel: LEVELS[level],
          levelSource: 'CONFIRMED',
        });
      });
    });
  }
  return entries;
}
