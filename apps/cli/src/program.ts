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
    .description('Add the demo organization (about 150 people over six layers). Running it again adds nothing.')
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
    .description('Show a background job (an import queued with --no-wait or by the server): state, progress, outcome.')
    .argument('<id>', 'the job id')
    .option('--wait', 'wait with a progress bar until it is done or failed')
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

  program
    .command('report')
    .description('Write a role-definition, delegation-review or organization-summary report (PDF, XLSX, CSV or Markdown).')
    .argument('<kind>', `report kind: ${REPORT_KINDS.join(' | ')}`)
    .option(...ORG_OPTION)
    .option('-s, --snapshot <version>', 'snapshot version (default: the latest by as-of date)')
    .option('-e, --employee <id>', 'role: that person’s position; delegation: the leader whose subtree to review')
    .option('-d, --department <name>', 'role: every position of the department')
    .option('-a, --all', 'role: every position of the organization')
    .option('-f, --format <format>', `${REPORT_FORMATS.join(' | ')} (default: from --out, else pdf)`)
    .option('--out <path>', 'file to write (default: <org>-v<N>-<kind>.<format> in the current folder)')
    .option('--no-progress', 'no progress bar')
    .addHelpText(
      'after',
      '\nExamples:\n  rolemap report role --all --format pdf --out roles.pdf\n  rolemap report delegation --employee E0004 --format xlsx --out vp-sales.xlsx\n  rolemap report summary --format md --out summary.md',
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
