import type { IssueCollector } from '../issues/issue-collector';
import { IGNORE_TARGET, type ColumnMapping } from '../types';
import { editDistance, expandedHeaderKey, normalizeHeader } from './normalize-header';

export interface ColumnDetection<Target extends string> {
  columns: ColumnMapping<Target>[];
  unmappedHeaders: string[];
}

/**
 * Maps headers onto targets: the user's explicit mapping first, then known synonyms
 * (case- and punctuation-insensitive, best-ranked synonym wins), then fuzzy matches
 * (abbreviations such as "Mgr Emp No", or a typo or two in a long header) for targets
 * still missing. Each column feeds at most one target and each target one column.
 */
export function detectColumns<Target extends string>(
  headers: readonly string[],
  synonyms: Record<Target, readonly string[]>,
  explicitMap: Record<string, string> | undefined,
  issues: IssueCollector,
): ColumnDetection<Target> {
  const targets = Object.keys(synonyms) as Target[];
  const assigned = new Map<number, ColumnMapping<Target>>();
  const ignored = new Set<number>();
  const mappedTargets = new Set<Target>();

  for (const [key, rawTarget] of Object.entries(explicitMap ?? {})) {
    const index = findColumn(headers, key);
    const target = normalizeTarget(rawTarget);
    if (index === null) {
      issues.error(
        'BAD_MAPPING',
        { column: key, value: rawTarget },
        `The mapping "${key}=${rawTarget}" names a column the file does not have; its columns are ${listHeaders(headers)}.`,
      );
      continue;
    }
    if (target === IGNORE_TARGET) {
      ignored.add(index);
      continue;
    }
    if (!targets.includes(target as Target)) {
      issues.error(
        'BAD_MAPPING',
        { column: headers[index], value: rawTarget },
        `"${rawTarget}" is not a field that can be mapped; use one of ${targets.join(', ')} (or "${IGNORE_TARGET}").`,
      );
      continue;
    }
    if (mappedTargets.has(target as Target)) {
      issues.error(
        'BAD_MAPPING',
        { column: headers[index], value: rawTarget },
        `Two columns are mapped to ${target}; map only one.`,
      );
      continue;
    }
    if (assigned.has(index)) {
      issues.error('BAD_MAPPING', { column: headers[index], value: rawTarget }, `Column "${headers[index]}" is mapped twice.`);
      continue;
    }
    assigned.set(index, {
      target: target as Target,
      header: headers[index],
      columnIndex: index,
      method: 'explicit',
      note: 'mapped by hand',
    });
    mappedTargets.add(target as Target);
  }

  const free = (index: number) => !assigned.has(index) && !ignored.has(index);
  const normalized = headers.map(normalizeHeader);

  for (const target of targets) {
    if (mappedTargets.has(target)) continue;
    for (const synonym of synonyms[target]) {
      const key = normalizeHeader(synonym);
      const index = normalized.findIndex((header, column) => header === key && free(column));
      if (index === -1) continue;
      assigned.set(index, {
        target,
        header: headers[index],
        columnIndex: index,
        method: 'synonym',
        note: `"${headers[index]}" is a known header for ${target}`,
      });
      mappedTargets.add(target);
      break;
    }
  }

  const expanded = headers.map(expandedHeaderKey);
  for (const target of targets) {
    if (mappedTargets.has(target)) continue;
    let best: { index: number; synonym: string; distance: number } | null = null;
    for (const synonym of synonyms[target]) {
      const key = normalizeHeader(synonym);
      const limit = key.length >= 10 ? 2 : key.length >= 6 ? 1 : 0;
      for (let index = 0; index < headers.length; index++) {
        if (!free(index) || expanded[index].length < 2) continue;
        const distance = expanded[index] === key ? 0 : editDistance(expanded[index], key, limit);
        if (distance <= limit && (best === null || distance < best.distance)) best = { index, synonym, distance };
      }
    }
    if (best === null) continue;
    assigned.set(best.index, {
      target,
      header: headers[best.index],
      columnIndex: best.index,
      method: 'fuzzy',
      note: `"${headers[best.index]}" looks like "${best.synonym}"`,
    });
    mappedTargets.add(target);
  }

  const columns = [...assigned.values()].sort((a, b) => a.columnIndex - b.columnIndex);
  const unmappedHeaders = headers.filter((_, index) => !assigned.has(index));
  return { columns, unmappedHeaders };
}

/** Finds a column by header (exact, then case/punctuation-insensitive) or by 1-based position ("Column 3" or "3"). */
export function findColumn(headers: readonly string[], key: string): number | null {
  const exact = headers.indexOf(key);
  if (exact !== -1) return exact;
  const trimmed = key.trim().toLowerCase();
  const caseless = headers.findIndex((header) => header.trim().toLowerCase() === trimmed);
  if (caseless !== -1) return caseless;
  const position = /^(?:column\s*)?(\d+)$/i.exec(key.trim());
  if (position) {
    const index = Number(position[1]) - 1;
    return index >= 0 && index < headers.length ? index : null;
  }
  const normalizedKey = normalizeHeader(key);
  const loose = headers.findIndex((header) => normalizeHeader(header) === normalizedKey);
  return loose !== -1 && normalizedKey !== '' ? loose : null;
}

/** "Manager ID", "manager-id" and "managerId" all name the field manager_id. */
export function normalizeTarget(target: string): string {
  return target
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

function listHeaders(headers: readonly string[]): string {
  const shown = headers.slice(0, 40).map((header) => `"${header}"`);
  return shown.join(', ') + (headers.length > shown.length ? ` and ${headers.length - shown.length} more` : '');
}
