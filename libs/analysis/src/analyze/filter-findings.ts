import type { Finding, FindingKind } from '@rolemap/domain';

export interface FindingFilter {
  kinds?: readonly FindingKind[];
  /** Keeps findings at or above this severity. */
  minSeverity?: number;
  /** Department name, compared ignoring case and surrounding spaces. Null keeps findings without one. */
  department?: string | null;
  positionIds?: Iterable<string>;
}

/**
 * Findings matching every given criterion; an omitted criterion matches everything.
 * Department filtering needs findings as `analyzeSnapshot` returns them (with `department`).
 */
export function filterFindings<F extends Finding & { department?: string | null }>(
  findings: readonly F[],
  filter: FindingFilter,
): F[] {
  const kinds = filter.kinds ? new Set(filter.kinds) : null;
  const positions = filter.positionIds ? new Set(filter.positionIds) : null;
  const department = filter.department === undefined ? undefined : normalizeDepartment(filter.department);
  return findings.filter(
    (finding) =>
      (kinds === null || kinds.has(finding.kind)) &&
      (filter.minSeverity === undefined || finding.severity >= filter.minSeverity) &&
      (positions === null || positions.has(finding.positionId)) &&
      (department === undefined || normalizeDepartment(finding.department ?? null) === department),
  );
}

function normalizeDepartment(department: string | null): string | null {
  if (department === null) return null;
  const normalized = department.trim().toLowerCase();
  return normalized === '' ? null : normalized;
}
