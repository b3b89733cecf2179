import { describeEdit } from '@rolemap/analysis';
import { FINDING_KINDS, TIERS } from '@rolemap/domain';
import {
  LOCAL_OPERATOR,
  OrganizationsService,
  type ScenarioEntity,
  ScenariosService,
  type ScoredScenario,
  SnapshotsService,
} from '@rolemap/server-core';
import { readFileSync } from 'node:fs';
import { withServices } from '../cli-app';
import { CliError, EXIT } from '../cli-context';
import { parseVersionOption, resolveOrganization, resolveSnapshot } from '../organization-option';

/** `rolemap scenario create <name>`: a new draft over a snapshot (default: the latest). */
export async function createScenario(name: string, options: { org?: string; snapshot?: string; notes?: string; json?: boolean }) {
  const version = parseVersionOption('--snapshot', options.snapshot);
  await withServices([], async (app) => {
    const organization = await resolveOrganization(app.get(OrganizationsService), options.org);
    const snapshot = await resolveSnapshot(app.get(SnapshotsService), organization, version);
    const scenario = await app.get(ScenariosService).create(LOCAL_OPERATOR, snapshot.id, { name, notes: options.notes });
    print(scenario, options.json);
  });
}

/**
 * `rolemap scenario add <id> (<edit.json> | --json-edit '{…}')`: appends edits (one object or a
 * list), each checked as the server checks it; none is kept when one fails.
 */
export async function addScenarioEdits(
  id: string,
  file: string | undefined,
  options: { edit?: string; expectedVersion?: string; json?: boolean },
) {
  const text = options.edit ?? (file ? readFileSync(file === '-' ? 0 : file, 'utf8') : null);
  if (!text)
    throw new CliError("Give the edits as a JSON file (or - for standard input) or with --edit '{…}'", EXIT.invalidInput);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliError(`The edits are not valid JSON: ${(error as Error).message}`, EXIT.invalidInput);
  }
  const edits = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[];
  const expectedVersion = options.expectedVersion === undefined ? null : Number(options.expectedVersion);
  await withServices([], async (app) => {
    print(await app.get(ScenariosService).addEdits(LOCAL_OPERATOR, id, edits, { expectedVersion }), options.json);
  });
}

/** `rolemap scenario show <id>`: its edits and its score against the base analysis. */
export async function showScenario(id: string, options: { json?: boolean }) {
  await withServices([], async (app) => {
    const scored = await app.get(ScenariosService).score(LOCAL_OPERATOR, id);
    if (options.json) {
      console.log(JSON.stringify(scoreJson(scored), null, 2));
      return;
    }
    print(scored.scenario, false);
    console.log('');
    printScores([scored]);
  });
}

/** `rolemap scenario compare <id> <id…>`: scenarios scored side by side. */
export async function compareScenarios(ids: string[], options: { json?: boolean }) {
  await withServices([], async (app) => {
    const service = app.get(ScenariosService);
    const first = await service.get(LOCAL_OPERATOR, ids[0]);
    const scored = await service.compare(LOCAL_OPERATOR, first.organizationId, ids);
    if (options.json) console.log(JSON.stringify(scored.map(scoreJson), null, 2));
    else printScores(scored);
  });
}

/** `rolemap scenario approve <id>` (or `--reject`): HR's decision on a proposed scenario; `--submit` proposes a draft first. */
export async function approveScenario(
  id: string,
  options: { note?: string; reject?: boolean; submit?: boolean; json?: boolean },
) {
  await withServices([], async (app) => {
    const service = app.get(ScenariosService);
    if (options.submit) await service.submit(LOCAL_OPERATOR, id);
    const decided = await service.decide(LOCAL_OPERATOR, id, options.reject ? 'REJECTED' : 'APPROVED', options.note ?? null);
    print(decided, options.json);
  });
}

function print(scenario: ScenarioEntity, json: boolean | undefined): void {
  if (json) {
    console.log(JSON.stringify(scenario, null, 2));
    return;
  }
  console.log(`${scenario.name} (${scenario.id}): ${scenario.status.toLowerCase()}, version ${scenario.version}`);
  scenario.edits.forEach((edit, i) => console.log(`  ${i + 1}. ${describeEdit(edit)}`));
  for (const dropped of scenario.droppedEdits)
    console.log(`  dropped by the rebase: ${dropped.number}. ${describeEdit(dropped.edit)}: ${dropped.message}`);
}

function scoreJson({ scenario, score }: ScoredScenario) {
  return {
    scenario: { id: scenario.id, name: scenario.name, status: scenario.status, version: scenario.version },
    delta: score.delta,
    problems: score.problems,
  };
}

function printScores(scored: ScoredScenario[]): void {
  const rows: [string, ...string[]][] = [];
  const figure = (value: number | null) => (value === null ? '–' : String(value));
  const pair = (get: (s: ScoredScenario) => { before: number | null; after: number | null }) =>
    scored.map((s) => `${figure(get(s).before)} → ${figure(get(s).after)}`);
  rows.push(['', ...scored.map((s) => s.scenario.name)]);
  rows.push(['findings', ...pair((s) => s.score.delta.findingCount)]);
  for (const kind of FINDING_KINDS) rows.push([`  ${kind}`, ...pair((s) => s.score.delta.findingsByKind[kind])]);
  rows.push(['leaders’ time below level %', ...pair((s) => s.score.delta.leaderTimeBelowLevelPct)]);
  for (const tier of TIERS) rows.push([`tactical gap ${tier} (points)`, ...pair((s) => s.score.delta.tacticalGapByTier[tier])]);
  rows.push(['mean span', ...pair((s) => s.score.delta.meanSpan)]);
  rows.push(['widest span', ...pair((s) => s.score.delta.maxSpan)]);
  rows.push(['layers', ...pair((s) => s.score.delta.layers)]);
  rows.push(['over capacity', ...pair((s) => s.score.delta.overCapacity)]);
  rows.push(['findings resolved', ...scored.map((s) => String(s.score.delta.resolved.length))]);
  rows.push(['findings introduced', ...scored.map((s) => String(s.score.delta.introduced.length))]);
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    );
}
