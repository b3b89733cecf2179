/**
 * Text clean-up before tagging: the shorthand of activity surveys and job ads spelt out, and
 * the few multi-word terms whose words mean something else apart ("on call" is not "call on";
 * "hands-on" is not "hands") fused into one word. British spellings are left to the tagger,
 * whose normal form is American ("organisation" → "organization", "programme" → "program").
 */

/** Statements longer than this are not job-description lines (pasted documents, logs). */
export const MAX_STATEMENT_LENGTH = 2000;

export type UnreadableReason = 'EMPTY' | 'TOO_LONG' | 'NO_WORDS' | 'NOT_ENGLISH';

/** Multi-word terms read as one word; the fused spelling is what the model learns. */
const FUSED_TERMS: readonly [RegExp, string][] = [
  [/\b(?:1\s?[:\-–]\s?1|1-2-1|121|one[\s-](?:to|on)[\s-]one)(?:'?s)?\b/g, ' oneonone '],
  [/\bon[\s-]call\b/g, ' oncall '],
  [/\bhands[\s-]on\b/g, ' handson '],
  [/\bday[\s-]to[\s-]day\b/g, ' daytoday '],
  [/\bstand[\s-]?ups?\b/g, ' standup '],
  [/\ball[\s-]hands\b/g, ' allhands '],
  [/\btown[\s-]?halls?\b/g, ' townhall '],
  [/\bfollow[\s-]ups?\b/g, ' followup '],
  [/\bpost[\s-]mortems?\b/g, ' postmortem '],
  [/\bmonth[\s-]end\b/g, ' monthend '],
  [/\bquarter[\s-]end\b/g, ' quarterend '],
  [/\byear[\s-]end\b/g, ' yearend '],
  [/\bgo[\s-]to[\s-]market\b|\bgtm\b/g, ' gotomarket '],
  [/\bfront[\s-]of[\s-]house\b|\bfoh\b/g, ' frontofhouse '],
  [/\bset[\s-]up\b/g, ' setup '],
  [/\bhand[\s-]offs?\b/g, ' handoff '],
  [/\bhand[\s-]overs?\b/g, ' handover '],
  [/\bco[\s-]ordinat/g, 'coordinat'],
  // The tagger does not know "onboard" as a verb, so its forms would stay apart.
  [/\bon[\s-]?board(?:ing|ed|s)?\b/g, 'onboard'],
  [/\bre[\s-]organi[sz]/g, 'reorganiz'],
  [/\be[\s-]mails?\b/g, ' email '],
  // A "team lead" is a person; "qualified leads" are sales prospects.
  [
    /\b(team|tech|technical|shift|site|squad|project|design|engineering|product|clinical|ward|store|sales|section|cs|support)[\s-]leads?\b/g,
    ' $1 leader ',
  ],
  // "my reports" are people; "write reports" are documents.
  [/\b(?:direct|my|our|his|her|their)\s+reports\b/g, ' directreports '],
  [/(?:\bwith|\bw\/)\s+reports\b/g, ' with directreports '],
];

/** Survey shorthand and common abbreviations, spelt out as a job description would. */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['qbr', 'quarterly business review'],
  ['qbrs', 'quarterly business reviews'],
  ['okr', 'objectives and key results'],
  ['okrs', 'objectives and key results'],
  ['sla', 'service level agreement'],
  ['slas', 'service level agreements'],
  ['kpi', 'key performance indicator'],
  ['kpis', 'key performance indicators'],
  ['rfp', 'request for proposal'],
  ['rfps', 'requests for proposal'],
  ['rfq', 'request for quotation'],
  ['rfqs', 'requests for quotation'],
  ['itt', 'invitation to tender'],
  ['mgmt', 'management'],
  ['mgt', 'management'],
  ['mtg', 'meeting'],
  ['mtgs', 'meetings'],
  ['mgr', 'manager'],
  ['mgrs', 'managers'],
  ['dept', 'department'],
  ['depts', 'departments'],
  ['eng', 'engineering'],
  ['ops', 'operations'],
  ['exec', 'executive'],
  ['execs', 'executives'],
  ['acct', 'account'],
  ['accts', 'accounts'],
  ['cust', 'customer'],
  ['custs', 'customers'],
  ['fcst', 'forecast'],
  ['mktg', 'marketing'],
  ['cttee', 'committee'],
  ['steerco', 'steering committee'],
  ['comms', 'communications'],
  ['reqs', 'requirements'],
  ['docs', 'documents'],
  ['prep', 'preparation'],
  ['wk', 'week'],
  ['wks', 'weeks'],
  ['ppl', 'people'],
  ['govt', 'government'],
  ['csm', 'customer success manager'],
  ['csms', 'customer success managers'],
  ['sdr', 'sales development representative'],
  ['sdrs', 'sales development representatives'],
  ['md', 'managing director'],
  ['gm', 'general manager'],
  ['hod', 'head of department'],
  ['slt', 'senior leadership team'],
  ['elt', 'executive leadership team'],
  ['bau', 'business as usual'],
  ['eod', 'end of day'],
  ['capex', 'capital expenditure'],
  ['opex', 'operating expenditure'],
  ['m&a', 'mergers and acquisitions'],
  ['p&l', 'profit and loss'],
  ['pnl', 'profit and loss'],
  ['rams', 'risk assessments and method statements'],
  ['prd', 'product requirements document'],
  ['prds', 'product requirements documents'],
  ['subbie', 'subcontractor'],
  ['subbies', 'subcontractors'],
  ['approx', 'approximately'],
  ['incl', 'including'],
  ['info', 'information'],
  ['admin', 'administration'],
  ['re', 'about'],
]);

const ABBREVIATION_PATTERN = new RegExp(
  `(^|[^a-z0-9&])(${[...ABBREVIATIONS.keys()].map((key) => key.replace('&', '\\&')).join('|')})(?=$|[^a-z0-9&])`,
  'g',
);

/** Letters of scripts other than Latin: a statement mostly in them is not English. */
const LATIN_LETTER = /\p{Script=Latin}/gu;
const LETTER = /\p{L}/gu;

/**
 * Why a statement cannot be read at all, or null when it can. Non-English wording in the
 * Latin script is caught later, by how few of its words the model knows.
 */
export function unreadableReason(text: string): UnreadableReason | null {
  if (text.trim() === '') return 'EMPTY';
  if (text.length > MAX_STATEMENT_LENGTH) return 'TOO_LONG';
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return 'NO_WORDS';
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  if ((letters - latin) / letters > 0.5) return 'NOT_ENGLISH';
  return null;
}

/**
 * Lower-cased, shorthand spelt out, fused terms joined, bullets and list numbers dropped.
 * The same function prepares the corpus for training and a statement for classification,
 * and gives the key under which HR's confirmed wording is remembered.
 */
export function normaliseStatement(text: string): string {
  let result = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, ' - ')
    .replace(/^[\s\-*•·–>]+|^\s*\d+[.)]\s+/g, '');
  for (const [pattern, replacement] of FUSED_TERMS) result = result.replace(pattern, replacement);
  result = result.replace(ABBREVIATION_PATTERN, (_match, before: string, word: string) => `${before}${ABBREVIATIONS.get(word)}`);
  return result
    .replace(/\bw\/o\b/g, ' without ')
    .replace(/\bw\//g, ' with ')
    .replace(/\s[&+]\s|(?<=[a-z])\s?\+\s?(?=[a-z])/g, ' and ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key of HR's confirmed wording: the normalised text without punctuation. */
export function confirmedTextKey(text: string): string {
  return normaliseStatement(text)
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
}
