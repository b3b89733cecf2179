import { Injectable } from '@nestjs/common';
import { DomainError } from '@rolemap/domain';
import { type Caller, DictionaryService } from '@rolemap/server-core';
import type { SurveyDictionary, SurveyDictionaryVersion } from './survey-dictionary';

/**
 * The surveys' view of the activity dictionary, through its service. The surveys have already
 * decided who may see a campaign's forms (an HR admin, or a participant by link or sign-in), so the
 * dictionary is read as a reader of that one organization.
 */
@Injectable()
export class DictionaryActivities implements SurveyDictionary {
  constructor(private readonly dictionary: DictionaryService) {}

  async version(organizationId: string, versionId: string | null): Promise<SurveyDictionaryVersion> {
    const reader = readerOf(organizationId);
    const version = versionId
      ? await this.dictionary.version(reader, versionId)
      : await this.dictionary.currentVersion(reader, organizationId);
    if (!version) {
      throw new DomainError(
        'BAD_USER_INPUT',
        'The organization has no activity dictionary yet: copy the starter dictionary or import one first.',
      );
    }
    if (version.organizationId !== organizationId)
      throw new DomainError('NOT_FOUND', `No dictionary version ${versionId} in this organization`);
    const activities = await this.dictionary.activities(reader, version.id);
    return {
      versionId: version.id,
      activities: activities.map((activity) => ({
        id: activity.id,
        label: activity.label,
        valueLevel: activity.valueLevel,
        functionName: activity.functionLabel,
      })),
    };
  }
}

function readerOf(organizationId: string): Caller {
  return {
    id: null,
    displayName: 'survey forms',
    organizationIds: [organizationId],
    memberships: [{ organizationId, role: 'VIEWER', personExternalId: null }],
    via: 'local',
  };
}
