import { Command } from 'commander';
import { REPORT_FORMATS, REPORT_KINDS } from '@rolemap/reports/catalog';

// Every command's arguments, options and help, and nothing else: `rolemap --help` and argument
// errors must answer at once, so each command's implementation (the server core, Nest and
// TypeORM, spreadsheet and PDF libraries) is loaded by its action, only when it runs.

const collect = (value: string, previous: string[]) => [...previous, value];
const ORG_OPTION = ['-o, --org <name>', 'organization (default: the only one)'] as const;
// Spelt out rather than imported: help must not load the domain library.
const VALUE_LEVELS_HELP = 'implementation | unification | communication | leadership';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('rolemap')
    .description(
      'Map organizational roles: import org charts, find leaders stuck in tactical work, export role definitions.\n' +
        'Uses DATABASE_URL when set, otherwise the embedded database in ROLEMAP_DATA_DIR (default ./.rolemap).',
    )
    .option('--tenant <name>', 'the tenant to act in, by name or id (default: ROLEMAP_TENANT, else the default tenant)')
    .hook('preAction', (command) => {
      const tenant = command.opts<{ tenant?: string }>().tenant;
      if (tenant) process.env.ROLEMAP_TENANT = tenant;
    })
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true })
    // Throw instead of exiting, so runCli returns the exit code and output is never cut short.
    .exitOverride();

  program
    .command('migrate')
    .description('Create or upgrade the database schema (embedded database, or DATABASE_URL).')
    .option('--revert', 'undo the latest applied migration instead (its down step; it may drop what that migration added)')
    .action(async (options) => (await import('./commands/migrate.command')).runMigrate(options));

  program
    .command('seed-demo')
    .description(
      'Add the demo organization (about 150 people over six layers) and its closed survey campaign. Running it again adds nothing.',
    )
    .option('--json', 'print the result as JSON')
    .action(async (options) => (await import('./commands/seed-demo.command')).runSeedDemo(options));

  program
    .command('import')
    .description('Import an org chart (CSV, XLSX or JSON) as a new snapshot. Nothing is written unless every row is valid.')
    .argument('<people>', 'people file: CSV (any delimiter, UTF-8 or Windows-1252), XLSX or JSON')
    .option('-r, --responsibilities <file>', 'responsibilities file: employee_id, responsibility, value_level, share, since')
    .option('-o, --org <name>', 'organization name (default: the people file name)')
    .option(
      '-m, --map <header=field>',
      'map a people-file column to a field, e.g. "Supervisor ID=manager_id" (repeatable)',
      collect,
      [],
    )
    .option('--responsibilities-map <header=field>', 'map a responsibilities-file column (repeatable)', collect, [])
    .option('--sheet <name>', 'XLSX sheet to read (default: the first)')
    .option('--headerless', 'the files have no header row (map columns by number: --map "3=manager_id")')
    .option('--allow-multiple-roots', 'accept a forest (several people without a manager)')
    .option('--job-shares', 'read one id on rows with different names (same title and manager) as a job share, not an error')
    .option('--as-of <date>', 'the date the chart describes, YYYY-MM-DD (default: today)')
    .option('--label <text>', 'a label for the snapshot, e.g. "Q3 reorg"')
    .option('--dry-run', 'validate and count, write nothing')
    .option('--allow-duplicate', 'create a snapshot even when the chart equals the one before it by as-of date')
    .option('--json', 'print one JSON object (success or errors) instead of text')
    .option('--no-progress', 'no progress bar')
    .option('--no-wait', 'queue the import as a background job, print its id and return (a running server imports it)')
    .addHelpText(
      'after',
      '\nExit codes: 0 imported (or dry run valid, or queued), 2 invalid input (errors listed with file, row, column and value), 3 database busy.',
    )
    .action(async (people, options) => (await import('./commands/import.command')).runImport(people, options));

  program
    .command('job')
    .description('Show a background job (an import or report queued with --no-wait or by the server): state, progress, outcome.')
    .argument('<id>', 'the job id')
    .option('--wait', 'wait with a progress bar until it is done or failed')
    .option('--out <path>', 'save the file the job made (a report) here once it is done')
    .option('--json', 'print one JSON object')
    .addHelpText(
      'after',
      '\nExit codes: 0 done (or still queued or running without --wait), 1 failed, 2 the import found errors.',
    )
    .action(async (id, options) => (await import('./commands/job.command')).runJob(id, options));

  program
    .command('analyze')
    .description('Find leaders stuck in tactical work, delegation gaps, pigeonholing risk, and spans & layers problems.')
    .option(...ORG_OPTION)
    .option('-s, --snapshot <version>', 'snapshot version (default: the latest by as-of date)')
    .option('-p, --policy <file.json>', 'analyse with this policy (merged over the organization’s); nothing is saved')
    .option('--json', 'print {"findings": […], "summary": {…}} as JSON')
    .action(async (options) => (await import('./commands/analyze.command')).runAnalyze(options));

  program
    .command('diff')
    .description('What changed between two snapshots: joiners, leavers, moves and promotions.')
    .option(...ORG_OPTION)
    .option('--from <version>', 'earlier snapshot version (default: the one before --to by as-of date)')
    .option('--to <version>', 'later snapshot version (default: the latest by as-of date)')
    .option('--json', 'print the diff as JSON')
    .action(async (options) => (await import('./commands/diff.command')).runDiff(options));

  program
    .command('classify')
    .description(
      'Classify responsibility statements, one per line (or a CSV column): level, confidence, runner-up and the deciding words. Needs no database.',
    )
    .argument('[file]', 'text file with one statement per line, or a CSV file with --column; "-" or nothing reads standard input')
    .option('-c, --column <name>', 'read the file as CSV and classify this column (header names, any case)')
    .option('--json', 'print {"statements": [{"line","text","level","suggestedLevel","confidence","runnerUp",…}]}')
    .addHelpText(
      'after',
      '\nStatements that are empty, over 2,000 characters, emoji-only or not English come back UNCLASSIFIED with a reason;\n' +
        'so does wording the classifier is not sure of (it then names its likeliest level and the runner-up).\n\n' +
        'Examples:\n  rolemap classify duties.txt\n  rolemap classify survey.csv --column Responsibility --json\n  echo "Write the board pack" | rolemap classify',
    )
    .action(async (file, options) => (await import('./commands/classify.command')).runClassify(file, options));

  const actions = program
    .command('actions')
    .description('Actions accepted findings led to (owner, due date, step, status); overdue ones first and marked.');
  actions
    .command('list', { isDefault: true })
    .description('List actions: everyone’s, or the team of one leader.')
    .option(...ORG_OPTION)
    .option('-s, --snapshot <version>', 'snapshot to place people in (default: the latest by as-of date)')
    .option('--leader <employee id>', 'only actions about this leader and the people below them')
    .option('--status <status>', 'OPEN, IN_PROGRESS, DONE or CANCELLED (repeatable; default: all)', collect, [])
    .option('--overdue', 'only open actions past their due date')
    .option('--json', 'print {"actions": […]} as JSON')
    .action(async (options) => (await import('./commands/actions.command')).listActions(options));
  actions
    .command('add')
    .description('Accept a finding and open the action it leads to; what is left out is suggested (the leader, a month on).')
    .argument('<finding key>', 'the finding’s key, as `rolemap analyze --json` prints it')
    .option(...ORG_OPTION)
    .option('-s, --snapshot <version>', 'snapshot the finding is in (default: the latest by as-of date)')
    .option('--step <step>', 'DELEGATE, STOP_DOING or HIRE')
    .option('--delegate-to <name>', 'whom the work goes to (DELEGATE)')
    .option('--owner <name>', 'who sees it through')
    .option('--due <date>', 'due date, YYYY-MM-DD')
    .option('--note <text>', 'why (kept with the decision and the action)')
    .option('--json', 'print the action as JSON')
    .action(async (key, options) => (await import('./commands/actions.command')).addAction(key, options));
  actions
    .command('set')
    .description('Move an action on: IN_PROGRESS, DONE or CANCELLED (or back to OPEN).')
    .argument('<id>', 'the action id, or its first 8 characters as `rolemap actions` lists it')
    .argument('<status>', 'OPEN, IN_PROGRESS, DONE or CANCELLED')
    .option(...ORG_OPTION)
    .option('--note <text>', 'what happened')
    .option('--json', 'print the action as JSON')
    .action(async (id, status, options) => (await import('./commands/actions.command')).setAction(id, status, options));

  const reviewQueue = program
    .command('review-queue')
    .description(
      'Responsibilities whose level needs review (UNCLASSIFIED or low confidence), grouped by wording; confirm levels for them.',
    );
  reviewQueue
    .command('list', { isDefault: true })
    .description('List the wordings awaiting review, numbered, with the suggested level, runner-up, deciding words and holders.')
    .option(...ORG_OPTION)
    .option('-s, --snapshot <version>', 'snapshot version (default: the latest by as-of date)')
    .option('--json', 'print {"responsibilityCount", "groups": [{"number","key","text","count","suggestedLevel",…}]}')
    .action(async (options) => (await import('./commands/review-queue.command')).listReviewQueue(options));
  reviewQueue
    .command('confirm')
    .description(
      'Confirm levels for wordings: an override for every holder (kept across snapshots), and the wording remembered for later imports.',
    )
    .argument('[items...]', 'wording numbers from `review-queue list` (or the wording itself, quoted)')
    .option(...ORG_OPTION)
    .option('-s, --snapshot <version>', 'snapshot version (default: the latest by as-of date)')
    .option('-l, --level <level>', `give them this level (${VALUE_LEVELS_HELP}) instead of each one's suggestion`)
    .option('--all', 'confirm every wording that has a suggestion, with its suggested level')
    .option('--json', 'print {"confirmed","overrides","remaining","skipped"}')
    .addHelpText(
      'after',
      '\nExamples:\n  rolemap review-queue confirm 1 3\n  rolemap review-queue confirm 2 --level communication\n  rolemap review-queue confirm --all',
    )
    .action(async (items, options) => (await import('./commands/review-queue.command')).confirmReviewQueue(items, options));

  const survey = program
    .command('survey')
    .description(
      'Time-allocation survey campaigns: create one on a snapshot, follow it, hand out links, close it into a snapshot.',
    );
  survey
    .command('create')
    .description('Create a campaign on a snapshot, with a form for every person asked.')
    .argument('<name>', 'the campaign\u2019s name')
    .option(...ORG_OPTION)
    .option('-s, --snapshot <version>', 'snapshot to survey (default: the latest by as-of date)')
    .option('--department <name>', 'ask one department')
    .option('--leader <employee id>', 'ask a leader and everyone below them')
    .option('--mode <mode>', 'who fills in: self | manager | both (default self)')
    .option('--opens <date>', 'when the window opens (default now)')
    .requiredOption('--closes <date>', 'when the window closes (a date means the end of that day, UTC)')
    .option('--min <percent>', 'lowest accepted total of the shares (default 95)')
    .option('--max <percent>', 'highest accepted total (default 105)')
    .option('--json', 'print the campaign as JSON')
    .action(async (name, options) => (await import('./commands/survey.command')).createSurvey(name, options));
  survey
    .command('status')
    .description('List the campaigns, or show one campaign\u2019s response rates (by department; small groups pooled).')
    .argument('[campaign]', 'campaign id or name')
    .option(...ORG_OPTION)
    .option('--json', 'print JSON')
    .action(async (campaign, options) => (await import('./commands/survey.command')).surveyStatus(campaign, options));
  survey
    .command('export')
    .description(
      'Issue personal links to everyone with a form to fill in, as CSV (each replaces the person\u2019s earlier link).',
    )
    .argument('<campaign>', 'campaign id or name')
    .option(...ORG_OPTION)
    .option('--out <file>', 'write the CSV here (mode 0600) instead of standard output')
    .option('--reminder', 'record it as a reminder (links always go to those who have not answered yet)')
    .action(async (campaign, options) => (await import('./commands/survey.command')).exportSurveyLinks(campaign, options));
  survey
    .command('close')
    .description(
      'Close the campaign into a new snapshot; people who did not answer keep their previous responsibilities, marked.',
    )
    .argument('<campaign>', 'campaign id or name')
    .option(...ORG_OPTION)
    .option('--drop', 'people who did not answer get no responsibilities instead')
    .option('--no-wait', 'queue the closing as a background job, print its id and return (a running server closes it)')
    .option('--json', 'print {"snapshotId","snapshotVersion","coverage"} (with --no-wait: {"jobId","state"})')
    .action(async (campaign, options) => (await import('./commands/survey.command')).closeSurvey(campaign, options));
  survey
    .command('template')
    .description(
      'Write a team\u2019s offline template (XLSX): a row per person and activity, pre-filled, with the campaign\u2019s dictionary.',
    )
    .argument('<campaign>', 'campaign id or name')
    .requiredOption('--team <employee id>', 'the manager whose reports the template lists')
    .requiredOption('--out <file.xlsx>', 'where to write it')
    .option(...ORG_OPTION)
    .action(async (campaign, options) => (await import('./commands/survey.command')).surveyTemplate(campaign, options));
  survey
    .command('upload')
    .description(
      'Take a filled-in team template: checked whole (errors with row and column, nothing taken); its answers become the manager\u2019s, submitted.',
    )
    .argument('<campaign>', 'campaign id or name')
    .argument('<file>', 'the filled-in template (.xlsx)')
    .option(...ORG_OPTION)
    .option('--dry-run', 'check only; take nothing')
    .option('--json', 'print the outcome (or {"errors":[…]}) as JSON')
    .action(async (campaign, file, options) =>
      (await import('./commands/survey.command')).uploadSurveyTemplate(campaign, file, options),
    );

  const policy = program
    .command('policy')
    .description('Show or change an organization’s value-level policy (expected mix per tier, thresholds).');
  policy
    .command('show')
    .description('Print the policy in force as JSON (a valid --policy file).')
    .option(...ORG_OPTION)
    .action(async (options) => (await import('./commands/policy.command')).showPolicy(options));
  policy
    .command('set')
    .description('Save a policy file as the organization’s new policy version (earlier versions are kept).')
    .argument('<file.json>', 'any subset of {"expectedMix": {"IC": {"IMPLEMENTATION": 70, …}}, "thresholds": {…}}')
    .option(...ORG_OPTION)
    .action(async (file, options) => (await import('./commands/policy.command')).setPolicy(file, options));

  const dictionary = program
    .command('dictionary')
    .description('The organization’s activity dictionary (function → process → activity, each with its value level).');
  dictionary
    .command('show')
    .description('Print the dictionary: functions, processes and activities with their ids and levels.')
    .option(...ORG_OPTION)
    .option('-v, --version <number>', 'dictionary version (default: the current one)')
    .option('-f, --function <id>', 'only the activities of this function, e.g. ENG')
    .option('-q, --search <words>', 'only activities whose label, description, process or function hold all these words')
    .option('--json', 'print {"version","versionId","activityCount","activities": [{"id","key","label","valueLevel",…}]}')
    .action(async (options) => (await import('./commands/dictionary.command')).showDictionary(options));
  dictionary
    .command('export')
    .description(
      'Write a dictionary version as CSV or XLSX (id, parent_id, label, description, level), ready to edit and import.',
    )
    .option(...ORG_OPTION)
    .option('-v, --version <number>', 'dictionary version (default: the current one)')
    .option('--format <format>', 'csv | xlsx (default: from --out, else csv)')
    .option('--out <path>', 'file to write (default: CSV to standard output)')
    .action(async (options) => (await import('./commands/dictionary.command')).exportDictionary(options));
  dictionary
    .command('import')
    .description('Publish a CSV or XLSX dictionary as the next version; any error (with its row) publishes nothing.')
    .argument('[file]', 'CSV or XLSX with the columns id, parent_id, label, description, level')
    .option(...ORG_OPTION)
    .option('--starter', 'publish the built-in starter dictionary instead (when the organization has none)')
    .option('--replace', 'with --starter: publish it even over an existing dictionary')
    .option('--dry-run', 'check the file and report, publish nothing')
    .option('--json', 'print {"version","versionId","activities","suggested",…} or {"errors": […]}')
    .addHelpText(
      'after',
      '\nAn empty level on an activity gets the classifier’s suggestion, marked for HR to confirm.\n' +
        'Examples:\n  rolemap dictionary import --starter\n  rolemap dictionary export --out dictionary.xlsx\n  rolemap dictionary import dictionary.xlsx --dry-run',
    )
    .action(async (file, options) => (await import('./commands/dictionary.command')).importDictionary(file, options));
  const grades = program
    .command('grades')
    .description('Show or set the tier each grade or job level gives (read before the title at import).');
  grades
    .description('Every grade of the latest snapshot and of HR’s table, with its tier and where that comes from.')
    .option('--json', 'print {"grades": […]} as JSON')
    .action(async (options) => (await import('./commands/grades.command')).showGrades(options));
  grades
    .command('set')
    .description('Set the tier of grades (used by the next imports); TIER "default" removes HR’s tier.')
    .argument('<grade=tier...>', 'e.g. SCS1=DIRECTOR "Band 7=MANAGER" G6=default')
    .option('--json', 'print {"grades": […]} as JSON')
    .action(async (assignments, options) => (await import('./commands/grades.command')).setGrades(assignments, options));

  program
    .command('report')
    .description(
      'Write a role-definition, delegation-review, organization-summary or delegation-plan report (PDF, XLSX, CSV or Markdown).',
    )
    .argument('<kind>', `report kind: ${REPORT_KINDS.join(' | ')}`)
    .option(...ORG_OPTION)
    .option('-s, --snapshot <version>', 'snapshot version (default: the latest by as-of date)')
    .option('-e, --employee <id>', 'role: that person’s position; delegation: the leader whose subtree to review')
    .option('-d, --department <name>', 'role: every position of the department')
    .option('-a, --all', 'role: every position of the organization')
    .option('--scenario <id or name>', 'plan: the scenario or delegation plan (its own snapshot is reported)')
    .option('-f, --format <format>', `${REPORT_FORMATS.join(' | ')} (default: from --out, else pdf)`)
    .option('--out <path>', 'file to write (default: <org>-v<N>-<kind>.<format> in the current folder)')
    .option('--no-progress', 'no progress bar')
    .option('--no-wait', 'queue the report as a background job, print its id and return (a running server builds it)')
    .addHelpText(
      'after',
      '\nExamples:\n  rolemap report role --all --format pdf --out roles.pdf\n  rolemap report delegation --employee E0004 --format xlsx --out vp-sales.xlsx\n  rolemap report summary --format md --out summary.md\n  rolemap report plan --scenario "Delegation plan, v1" --format pdf --out plan.pdf',
    )
    .action(async (kind, options) => (await import('./commands/report.command')).runReport(kind, options));

  program
    .command('audit')
    .description('Show the audit log: imports, policy edits, overrides, reviews, exports, erasures (who, when, from where).')
    .option(...ORG_OPTION)
    .option('--action <action>', 'only this action, e.g. import, policy-edit, export (repeatable)', collect, [])
    .option('--since <date>', 'entries at or after this date or time (e.g. 2026-12-01)')
    .option('--until <date>', 'entries at or before this date or time')
    .option('-n, --limit <count>', 'how many of the newest entries to show (1-500)', '50')
    .option('--json', 'print {"totalCount", "entries": […]} as JSON')
    .option('--csv', 'print every matching entry as CSV, oldest first (recorded as an export)')
    .action(async (options) => (await import('./commands/audit.command')).runAudit(options));

  const scenario = program
    .command('scenario')
    .description('What-if scenarios and delegation plans: edits over a snapshot, scored on the analysis.');
  scenario
    .command('create')
    .description('Create a draft scenario over a snapshot (default: the latest by as-of date).')
    .argument('<name>')
    .option(...ORG_OPTION)
    .option('-s, --snapshot <version>', 'snapshot version')
    .option('--notes <text>')
    .option('--json', 'print the scenario as JSON')
    .action(async (name, options) => (await import('./commands/scenario.command')).createScenario(name, options));
  scenario
    .command('add')
    .description('Append edits (a JSON object or list) to a draft; each is checked, none is kept when one fails.')
    .argument('<id>', 'scenario id')
    .argument('[file]', 'JSON file of edits, or - for standard input')
    .option('--edit <json>', 'the edits inline')
    .option('--expected-version <n>', 'refuse if the scenario changed since this version')
    .option('--json', 'print the scenario as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  rolemap scenario add <id> --edit \'{"kind":"MOVE_RESPONSIBILITY","from":"E110","responsibility":"Code reviews","to":"E111","sharePct":10}\'',
    )
    .action(async (id, file, options) => (await import('./commands/scenario.command')).addScenarioEdits(id, file, options));
  scenario
    .command('show')
    .description('A scenario’s edits and its score against the base analysis (findings, time below level, spans, layers).')
    .argument('<id>')
    .option('--json', 'print the score as JSON')
    .action(async (id, options) => (await import('./commands/scenario.command')).showScenario(id, options));
  scenario
    .command('compare')
    .description('Up to 5 scenarios scored side by side.')
    .argument('<ids...>')
    .option('--json')
    .action(async (ids, options) => (await import('./commands/scenario.command')).compareScenarios(ids, options));
  scenario
    .command('approve')
    .description('Approve a proposed scenario (HR); --reject rejects it, --submit proposes a draft first.')
    .argument('<id>')
    .option('--note <text>')
    .option('--reject')
    .option('--submit')
    .option('--json')
    .action(async (id, options) => (await import('./commands/scenario.command')).approveScenario(id, options));

  const person = program.command('person').description('Privacy rights: export or erase everything held about one person.');
  person
    .command('export')
    .description('Print everything held about a person across all snapshots as JSON (recorded in the audit log).')
    .argument('<employee-id>', 'the person’s employee id')
    .option(...ORG_OPTION)
    .option('--out <file>', 'write the JSON to this file (readable by you only) instead of stdout')
    .action(async (id, options) => (await import('./commands/person.command')).exportPerson(id, options));
  person
    .command('erase')
    .description('Erase a person from every snapshot, review and override; leaves an audit entry. Cannot be undone.')
    .argument('<employee-id>', 'the person’s employee id')
    .option(...ORG_OPTION)
    .option('--yes', 'confirm the erasure')
    .option('--json', 'print what was removed as JSON')
    .action(async (id, options) => (await import('./commands/person.command')).erasePerson(id, options));
  program
    .command('export-org')
    .description(
      'Write a whole organization (snapshots with their files, policies, overrides, reviews, audit log, members) to one archive, for a backup or a move.',
    )
    .option(...ORG_OPTION)
    .option('--out <file>', 'the archive to write (readable by you only), e.g. northwind.rolemap-org.gz')
    .option('--json', 'print what was written as JSON')
    .action(async (options) => (await import('./commands/org-transfer.command')).runExportOrg(options));
  program
    .command('import-org')
    .description('Restore an organization from an export-org archive into this database (same ids; all or nothing).')
    .argument('<file>', 'an archive written by rolemap export-org')
    .option('--name <name>', 'import it under another name')
    .option('--json', 'print what was imported as JSON')
    .action(async (file, options) => (await import('./commands/org-transfer.command')).runImportOrg(file, options));
  const accounts = program.command('accounts').description('Accounts on this machine’s database (as its owner).');
  accounts
    .command('link')
    .description('Print a one-time sign-in link for an account (valid for an hour), e.g. the owner’s lost first link.')
    .argument('<email>', 'the account’s e-mail, e.g. owner@localhost')
    .option('--url <base>', 'the server’s address as users reach it (default: http://localhost:$PORT)')
    .action(async (email, options) => (await import('./commands/accounts.command')).runAccountsLink(email, options));
  accounts
    .command('add')
    .description('Add an account with a generated password (printed once), optionally with a role in one organization.')
    .argument('<email>', 'e-mail address to sign in with')
    .requiredOption('-n, --name <name>', 'display name')
    .option('-o, --org <name>', 'organization to give the role in')
    .option('-r, --role <role>', 'HR_ADMIN | LEADER | EMPLOYEE | VIEWER')
    .option('-p, --person <employeeId>', 'their HRIS employee id in the chart (needed for LEADER and EMPLOYEE)')
    .action(async (email, options) => (await import('./commands/accounts.command')).runAccountsAdd(email, options));

  const tenants = program
    .command('tenants')
    .description('Tenants of this database: customers whose organizations and accounts are kept apart (row-level security).');
  tenants
    .command('list', { isDefault: true })
    .description('List the tenants with their numbers of organizations and accounts.')
    .option('--json', 'print [{"id","name","createdAt","organizationCount","accountCount"}]')
    .action(async (options) => (await import('./commands/tenants.command')).listTenants(options));
  tenants
    .command('add')
    .description('Add a tenant; with --owner, its first owner account and a one-time sign-in link (valid a day).')
    .argument('<name>', 'the tenant’s name, unique in the database')
    .option('--owner <email>', 'e-mail of the tenant’s first owner (HR admin of every organization in it)')
    .option('--url <base>', 'the server’s address as users reach it (default: http://localhost:$PORT)')
    .option('--json', 'print {"id","name","owner","signInLink"}')
    .action(async (name, options) => (await import('./commands/tenants.command')).addTenant(name, options));

  program
    .command('login')
    .description('Sign in to a remote rolemap server and keep a personal API token for it (~/.config/rolemap, mode 0600).')
    .requiredOption('--server <url>', 'the server, e.g. https://rolemap.example.com')
    .requiredOption('--email <email>', 'your account’s e-mail')
    .option('--password-stdin', 'read the password from standard input (else ROLEMAP_PASSWORD)')
    .option('--days <n>', 'how long the token is valid, 1-366 days (default 90)')
    .action(async (options) => (await import('./commands/login.command')).runLogin(options));

  program
    .command('whoami')
    .description('Who the CLI acts as: the local operator (owner) here, or your account on --server.')
    .option('--server <url>', 'a server you signed in to with `rolemap login`')
    .option('--json', 'print JSON')
    .action(async (options) => (await import('./commands/login.command')).runWhoami(options));

  return program;
}
