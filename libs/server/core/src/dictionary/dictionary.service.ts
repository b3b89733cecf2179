import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ResponsibilityClassifier, createClassifier } from '@rolemap/analysis';
import {
  DICTIONARY_LIMITS,
  type DictionaryEntry,
  type DictionaryFileFormat,
  type DictionaryRow,
  activityText,
  buildDictionary,
  readDictionaryFile,
  starterDictionary,
  writeDictionaryFile,
} from '@rolemap/dictionary';
import { DomainError, type ImportIssue, VALUE_LEVELS, type ValueLevel, isValueLevel } from '@rolemap/domain';
import type { ImportInput } from '@rolemap/importers';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { type Caller, assertCanAccess, assertRole } from '../common/caller';
import { isUuid } from '../common/uuid';
import { OrganizationsService, lockOrganization } from '../organizations/organizations.service';
import { DictionaryEntryEntity } from './dictionary-entry.entity';
import { type DictionaryVersionSource, DictionaryVersionEntity } from './dictionary-version.entity';

/** An activity with the function and process it sits under, as surveys and pickers show it. */
export interface DictionaryActivity {
  /** The entry's id in its version (what a survey answer points at). */
  id: string;
  versionId: string;
  /** The id in files, the same across versions. */
  key: string;
  label: string;
  description: string | null;
  valueLevel: ValueLevel;
  levelSource: 'CONFIRMED' | 'SUGGESTED';
  processKey: string;
  processLabel: string;
  functionKey: string;
  functionLabel: string;
}

export interface ActivityQuery {
  /** Only activities under this function (its key). */
  functionKey?: string | null;
  /** Words that must all appear in the label, description, process or function (any case). */
  search?: string | null;
  first: number;
  offset: number;
}

export interface ActivityPage {
  totalCount: number;
  activities: DictionaryActivity[];
}

export const ACTIVITY_PAGE_MAX = 500;
export const SEARCH_MAX_LENGTH = 200;

/** One change of an edit; several changes publish one version. */
export type DictionaryChange =
  | {
      kind: 'UPDATE';
      key: string;
      label?: string;
      /** null clears it. */
      description?: string | null;
      /** Setting a level confirms it (also the same level as suggested). */
      valueLevel?: ValueLevel;
    }
  | {
      kind: 'ADD';
      /** The parent's key: a function for a process, a process for an activity; null adds a function. */
      parentKey: string | null;
      /** Chosen for it when absent (`ENG-02-08`: the next free number under the parent). */
      key?: string | null;
      label: string;
      description?: string | null;
      /** For activities: HR's level; absent, the classifier's suggestion (marked SUGGESTED). */
      valueLevel?: ValueLevel | null;
    }
  | { kind: 'REMOVE'; key: string };

export interface DictionaryImportOutcome {
  /** The version published; null on errors, a dry run, or when the file equals the current version. */
  version: DictionaryVersionEntity | null;
  /** The file is the same as the current version: nothing was published. */
  unchanged: boolean;
  dryRun: boolean;
  entryCount: number;
  activityCount: number;
  /** Activities whose level the classifier suggested (the file left it empty). */
  suggestedCount: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export interface LevelSuggestion {
  /** The likeliest level; null when the text cannot be judged (empty, not English, unknown words). */
  level: ValueLevel | null;
  confidence: number;
  /** Whether the classifier would commit to it unprompted (else HR should look closely). */
  confident: boolean;
}

export interface DictionaryExport {
  fileName: string;
  format: DictionaryFileFormat;
  data: Buffer;
}

/** Rows per INSERT: nine parameters a row stays far below PostgreSQL's 65,535. */
const INSERT_BATCH = 1_000;

/**
 * The activity dictionary of each organization: a tree of functions, processes and activities,
 * published in immutable versions. Members read any version; HR admins publish new ones by
 * editing, importing a file or copying the starter dictionary, each under the organization's
 * lock, checked whole and audited. Surveys keep a version by its id.
 */
@Injectable()
export class DictionaryService {
  /** One classifier for the process: it caches what it read per distinct text. */
  private classifier: ResponsibilityClassifier | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditLogService,
  ) {}

  /** The organization's current (highest) version, or null before it has a dictionary. */
  async currentVersion(caller: Caller, organizationId: string): Promise<DictionaryVersionEntity | null> {
    await this.organizations.get(caller, organizationId);
    return currentVersionOf(this.dataSource.manager, organizationId);
  }

  /** Every version, newest first. */
  async versions(caller: Caller, organizationId: string): Promise<DictionaryVersionEntity[]> {
    await this.organizations.get(caller, organizationId);
    return this.dataSource.getRepository(DictionaryVersionEntity).find({ where: { organizationId }, order: { version: 'DESC' } });
  }

  /** One version by id; NOT_FOUND when there is none, FORBIDDEN outside the caller's organizations. */
  async version(caller: Caller, versionId: string): Promise<DictionaryVersionEntity> {
    const version = isUuid(versionId)
      ? await this.dataSource.getRepository(DictionaryVersionEntity).findOneBy({ id: versionId })
      : null;
    if (!version) throw new DomainError('NOT_FOUND', `No dictionary version with id ${versionId}`);
    assertCanAccess(caller, version.organizationId);
    return version;
  }

  /** Every entry of a version in tree order (functions, processes and activities). */
  async entries(caller: Caller, versionId: string): Promise<DictionaryEntryEntity[]> {
    await this.version(caller, versionId);
    return entriesOf(this.dataSource.manager, versionId);
  }

  /** Every activity of a version, in tree order, with its function and process. */
  async activities(caller: Caller, versionId: string): Promise<DictionaryActivity[]> {
    return activitiesOf(await this.entries(caller, versionId));
  }

  /** A page of a version's activities, filtered by function and search words. */
  async activityPage(caller: Caller, versionId: string, query: ActivityQuery): Promise<ActivityPage> {
    checkPage(query.first, query.offset);
    const search = query.search?.trim() ?? '';
    if (search.length > SEARCH_MAX_LENGTH) {
      throw new DomainError('BAD_USER_INPUT', `search: at most ${SEARCH_MAX_LENGTH} characters (got ${search.length})`);
    }
    const words = search.toLocaleLowerCase('en').split(/\s+/).filter(Boolean);
    const matching = (await this.activities(caller, versionId)).filter((activity) => {
      if (query.functionKey && activity.functionKey !== query.functionKey) return false;
      if (words.length === 0) return true;
      const text = [activity.label, activity.description ?? '', activity.processLabel, activity.functionLabel, activity.key]
        .join(' ')
        .toLocaleLowerCase('en');
      return words.every((word) => text.includes(word));
    });
    return { totalCount: matching.length, activities: matching.slice(query.offset, query.offset + query.first) };
  }

  /** One activity by its id (in whichever version), or NOT_FOUND. */
  async activity(caller: Caller, activityId: string): Promise<DictionaryActivity> {
    const found = (await this.activitiesByIds(caller, [activityId])).get(activityId);
    if (!found) throw new DomainError('NOT_FOUND', `No dictionary activity with id ${activityId}`);
    return found;
  }

  /**
   * Activities by id, for answers that point at them; ids that name no activity (or one of an
   * organization the caller cannot see) are left out of the map.
   */
  async activitiesByIds(caller: Caller, activityIds: readonly string[]): Promise<Map<string, DictionaryActivity>> {
    const ids = [...new Set(activityIds.filter(isUuid))];
    const found = new Map<string, DictionaryActivity>();
    if (ids.length === 0) return found;
    const rows: (DictionaryActivity & { organizationId: string })[] = await this.dataSource.query(
      `SELECT a.id, a.version_id AS "versionId", a.key, a.label, a.description, a.value_level AS "valueLevel",
              a.level_source AS "levelSource", p.key AS "processKey", p.label AS "processLabel",
              f.key AS "functionKey", f.label AS "functionLabel", v.organization_id AS "organizationId"
         FROM dictionary_entry a
         JOIN dictionary_version v ON v.id = a.version_id
         JOIN dictionary_entry p ON p.version_id = a.version_id AND p.key = a.parent_key
         JOIN dictionary_entry f ON f.version_id = a.version_id AND f.key = p.parent_key
        WHERE a.id = ANY($1::uuid[]) AND a.kind = 'ACTIVITY'`,
      [ids],
    );
    for (const { organizationId, ...activity } of rows) {
      if (caller.organizationIds === 'ALL' || caller.organizationIds.includes(organizationId)) found.set(activity.id, activity);
    }
    return found;
  }

  /** The classifier's suggestion for an activity's wording (what the form pre-selects for HR). */
  suggestLevel(label: string, description?: string | null): LevelSuggestion {
    const classification = this.classify(activityText(label, description));
    return {
      level: classification.suggestedLevel,
      confidence: classification.confidence,
      confident: classification.level !== 'UNCLASSIFIED',
    };
  }

  /**
   * Publishes the starter dictionary as the organization's first version. An organization that
   * has a dictionary keeps it (`created` false) unless `replace` publishes the starter over it as
   * the next version.
   */
  async copyStarter(
    caller: Caller,
    organizationId: string,
    { replace = false }: { replace?: boolean } = {},
  ): Promise<{ version: DictionaryVersionEntity; created: boolean }> {
    await this.assertHr(caller, organizationId);
    return this.dataSource.transaction(async (manager) => {
      await lockOrganization(manager, organizationId);
      const current = await currentVersionOf(manager, organizationId);
      if (current && !replace) return { version: current, created: false };
      const entries = starterDictionary();
      const version = await this.publish(manager, caller, organizationId, current, entries, {
        source: 'STARTER',
        summary: current ? 'Replaced with the starter dictionary' : 'Copied the starter dictionary',
      });
      return { version, created: true };
    });
  }

  /**
   * Reads a CSV/XLSX dictionary, checks it whole and publishes it as the next version. Any error
   * (with its row) publishes nothing; so does a dry run, or a file equal to the current version.
   */
  async importFile(
    caller: Caller,
    organizationId: string,
    input: ImportInput,
    { dryRun = false }: { dryRun?: boolean } = {},
  ): Promise<DictionaryImportOutcome> {
    await this.assertHr(caller, organizationId);
    const file = await readDictionaryFile(input, { suggestLevel: (text) => this.classify(text).suggestedLevel });
    const counts = {
      entryCount: file.entries.length,
      activityCount: file.entries.filter((entry) => entry.kind === 'ACTIVITY').length,
      suggestedCount: file.entries.filter((entry) => entry.levelSource === 'SUGGESTED').length,
    };
    const outcome = { version: null, unchanged: false, dryRun, ...counts, errors: file.errors, warnings: file.warnings };
    if (file.errors.length > 0 || dryRun) return outcome;
    return this.dataSource.transaction(async (manager) => {
      await lockOrganization(manager, organizationId);
      const current = await currentVersionOf(manager, organizationId);
      if (current && sameEntries(await entriesOf(manager, current.id), file.entries)) {
        return { ...outcome, unchanged: true };
      }
      const version = await this.publish(manager, caller, organizationId, current, file.entries, {
        source: 'IMPORT',
        summary: `Imported ${input.fileName}`,
        details: { file: input.fileName, suggested: counts.suggestedCount },
      });
      return { ...outcome, version };
    });
  }

  /**
   * Applies changes to the current version and publishes the result as the next one. `baseVersionId`
   * is the version the editor saw: when another edit was published since, nothing changes (CONFLICT).
   */
  async edit(
    caller: Caller,
    organizationId: string,
    baseVersionId: string,
    changes: readonly DictionaryChange[],
  ): Promise<DictionaryVersionEntity> {
    await this.assertHr(caller, organizationId);
    if (changes.length === 0) throw new DomainError('BAD_USER_INPUT', 'changes: give at least one change');
    if (changes.length > DICTIONARY_LIMITS.entries) {
      throw new DomainError('BAD_USER_INPUT', `changes: at most ${DICTIONARY_LIMITS.entries.toLocaleString('en-US')} per edit`);
    }
    return this.dataSource.transaction(async (manager) => {
      await lockOrganization(manager, organizationId);
      const current = await currentVersionOf(manager, organizationId);
      if (!current) {
        throw new DomainError(
          'BAD_USER_INPUT',
          'This organization has no dictionary yet: copy the starter dictionary or import one first',
        );
      }
      if (current.id !== baseVersionId) {
        throw new DomainError(
          'CONFLICT',
          `The dictionary changed since you loaded it: version ${current.version} is current now. Reload it and make the change again.`,
        );
      }
      const before = (await entriesOf(manager, current.id)).map(plainEntry);
      const { entries, summary } = this.applyChanges(before, changes);
      return this.publish(manager, caller, organizationId, current, entries, {
        source: 'EDIT',
        summary,
        details: { changes: changes.map(describeChange) },
      });
    });
  }

  /** A version as a CSV or XLSX file (the columns `importFile` reads). */
  async exportFile(caller: Caller, versionId: string, format: DictionaryFileFormat): Promise<DictionaryExport> {
    const version = await this.version(caller, versionId);
    const organization = await this.organizations.get(caller, version.organizationId);
    const entries = (await entriesOf(this.dataSource.manager, versionId)).map(plainEntry);
    const slug =
      organization.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'organization';
    return {
      fileName: `${slug}-dictionary-v${version.version}.${format}`,
      format,
      data: await writeDictionaryFile(entries, format),
    };
  }

  private applyChanges(
    before: DictionaryEntry[],
    changes: readonly DictionaryChange[],
  ): { entries: DictionaryEntry[]; summary: string } {
    const entries = before.map((entry) => ({ ...entry }));
    const byKey = new Map(entries.map((entry) => [entry.key, entry]));
    const removed = new Set<string>();
    const described: string[] = [];
    for (const [index, change] of changes.entries()) {
      const where = changes.length > 1 ? `changes[${index}]` : 'change';
      if (change.kind === 'UPDATE') {
        const entry = byKey.get(change.key);
        if (!entry || removed.has(entry.key))
          throw new DomainError('NOT_FOUND', `${where}: no entry "${change.key}" in the dictionary`);
        const fields: string[] = [];
        if (change.label !== undefined) {
          entry.label = change.label.trim();
          fields.push('label');
        }
        if (change.description !== undefined) {
          entry.description = change.description?.trim() || null;
          fields.push('description');
        }
        if (change.valueLevel !== undefined) {
          if (entry.kind !== 'ACTIVITY') {
            throw new DomainError(
              'BAD_USER_INPUT',
              `${where}: "${entry.key}" is a ${entry.kind.toLowerCase()}; only activities have a level`,
            );
          }
          checkLevel(change.valueLevel, where);
          entry.valueLevel = change.valueLevel;
          entry.levelSource = 'CONFIRMED';
          fields.push('level');
        }
        if (fields.length === 0) throw new DomainError('BAD_USER_INPUT', `${where}: nothing to change for "${change.key}"`);
        described.push(`Changed the ${joinWords(fields)} of ${entry.key}`);
      } else if (change.kind === 'ADD') {
        const parent = change.parentKey === null ? null : byKey.get(change.parentKey);
        if (change.parentKey !== null && (!parent || removed.has(parent.key))) {
          throw new DomainError('NOT_FOUND', `${where}: no parent "${change.parentKey}" in the dictionary`);
        }
        if (parent?.kind === 'ACTIVITY') {
          throw new DomainError('BAD_USER_INPUT', `${where}: "${parent.key}" is an activity; activities have no children`);
        }
        const kind = parent === null ? 'FUNCTION' : parent!.kind === 'FUNCTION' ? 'PROCESS' : 'ACTIVITY';
        const key = change.key?.trim() || nextKey(parent?.key ?? null, byKey);
        if (byKey.has(key))
          throw new DomainError('BAD_USER_INPUT', `${where}: the id "${key}" is already used in the dictionary`);
        const label = change.label.trim();
        const description = change.description?.trim() || null;
        let valueLevel: ValueLevel | null = null;
        let levelSource: DictionaryEntry['levelSource'] = null;
        if (kind === 'ACTIVITY') {
          if (change.valueLevel) {
            checkLevel(change.valueLevel, where);
            valueLevel = change.valueLevel;
            levelSource = 'CONFIRMED';
          } else {
            valueLevel = this.classify(activityText(label, description)).suggestedLevel;
            levelSource = 'SUGGESTED';
            if (!valueLevel) {
              throw new DomainError(
                'BAD_USER_INPUT',
                `${where}: the classifier cannot suggest a level for "${label}"; give one of ${VALUE_LEVELS.join(', ')}`,
              );
            }
          }
        } else if (change.valueLevel) {
          throw new DomainError('BAD_USER_INPUT', `${where}: only activities have a level; a new ${kind.toLowerCase()} has none`);
        }
        const entry: DictionaryEntry = { key, parentKey: parent?.key ?? null, kind, label, description, valueLevel, levelSource };
        // After the parent's last descendant, so the new entry is listed last among its siblings.
        const at = parent ? lastDescendantIndex(entries, parent.key) + 1 : entries.length;
        entries.splice(at, 0, entry);
        byKey.set(key, entry);
        described.push(`Added ${kind.toLowerCase()} ${key} "${shorten(label)}"`);
      } else {
        const entry = byKey.get(change.key);
        if (!entry || removed.has(entry.key))
          throw new DomainError('NOT_FOUND', `${where}: no entry "${change.key}" in the dictionary`);
        const gone = new Set([entry.key]);
        for (const other of entries) if (other.parentKey !== null && gone.has(other.parentKey)) gone.add(other.key);
        for (const key of gone) removed.add(key);
        described.push(
          `Removed ${entry.kind.toLowerCase()} ${entry.key} "${shorten(entry.label)}"${gone.size > 1 ? ` with ${gone.size - 1} entries under it` : ''}`,
        );
      }
    }
    const rows: DictionaryRow[] = entries
      .filter((entry) => !removed.has(entry.key))
      .map((entry) => ({
        rowNumber: null,
        id: entry.key,
        parentId: entry.parentKey ?? '',
        label: entry.label,
        description: entry.description ?? '',
        level: entry.valueLevel ?? '',
      }));
    const built = buildDictionary(rows, { file: 'dictionary' });
    if (built.errors.length > 0) {
      throw new DomainError(
        'BAD_USER_INPUT',
        built.errors.map((issue) => `${issue.column ?? 'entry'}: ${issue.message}`).join(' '),
      );
    }
    // The check rebuilt the levels as given; keep which of them were suggested.
    const sourceOf = new Map(entries.map((entry) => [entry.key, entry.levelSource]));
    const result = built.entries.map((entry) => ({ ...entry, levelSource: entry.valueLevel ? sourceOf.get(entry.key)! : null }));
    const summary =
      described.length <= 3
        ? described.join('; ')
        : `${described.slice(0, 3).join('; ')} and ${described.length - 3} more changes`;
    return { entries: result, summary };
  }

  private async publish(
    manager: EntityManager,
    caller: Caller,
    organizationId: string,
    current: DictionaryVersionEntity | null,
    entries: readonly DictionaryEntry[],
    { source, summary, details = {} }: { source: DictionaryVersionSource; summary: string; details?: Record<string, unknown> },
  ): Promise<DictionaryVersionEntity> {
    const number = (current?.version ?? 0) + 1;
    const activityCount = entries.filter((entry) => entry.kind === 'ACTIVITY').length;
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO dictionary_version (organization_id, version, source, summary, entry_count, activity_count, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [organizationId, number, source, summary, entries.length, activityCount, caller.displayName],
    );
    for (let start = 0; start < entries.length; start += INSERT_BATCH) {
      const batch = entries.slice(start, start + INSERT_BATCH);
      const values: unknown[] = [];
      const tuples = batch.map((entry, offset) => {
        values.push(
          id,
          entry.key,
          entry.parentKey,
          entry.kind,
          entry.label,
          entry.description,
          entry.valueLevel,
          entry.levelSource,
          start + offset,
        );
        const base = offset * 9;
        return `(${Array.from({ length: 9 }, (_, column) => `$${base + column + 1}`).join(', ')})`;
      });
      await manager.query(
        `INSERT INTO dictionary_entry (version_id, key, parent_key, kind, label, description, value_level, level_source, position)
         VALUES ${tuples.join(', ')}`,
        values,
      );
    }
    await this.audit.record(
      caller,
      {
        action: 'dictionary-edit',
        organizationId,
        target: `dictionary v${number}`,
        details: { version: number, source, summary, entries: entries.length, activities: activityCount, ...details },
      },
      manager,
    );
    return manager.getRepository(DictionaryVersionEntity).findOneByOrFail({ id });
  }

  private async assertHr(caller: Caller, organizationId: string): Promise<void> {
    await this.organizations.get(caller, organizationId);
    assertRole(caller, organizationId, ['HR_ADMIN']);
  }

  private classify(text: string) {
    this.classifier ??= createClassifier();
    return this.classifier.classify(text);
  }
}

export async function currentVersionOf(manager: EntityManager, organizationId: string): Promise<DictionaryVersionEntity | null> {
  return manager.getRepository(DictionaryVersionEntity).findOne({ where: { organizationId }, order: { version: 'DESC' } });
}

async function entriesOf(manager: EntityManager, versionId: string): Promise<DictionaryEntryEntity[]> {
  return manager.getRepository(DictionaryEntryEntity).find({ where: { versionId }, order: { position: 'ASC' } });
}

/** Activities in tree order with their process and function (entries must be one whole version). */
export function activitiesOf(entries: readonly DictionaryEntryEntity[]): DictionaryActivity[] {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const activities: DictionaryActivity[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'ACTIVITY') continue;
    const process = byKey.get(entry.parentKey!)!;
    const fn = byKey.get(process.parentKey!)!;
    activities.push({
      id: entry.id,
      versionId: entry.versionId,
      key: entry.key,
      label: entry.label,
      description: entry.description,
      valueLevel: entry.valueLevel!,
      levelSource: entry.levelSource!,
      processKey: process.key,
      processLabel: process.label,
      functionKey: fn.key,
      functionLabel: fn.label,
    });
  }
  return activities;
}

function plainEntry(entry: DictionaryEntryEntity): DictionaryEntry {
  return {
    key: entry.key,
    parentKey: entry.parentKey,
    kind: entry.kind,
    label: entry.label,
    description: entry.description,
    valueLevel: entry.valueLevel,
    levelSource: entry.levelSource,
  };
}

function sameEntries(stored: readonly DictionaryEntryEntity[], entries: readonly DictionaryEntry[]): boolean {
  if (stored.length !== entries.length) return false;
  return stored.every((row, index) => {
    const entry = entries[index];
    return (
      row.key === entry.key &&
      row.parentKey === entry.parentKey &&
      row.label === entry.label &&
      row.description === entry.description &&
      row.valueLevel === entry.valueLevel
    );
  });
}

/** `ENG-02-08`: the parent's key and the next number not yet used under it (`F11` for a function). */
function nextKey(parentKey: string | null, byKey: ReadonlyMap<string, DictionaryEntry>): string {
  const prefix = parentKey === null ? 'F' : `${parentKey}-`;
  let count = 0;
  for (const entry of byKey.values()) if (entry.parentKey === parentKey) count++;
  for (let number = count + 1; ; number++) {
    const key = `${prefix}${String(number).padStart(parentKey === null ? 1 : 2, '0')}`;
    if (!byKey.has(key)) return key;
  }
}

function lastDescendantIndex(entries: readonly DictionaryEntry[], key: string): number {
  const below = new Set([key]);
  let last = entries.findIndex((entry) => entry.key === key);
  for (let index = last + 1; index < entries.length; index++) {
    const parent = entries[index].parentKey;
    if (parent === null || !below.has(parent)) continue;
    below.add(entries[index].key);
    last = index;
  }
  return last;
}

function checkLevel(level: unknown, where: string): void {
  if (!isValueLevel(level))
    throw new DomainError('BAD_USER_INPUT', `${where}.valueLevel: "${String(level)}" is not one of ${VALUE_LEVELS.join(', ')}`);
}

function checkPage(first: number, offset: number): void {
  if (!Number.isInteger(first) || first < 1 || first > ACTIVITY_PAGE_MAX) {
    throw new DomainError('BAD_USER_INPUT', `first must be a whole number from 1 to ${ACTIVITY_PAGE_MAX} (got ${first})`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new DomainError('BAD_USER_INPUT', `offset must be a whole number of at least 0 (got ${offset})`);
  }
}

function describeChange(change: DictionaryChange): Record<string, unknown> {
  if (change.kind === 'REMOVE') return { kind: change.kind, key: change.key };
  if (change.kind === 'ADD')
    return { kind: change.kind, parentKey: change.parentKey, key: change.key ?? null, label: change.label };
  return {
    kind: change.kind,
    key: change.key,
    fields: Object.keys(change).filter((field) => field !== 'kind' && field !== 'key'),
  };
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
