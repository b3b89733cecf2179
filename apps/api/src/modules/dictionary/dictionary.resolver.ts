import { ImportIssueType } from '../imports/dtos/import.types';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DICTIONARY_LIMITS } from '@rolemap/dictionary';
import { DomainError } from '@rolemap/domain';
import {
  ACTIVITY_PAGE_MAX,
  type Caller,
  type DictionaryChange,
  DictionaryService,
  type DictionaryVersionEntity,
  outlineOf,
} from '@rolemap/server-core';
import { CurrentCaller } from '../../common/graphql-context';
import { EVERY_ROLE, HR_ONLY, RequireRole } from '../auth/access-rule.decorator';
import type { UploadArg } from '../imports/imports.resolver';
import { formatLimit, formatMegabytes } from '../uploads/received-upload';
import { GraphQLUpload } from '../uploads/upload.scalar';
import {
  ActivityLevelSuggestionType,
  DictionaryActivityPageType,
  DictionaryEntryChangesInput,
  DictionaryImportResultType,
  DictionaryTreeType,
  DictionaryVersionPageType,
  DictionaryVersionType,
  NewDictionaryEntryInput,
} from './dtos/dictionary.types';

const VERSION_PAGE_MAX = 100;

/**
 * The activity dictionary: every member reads it (versions, the tree, paged and searchable
 * activities); HR admins publish new versions by editing, importing or copying the starter.
 */
@Resolver()
export class DictionaryResolver {
  constructor(private readonly dictionary: DictionaryService) {}

  @RequireRole(EVERY_ROLE, { organizationId: 'organization' })
  @Query(() => DictionaryTreeType, {
    nullable: true,
    description:
      'A version of the activity dictionary (the current one without versionId) with its functions and processes; null before the organization has one.',
  })
  async activityDictionary(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('versionId', { type: () => ID, nullable: true }) versionId?: string | null,
  ): Promise<DictionaryTreeType | null> {
    const version = await this.dictionary.versionIn(caller, organizationId, versionId ?? null);
    if (!version) return null;
    const entries = await this.dictionary.entries(caller, version.id);
    return { version: await this.versionType(caller, version), functions: outlineOf(entries) };
  }

  @RequireRole(EVERY_ROLE, { organizationId: 'organization' })
  @Query(() => DictionaryActivityPageType, {
    description: `A page of a dictionary version's activities, in tree order, by function or process and search words (all must appear in the label, description, process or function). At most ${ACTIVITY_PAGE_MAX} a page.`,
  })
  async dictionaryActivities(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('versionId', { type: () => ID }) versionId: string,
    @Args('functionKey', { type: () => String, nullable: true }) functionKey?: string | null,
    @Args('processKey', { type: () => String, nullable: true }) processKey?: string | null,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first = 50,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<DictionaryActivityPageType> {
    await this.dictionary.versionIn(caller, organizationId, versionId);
    const page = await this.dictionary.activityPage(caller, versionId, { functionKey, processKey, search, first, offset });
    return { totalCount: page.totalCount, nodes: page.activities };
  }

  @RequireRole(EVERY_ROLE, { organizationId: 'organization' })
  @Query(() => DictionaryVersionPageType, {
    description: `The organization's dictionary versions, newest first (at most ${VERSION_PAGE_MAX} a page).`,
  })
  async dictionaryVersions(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<DictionaryVersionPageType> {
    if (!Number.isInteger(first) || first < 1 || first > VERSION_PAGE_MAX) {
      throw new DomainError('BAD_USER_INPUT', `first must be a whole number from 1 to ${VERSION_PAGE_MAX} (got ${first})`);
    }
    if (!Number.isInteger(offset) || offset < 0)
      throw new DomainError('BAD_USER_INPUT', `offset must be at least 0 (got ${offset})`);
    const versions = await this.dictionary.versions(caller, organizationId);
    return {
      totalCount: versions.length,
      nodes: versions.slice(offset, offset + first).map((version) => ({ ...version, current: version.id === versions[0].id })),
    };
  }

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Query(() => ActivityLevelSuggestionType, { description: 'The classifier’s suggested value level for an activity’s wording.' })
  suggestActivityLevel(
    @Args('organizationId', { type: () => ID }) _organizationId: string,
    @Args('label') label: string,
    @Args('description', { type: () => String, nullable: true }) description?: string | null,
  ): ActivityLevelSuggestionType {
    if (label.length > DICTIONARY_LIMITS.labelLength || (description?.length ?? 0) > DICTIONARY_LIMITS.descriptionLength) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `label: at most ${DICTIONARY_LIMITS.labelLength} characters; description: at most ${DICTIONARY_LIMITS.descriptionLength}`,
      );
    }
    return this.dictionary.suggestLevel(label, description);
  }

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Mutation(() => DictionaryVersionType, {
    description:
      'Adds a function, process or activity; publishes the next version. With baseVersionId, refused (CONFLICT) when another version was published since.',
  })
  async addDictionaryEntry(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('entry', { type: () => NewDictionaryEntryInput }) entry: NewDictionaryEntryInput,
    @Args('baseVersionId', { type: () => ID, nullable: true }) baseVersionId?: string | null,
  ): Promise<DictionaryVersionType> {
    return this.edit(caller, organizationId, baseVersionId, {
      kind: 'ADD',
      parentKey: entry.parentKey ?? null,
      key: entry.key,
      label: entry.label,
      description: entry.description,
      valueLevel: entry.valueLevel,
    });
  }

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Mutation(() => DictionaryVersionType, {
    description: 'Changes an entry’s label, description or level (setting a level confirms it); publishes the next version.',
  })
  async updateDictionaryEntry(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('key') key: string,
    @Args('changes', { type: () => DictionaryEntryChangesInput }) changes: DictionaryEntryChangesInput,
    @Args('baseVersionId', { type: () => ID, nullable: true }) baseVersionId?: string | null,
  ): Promise<DictionaryVersionType> {
    return this.edit(caller, organizationId, baseVersionId, {
      kind: 'UPDATE',
      key,
      ...(changes.label != null ? { label: changes.label } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.valueLevel != null ? { valueLevel: changes.valueLevel } : {}),
    });
  }

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Mutation(() => DictionaryVersionType, { description: 'Removes an entry and everything under it; publishes the next version.' })
  async removeDictionaryEntry(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('key') key: string,
    @Args('baseVersionId', { type: () => ID, nullable: true }) baseVersionId?: string | null,
  ): Promise<DictionaryVersionType> {
    return this.edit(caller, organizationId, baseVersionId, { kind: 'REMOVE', key });
  }

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Mutation(() => DictionaryVersionType, {
    description:
      'Publishes the built-in starter dictionary as the first version; with replace, over an existing dictionary as the next version.',
  })
  async copyStarterDictionary(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('replace', { defaultValue: false }) replace: boolean,
  ): Promise<DictionaryVersionType> {
    const { version } = await this.dictionary.copyStarter(caller, organizationId, { replace });
    return this.versionType(caller, version);
  }

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Mutation(() => DictionaryImportResultType, {
    description:
      'Imports a CSV or XLSX dictionary (id, parent_id, label, description, level) as the next version. Any error (with its row) publishes nothing; so does dryRun.',
  })
  async importDictionary(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('file', { type: () => GraphQLUpload }) file: UploadArg,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
  ): Promise<DictionaryImportResultType> {
    if (file.tooLarge) {
      const size = formatMegabytes(file.byteSize);
      return {
        ok: false,
        dryRun,
        unchanged: false,
        version: null,
        entryCount: 0,
        activityCount: 0,
        suggestedCount: 0,
        warnings: [],
        errors: [
          {
            file: file.fileName,
            row: null,
            column: null,
            value: size,
            code: 'FILE_TOO_LARGE',
            message: `File too large: ${file.fileName} is ${size}, the limit is ${formatLimit(file.limitBytes)}.`,
            rows: [],
          },
        ],
      };
    }
    const outcome = await this.dictionary.importFile(
      caller,
      organizationId,
      { fileName: file.fileName, data: file.data ?? Buffer.alloc(0) },
      { dryRun },
    );
    return {
      ...outcome,
      errors: outcome.errors.map(ImportIssueType.from),
      warnings: outcome.warnings.map(ImportIssueType.from),
      ok: outcome.errors.length === 0,
      version: outcome.version ? await this.versionType(caller, outcome.version) : null,
    };
  }

  private async edit(
    caller: Caller,
    organizationId: string,
    baseVersionId: string | null | undefined,
    change: DictionaryChange,
  ): Promise<DictionaryVersionType> {
    const base = baseVersionId ?? (await this.dictionary.currentVersion(caller, organizationId))?.id ?? '';
    const version = await this.dictionary.edit(caller, organizationId, base, [change]);
    return { ...version, current: true };
  }

  private async versionType(caller: Caller, version: DictionaryVersionEntity): Promise<DictionaryVersionType> {
    const current = await this.dictionary.currentVersion(caller, version.organizationId);
    return { ...version, current: current?.id === version.id };
  }
}
