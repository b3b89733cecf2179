export { isCalendarDate, parsePeopleFile } from './people/parse-people-file';
export { parseResponsibilitiesFile } from './responsibilities/parse-responsibilities-file';
export { contentHash } from './hash/content-hash';
export {
  parseMapArgument,
  parseMapArguments,
  MapArgumentError,
  MAPPABLE_TARGETS,
  type MapArgument,
} from './map-argument/parse-map-argument';
export { formatIssue } from './issues/issue-collector';
export { PEOPLE_SYNONYMS, RESPONSIBILITY_SYNONYMS } from './detect/synonyms';
export * from './types';
