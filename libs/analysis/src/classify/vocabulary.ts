import type { ValueLevel } from '@rolemap/domain';

/**
 * The words and phrases that place a responsibility on a value level. Written the way HR
 * files phrase responsibilities; inflections are covered by stemming ("coordinate" also
 * matches "coordinating" and "coordination"), and a phrase matches in any word order within
 * a short window ("plan sprints" matches "sprint planning").
 *
 * A word sits on one level only. Where a word is ambiguous ("build", "develop", "design"),
 * the more specific phrase on another level outweighs it ("develop leaders", "org design").
 */
export const VOCABULARY: Readonly<Record<ValueLevel, { words: readonly string[]; phrases: readonly string[] }>> = {
  IMPLEMENTATION: {
    words: [
      'build', 'fix', 'code', 'program', 'develop', 'write', 'test', 'debug', 'implement', 'deploy', 'configure',
      'install', 'maintain', 'maintenance', 'repair', 'troubleshoot', 'refactor', 'migrate', 'ship', 'draft', 'design',
      'process', 'file', 'prepare', 'answer', 'respond', 'enter', 'input', 'calculate', 'compile', 'reconcile',
      'invoice', 'bookkeeping', 'payroll', 'audit', 'analyze', 'analysis', 'research', 'ticket', 'bug', 'feature',
      'spreadsheet', 'script', 'sql', 'clean', 'pack', 'pick', 'deliver', 'assemble', 'operate', 'load', 'stock',
      'inventory', 'cook', 'serve', 'support', 'document', 'monitor', 'patch', 'upgrade', 'backup', 'qa', 'edit',
      'proofread', 'translate', 'transcribe', 'label', 'interview', 'screen', 'prospect', 'sell', 'quote', 'model',
    ],
    phrases: [
      'prepare figures', 'answer tickets', 'support tickets', 'customer support', 'code review', 'write code',
      'fix bugs', 'data entry', 'on call', 'hands on', 'month end close', 'process invoices', 'process payroll',
      'run payroll', 'run tests', 'write tests', 'unit tests', 'write documentation', 'production support',
      'answer calls', 'expense reports', 'tax returns', 'file taxes', 'financial model',
    ],
  },
  UNIFICATION: {
    words: [
      'coordinate', 'schedule', 'integrate', 'allocate', 'assign', 'organize', 'prioritize', 'triage', 'delegate',
      'facilitate', 'orchestrate', 'dispatch', 'roster', 'standup', 'backlog', 'workflow', 'sprint', 'onboard',
      'handover', 'handoff', 'dependency', 'supervise', 'oversee', 'plan', 'roadmap', 'resourcing', 'capacity',
    ],
    phrases: [
      'run standups', 'stand up', 'plan sprints', 'assign work', 'allocate resources', 'resource planning',
      'capacity planning', 'project management', 'manage projects', 'program management', 'track progress',
      'release planning', 'shift schedule', 'team meetings', 'performance reviews', 'one on one', 'work allocation',
      'cross team dependencies', 'status meetings', 'weekly sync', 'manage team', 'people management',
      'manage people', 'process improvement', 'track budget',
    ],
  },
  COMMUNICATION: {
    words: [
      'present', 'negotiate', 'represent', 'communicate', 'advocate', 'liaise', 'liaison', 'pitch', 'announce',
      'brief', 'persuade', 'influence', 'evangelize', 'stakeholder', 'newsletter', 'townhall', 'keynote', 'press',
      'media', 'investor', 'relations', 'partnership', 'align', 'speak', 'spokesperson',
    ],
    phrases: [
      'report to the board', 'board meeting', 'board report', 'align stakeholders', 'stakeholder management',
      'stakeholder updates', 'executive updates', 'status reports', 'town hall', 'all hands', 'investor relations',
      'public speaking', 'represent the company', 'client meetings', 'customer meetings', 'business review',
      'steering committee', 'vendor negotiations', 'contract negotiation', 'press releases', 'media relations',
      'internal communications', 'business development', 'cross functional alignment',
    ],
  },
  LEADERSHIP: {
    words: [
      'strategy', 'strategic', 'vision', 'decide', 'decision', 'mentor', 'coach', 'succession', 'direction',
      'culture', 'mission', 'transformation', 'okr', 'goal', 'hire', 'talent', 'headcount', 'budget', 'governance',
      'restructure', 'reorganization',
    ],
    phrases: [
      'set strategy', 'define strategy', 'strategic planning', 'set direction', 'define direction',
      'hire and develop leaders', 'develop leaders', 'grow leaders', 'mentor managers', 'coach managers',
      'succession planning', 'talent review', 'set goals', 'set okrs', 'org design', 'organizational design',
      'build the team', 'build culture', 'make decisions', 'investment decisions', 'long term plan', 'company vision',
      'product vision', 'annual plan', 'operating model', 'set priorities', 'headcount planning', 'hiring plan',
      'leadership team', 'set budget',
    ],
  },
};
