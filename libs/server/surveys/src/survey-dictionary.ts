import type { SurveyActivity } from '@rolemap/surveys';

/** The activities a campaign's forms offer: one dictionary version of the organization. */
export interface SurveyDictionaryVersion {
  versionId: string | null;
  activities: SurveyActivity[];
}

/**
 * Where the surveys read the activity dictionary from. `versionId` null asks for the
 * organization's current version (what a new campaign starts with).
 */
export interface SurveyDictionary {
  version(organizationId: string, versionId: string | null): Promise<SurveyDictionaryVersion>;
}

export const SURVEY_DICTIONARY = Symbol('SURVEY_DICTIONARY');
