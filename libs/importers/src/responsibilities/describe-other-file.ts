import { detectColumns } from '../detect/detect-columns';
import { PEOPLE_SYNONYMS } from '../detect/synonyms';
import { IssueCollector } from '../issues/issue-collector';
import type { HintStyle } from '../issues/fix-hints';
import type { ColumnMapping, PeopleMappingTarget } from '../types';

/**
 * For a file given as responsibilities that has neither a responsibility nor a share column:
 * what it looks like instead, read from its headers, and where it belongs. Null when it
 * looks like nothing in particular (the missing columns are then reported one by one).
 */
export function describeOtherFile(headers: readonly string[], hints: HintStyle): string | null {
  const { columns } = detectColumns(headers, PEOPLE_SYNONYMS, undefined, new IssueCollector(''));
  const found = new Map<PeopleMappingTarget, ColumnMapping<PeopleMappingTarget>>(
    columns.map((column) => [column.target, column]),
  );
  const named = (targets: PeopleMappingTarget[], label: string) => {
    const column = targets.map((target) => found.get(target)).find((candidate) => candidate !== undefined);
    return column ? `"${column.header}" (${label})` : null;
  };
  const manager = named(['manager_id', 'manager_email', 'manager_name'], 'manager');
  const id = named(['employee_id'], 'employee id');
  const person = named(['name', 'first_name', 'last_name'], 'name') ?? named(['title'], 'job title');
  const count = named(['fte'], 'number of posts');

  if (id && (manager || person)) {
    const where =
      hints === 'web'
        ? 'choose it as the People file instead'
        : 'give it as the people file (the first argument) instead of --responsibilities';
    return `This file looks like a people file, not responsibilities: it has ${[id, manager, person].filter(Boolean).join(', ')} and no responsibility or share-of-time column; ${where}.`;
  }
  if (manager && count) {
    return `This file looks like headcounts of posts under each manager (${[manager, person, count].filter(Boolean).join(', ')}), such as an organogram's junior-staff file, not responsibilities: it names no one and no responsibility. rolemap imports one row per person (the People file) and their responsibilities; leave this file out.`;
  }
  return null;
}
