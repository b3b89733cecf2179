import type { INestApplicationContext } from '@nestjs/common';
import {
  ACTION_STATUSES,
  ACTION_STEPS,
  ACTION_STEP_LABELS,
  type ActionStatus,
  type ActionStep,
  FINDING_KIND_LABELS,
} from '@rolemap/domain';
import {
  ActionsService,
  AnalysisService,
  FindingsService,
  LOCAL_OPERATOR,
  type ListedAction,
  OrganizationsService,
  SnapshotsService,
} from '@rolemap/server-core';
import { withServices } from '../cli-app';
import { CliError, EXIT } from '../cli-context';
import { parseVersionOption, resolveOrganization, resolveSnapshot } from '../organization-option';

interface ListOptions {
  org?: string;
  snapshot?: string;
  leader?: string;
  status: string[];
  overdue?: boolean;
  json?: boolean;
}

interface AddOptions {
  org?: string;
  snapshot?: string;
  step?: string;
  owner?: string;
  due?: string;
  delegateTo?: string;
  note?: string;
  json?: boolean;
}

interface SetOptions {
  org?: string;
  note?: string;
  json?: boolean;
}

/** Shortest prefix of an action id `actions set` accepts (ids are UUIDs, listed by their first 8 characters). */
const ID_PREFIX = 8;

/** `rolemap actions list`: what accepted findings led to, overdue first, for everyone or one leader's team. */
export async function listActions(options: ListOptions): Promise<void> {
  const version = parseVersionOption('--snapshot', options.snapshot);
  const statuses = options.status.map(parseStatus);
  await withServices([], async (app) => {
    const { organization, snapshot } = await load(app, options.org, version);
    const leaderPositionId = options.leader ? await positionOfEmployee(app, snapshot.id, options.leader) : null;
    const listed = await app
      .get(ActionsService)
      .list(LOCAL_OPERATOR, snapshot.id, { leaderPositionId, statuses, overdueOnly: options.overdue ?? false });
    if (options.json) {
      console.log(JSON.stringify({ organization: organization.name, snapshot: snapshot.version, actions: listed }));
      return;
    }
    const overdue = listed.filter((action) => action.overdue).length;
    console.log(
      `${organization.name}, snapshot v${snapshot.version}: ${plural(listed.length, 'action')}${overdue ? `, ${overdue} overdue` : ''}` +
        (options.leader ? ` in the team of ${options.leader}` : ''),
    );
    for (const action of listed) console.log(describe(action));
    if (listed.length === 0) console.log('Accept a finding with `rolemap actions add <finding key>` to plan one.');
  });
}

/** `rolemap actions add <finding key>`: accepts the finding and opens the action it plans. */
export async function addAction(key: string, options: AddOptions): Promise<void> {
  const version = parseVersionOption('--snapshot', options.snapshot);
  const step = options.step === undefined ? undefined : parseStep(options.step);
  await withServices([], async (app) => {
    const { organization, snapshot } = await load(app, options.org, version);
    const { reviewed } = await app
      .get(FindingsService)
      .review(LOCAL_OPERATOR, snapshot.id, key, 'ACCEPTED', options.note ?? null, {
        step,
        owner: options.owner,
        dueOn: options.due,
        delegateTo: options.delegateTo,
        // One note on the command line: why it was accepted is what the action is for.
        note: options.note,
      });
    const action = reviewed.action!;
    if (options.json) {
      console.log(JSON.stringify({ organization: organization.name, snapshot: snapshot.version, action }));
      return;
    }
    console.log(
      `Accepted ${key}; action ${action.id.slice(0, ID_PREFIX)} opened: ${stepText(action.step, action.delegateTo)}, ` +
        `owner ${action.owner}, due ${action.dueOn}.`,
    );
  });
}

/** `rolemap actions set <id> <status>`: moves an action on (by its id or the first 8 characters of it). */
export async function setAction(id: string, status: string, options: SetOptions): Promise<void> {
  const next = parseStatus(status);
  if (id.length < ID_PREFIX) {
    throw new CliError(
      `give at least the first ${ID_PREFIX} characters of the action id (as \`rolemap actions\` lists it)`,
      EXIT.invalidInput,
    );
  }
  await withServices([], async (app) => {
    const { snapshot } = await load(app, options.org, null);
    const all = await app.get(ActionsService).list(LOCAL_OPERATOR, snapshot.id);
    const matches = all.filter((action) => action.id.startsWith(id.toLowerCase()));
    if (matches.length === 0) throw new CliError(`no action with id ${id} (see \`rolemap actions\`)`, EXIT.invalidInput);
    if (matches.length > 1) throw new CliError(`${id} names ${matches.length} actions: give more of the id`, EXIT.invalidInput);
    const updated = await app.get(ActionsService).setStatus(LOCAL_OPERATOR, matches[0].id, next, options.note ?? null);
    if (options.json) {
      console.log(JSON.stringify({ action: updated }));
      return;
    }
    console.log(`Action ${updated.id.slice(0, ID_PREFIX)} (${updated.findingKey}) is now ${updated.status}.`);
  });
}

async function load(app: INestApplicationContext, org: string | undefined, version: number | null) {
  const organization = await resolveOrganization(app.get(OrganizationsService), org);
  const snapshot = await resolveSnapshot(app.get(SnapshotsService), organization, version);
  return { organization, snapshot };
}

async function positionOfEmployee(app: INestApplicationContext, snapshotId: string, employeeId: string): Promise<string> {
  const analysis = await app.get(AnalysisService).forSnapshot(LOCAL_OPERATOR, snapshotId);
  const node = analysis.index.nodeOfEmployee(employeeId);
  if (!node) throw new CliError(`--leader: nobody with employee id ${employeeId} in this snapshot`, EXIT.invalidInput);
  return node.position.id;
}

function describe(action: ListedAction): string {
  const who = action.subjectName ?? (action.subjectTitle ? `vacant ${action.subjectTitle}` : 'no longer in this snapshot');
  const late = action.overdue ? '  OVERDUE' : '';
  return [
    `  ${action.id.slice(0, ID_PREFIX)}  ${action.status.padEnd(11)} due ${action.dueOn}${late}`,
    `            ${FINDING_KIND_LABELS[action.findingKind]}: ${who} — ${stepText(action.step, action.delegateTo)}, owner ${action.owner}`,
    ...(action.note ? [`            note: ${action.note}`] : []),
  ].join('\n');
}

function stepText(step: ActionStep, delegateTo: string | null): string {
  return step === 'DELEGATE' && delegateTo ? `delegate to ${delegateTo}` : ACTION_STEP_LABELS[step].toLowerCase();
}

function parseStatus(value: string): ActionStatus {
  const status = value.trim().toUpperCase().replace(/[- ]/g, '_');
  if (!(ACTION_STATUSES as readonly string[]).includes(status)) {
    throw new CliError(`status must be one of ${ACTION_STATUSES.join(', ')} (got "${value}")`, EXIT.invalidInput);
  }
  return status as ActionStatus;
}

function parseStep(value: string): ActionStep {
  const step = value.trim().toUpperCase().replace(/[- ]/g, '_');
  if (!(ACTION_STEPS as readonly string[]).includes(step)) {
    throw new CliError(`--step must be one of ${ACTION_STEPS.join(', ')} (got "${value}")`, EXIT.invalidInput);
  }
  return step as ActionStep;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
