import { type ReviewGroup, confirmedTextKey } from '@rolemap/analysis';
import { VALUE_LEVELS, type ValueLevel, parseValueLevel } from '@rolemap/domain';
import {
  LOCAL_OPERATOR,
  OrganizationsService,
  ReviewQueueService,
  SnapshotsService,
  type ValueLevelConfirmation,
} from '@rolemap/server-core';
import type { INestApplicationContext } from '@nestjs/common';
import { withServices } from '../cli-app';
import { CliError, EXIT } from '../cli-context';
import { parseVersionOption, resolveOrganization, resolveSnapshot } from '../organization-option';

interface QueueOptions {
  org?: string;
  snapshot?: string;
  json?: boolean;
}

interface ConfirmOptions extends QueueOptions {
  level?: string;
  all?: boolean;
}

/** `rolemap review-queue list`: what HR should look at, one wording per numbered line. */
export async function listReviewQueue(options: QueueOptions): Promise<void> {
  const version = parseVersionOption('--snapshot', options.snapshot);
  await withServices([], async (app) => {
    const { organization, snapshot, queue } = await loadQueue(app, options.org, version);
    if (options.json) {
      const { analysis: _analysis, groups, ...counts } = queue;
      console.log(
        JSON.stringify({
          organization: organization.name,
          snapshot: snapshot.version,
          ...counts,
          groups: groups.map(({ responsibilityIds: _ids, ...group }, index) => ({ number: index + 1, ...group })),
        }),
      );
      return;
    }
    console.log(
      `${organization.name}, snapshot v${snapshot.version}: ${plural(queue.responsibilityCount, 'responsibility', 'responsibilities')} ${queue.responsibilityCount === 1 ? 'needs' : 'need'} review ` +
        `(${queue.unclassifiedCount} unclassified, ${queue.lowConfidenceCount} low confidence), ${plural(queue.groups.length, 'wording')}`,
    );
    if (queue.groups.length === 0) return;
    console.log('');
    queue.groups.forEach((group, index) => console.log(describeGroup(group, index + 1)));
    console.log(
      '\nConfirm with `rolemap review-queue confirm <number…> [--level LEVEL]`, or `--all` to accept every suggestion.',
    );
  });
}

/** `rolemap review-queue confirm`: settles wordings by their number in the list (or the wording itself). */
export async function confirmReviewQueue(items: string[], options: ConfirmOptions): Promise<void> {
  const version = parseVersionOption('--snapshot', options.snapshot);
  const level = options.level === undefined ? null : parseLevelOption(options.level);
  if (items.length === 0 && !options.all) {
    throw new CliError(
      'name the wordings to confirm by their number in `rolemap review-queue list`, or give --all',
      EXIT.invalidInput,
    );
  }
  if (items.length > 0 && options.all) throw new CliError('give either wording numbers or --all, not both', EXIT.invalidInput);
  await withServices([], async (app) => {
    const { organization, snapshot, queue } = await loadQueue(app, options.org, version);
    const chosen = options.all ? queue.groups : items.map((item) => groupNamed(queue.groups, item));
    const confirmations: ValueLevelConfirmation[] = [];
    const skipped: ReviewGroup[] = [];
    for (const group of chosen) {
      const confirmedLevel = level ?? group.suggestedLevel;
      if (confirmedLevel) confirmations.push({ key: group.key, level: confirmedLevel });
      else if (options.all) skipped.push(group);
      else {
        throw new CliError(
          `"${shorten(group.text)}" has no suggested level (${group.reasonText}): give one with --level`,
          EXIT.invalidInput,
        );
      }
    }
    if (confirmations.length === 0) {
      throw new CliError(`${organization.name}, snapshot v${snapshot.version}: nothing to confirm`, EXIT.invalidInput);
    }
    const outcome = await app.get(ReviewQueueService).confirm(LOCAL_OPERATOR, snapshot.id, confirmations);
    if (options.json) {
      console.log(
        JSON.stringify({ organization: organization.name, snapshot: snapshot.version, ...outcome, skipped: skipped.length }),
      );
      return;
    }
    console.log(
      `Confirmed ${plural(outcome.confirmed, 'wording')} (${plural(outcome.overrides, 'value-level override')} written, kept across snapshots); ` +
        `${plural(outcome.remaining, 'responsibility', 'responsibilities')} still ${outcome.remaining === 1 ? 'needs' : 'need'} review.`,
    );
    if (skipped.length > 0) {
      console.log(`Skipped ${plural(skipped.length, 'wording')} without a suggestion; confirm them by number with --level.`);
    }
  });
}

async function loadQueue(app: INestApplicationContext, org: string | undefined, version: number | null) {
  const organization = await resolveOrganization(app.get(OrganizationsService), org);
  const snapshot = await resolveSnapshot(app.get(SnapshotsService), organization, version);
  const queue = await app.get(ReviewQueueService).queue(LOCAL_OPERATOR, snapshot.id);
  return { organization, snapshot, queue };
}

function groupNamed(groups: readonly ReviewGroup[], item: string): ReviewGroup {
  if (/^\d+$/.test(item)) {
    const group = groups[Number(item) - 1];
    if (!group) {
      throw new CliError(
        `there is no wording number ${item} in the review queue (it lists ${groups.length}; see \`rolemap review-queue list\`)`,
        EXIT.invalidInput,
      );
    }
    return group;
  }
  const key = confirmedTextKey(item);
  const group = groups.find((candidate) => candidate.key === key);
  if (!group) throw new CliError(`"${shorten(item)}" is not in the review queue`, EXIT.invalidInput);
  return group;
}

function parseLevelOption(value: string): ValueLevel {
  const level = parseValueLevel(value);
  if (!level) throw new CliError(`--level must be one of ${VALUE_LEVELS.join(', ')} (got "${value}")`, EXIT.invalidInput);
  return level;
}

function describeGroup(group: ReviewGroup, number: number): string {
  const pct = (value: number) => `${Math.round(value * 100)}%`;
  const suggestion = group.suggestedLevel
    ? `suggested ${group.suggestedLevel} ${pct(group.confidence)}${group.runnerUp ? `, runner-up ${group.runnerUp} ${pct(group.runnerUpConfidence)}` : ''}`
    : 'no suggestion';
  const holders = group.samplePositions
    .map((sample) =>
      sample.employeeId ? `${sample.name ?? sample.employeeId} (${sample.employeeId})` : `vacant ${sample.title}`,
    )
    .join(', ');
  const more = group.count > group.samplePositions.length ? `, and ${group.count - group.samplePositions.length} more` : '';
  return [
    `${String(number).padStart(4)}. ${shorten(group.text.replace(/\s+/g, ' '))}  ×${group.count}`,
    `      ${suggestion}; ${group.reasonText}`,
    ...(group.decidingWords.length ? [`      deciding words: ${group.decidingWords.join(', ')}`] : []),
    `      held by ${holders}${more}`,
  ].join('\n');
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
const shorten = (text: string) => (text.length > 90 ? `${text.slice(0, 89)}…` : text);
