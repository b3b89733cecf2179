import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type HistoryAnalysis, type SnapshotDiff, analyseWithHistory, diffSnapshots } from '@rolemap/analysis';
import { DomainError, type ValueLevelPolicy } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { type Caller, assertCanAccess } from '../common/caller';
import { ClassificationOverridesService } from '../overrides/classification-overrides.service';
import { PolicyService } from '../policy/policy.service';
import type { OrgSnapshotEntity } from '../snapshots/org-snapshot.entity';
import { snapshotBefore } from '../snapshots/snapshot-order';
import { SnapshotsService } from '../snapshots/snapshots.service';
import { loadSnapshotData } from './snapshot-loader';

/** One analysed snapshot (see `analyseWithHistory`), with the snapshot row and the policy it ran under. */
export interface SnapshotAnalysis extends HistoryAnalysis {
  snapshot: OrgSnapshotEntity;
  policy: ValueLevelPolicy;
}

export type NamedSnapshotDiff = Omit<SnapshotDiff, 'moves'> & {
  moves: (SnapshotDiff['moves'][number] & { fromManagerName: string | null; toManagerName: string | null })[];
};

// Snapshots never change, so an analysis stays valid until the policy or an override changes;
// the stamp below captures both. A few entries cover the snapshots people are looking at; the
// position budget keeps a handful of 100k-person analyses from exhausting the heap.
const CACHE_MAX_ENTRIES = 6;
const CACHE_MAX_POSITIONS = 300_000;

interface CacheEntry {
  stamp: string;
  positions: number;
  analysis: Promise<SnapshotAnalysis>;
}

@Injectable()
export class AnalysisService {
  /** By snapshot id, least recently used first. */
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshots: SnapshotsService,
    private readonly policies: PolicyService,
    private readonly overrides: ClassificationOverridesService,
  ) {}

  async forSnapshot(caller: Caller, snapshotId: string): Promise<SnapshotAnalysis> {
    const snapshot = await this.snapshots.get(caller, snapshotId);
    return this.analysisOf(caller, snapshot);
  }

  /**
   * The analysis of a snapshot under the organization's policy (cached), or under `policy`
   * when given (a what-if run: not cached, nothing saved).
   */
  async analysisOf(caller: Caller, snapshot: OrgSnapshotEntity, policy?: ValueLevelPolicy): Promise<SnapshotAnalysis> {
    assertCanAccess(caller, snapshot.organizationId);
    if (policy) return this.analyse(caller, snapshot, await this.previousSnapshot(snapshot), policy);
    // The previous chart is looked up once: for the stamp and, on a miss, for the analysis.
    const previous = await this.previousSnapshot(snapshot);
    const stamp = await this.stamp(snapshot, previous);
    const cached = this.cache.get(snapshot.id);
    this.cache.delete(snapshot.id);
    if (cached && cached.stamp === stamp) {
      this.cache.set(snapshot.id, cached);
      return cached.analysis;
    }
    const entry: CacheEntry = { stamp, positions: snapshot.positionCount, analysis: this.analyse(caller, snapshot, previous) };
    this.cache.set(snapshot.id, entry);
    entry.analysis.catch(() => {
      if (this.cache.get(snapshot.id) === entry) this.cache.delete(snapshot.id);
    });
    this.evict();
    return entry.analysis;
  }

  private evict(): void {
    let positions = 0;
    for (const entry of this.cache.values()) positions += entry.positions;
    // The newest entry always stays, however large.
    while (this.cache.size > 1 && (this.cache.size > CACHE_MAX_ENTRIES || positions > CACHE_MAX_POSITIONS)) {
      const [oldestId, oldest] = this.cache.entries().next().value as [string, CacheEntry];
      this.cache.delete(oldestId);
      positions -= oldest.positions;
    }
  }

  /** What changed between two snapshots; moves also name the managers, as people read them. */
  async diff(caller: Caller, fromSnapshotId: string, toSnapshotId: string): Promise<NamedSnapshotDiff> {
    const [from, to] = await Promise.all([this.forSnapshot(caller, fromSnapshotId), this.forSnapshot(caller, toSnapshotId)]);
    if (from.snapshot.organizationId !== to.snapshot.organizationId) {
      throw new DomainError('BAD_USER_INPUT', 'Both snapshots must belong to the same organization');
    }
    const diff = diffSnapshots(from.index, to.index);
    const nameIn = (analysis: SnapshotAnalysis, employeeId: string | null) => {
      if (employeeId === null) return null;
      const node = analysis.index.nodeOfEmployee(employeeId);
      return node?.person?.name ?? (node ? `Vacant ${node.position.title}` : null);
    };
    return {
      ...diff,
      moves: diff.moves.map((move) => ({
        ...move,
        fromManagerName: nameIn(from, move.fromManager),
        toManagerName: nameIn(to, move.toManager),
      })),
    };
  }

  private async analyse(
    caller: Caller,
    snapshot: OrgSnapshotEntity,
    previous: OrgSnapshotEntity | null,
    policyOverride?: ValueLevelPolicy,
  ): Promise<SnapshotAnalysis> {
    const [policy, overrides, data, previousData] = await Promise.all([
      policyOverride ?? this.policies.policy(caller, snapshot.organizationId),
      this.overrides.inForce(snapshot.organizationId),
      loadSnapshotData(this.dataSource, snapshot),
      // The previous chart only feeds the diff (who moved, who was promoted): its 300k-odd
      // responsibilities at 100k people, and most of its people's details, would be read for nothing.
      previous ? loadSnapshotData(this.dataSource, previous, { forDiff: true }) : null,
    ]);
    // Assigned, not spread: a spread would read (and so build) the analysis's lazy lookups.
    return Object.assign(analyseWithHistory(data, previousData, policy, overrides), { snapshot, policy });
  }

  /** The chart before this one by as-of date: promotions are inferred from what changed since. */
  private previousSnapshot(snapshot: OrgSnapshotEntity): Promise<OrgSnapshotEntity | null> {
    return snapshotBefore(this.dataSource.manager, snapshot);
  }

  /**
   * Changes whenever the organization's policy, one of its overrides, its grade table, a person's erasure, or the
   * snapshot's previous chart changes (an older chart imported later can land right before it).
   */
  private async stamp(snapshot: OrgSnapshotEntity, previous: OrgSnapshotEntity | null): Promise<string> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT COALESCE(MAX(version), 0) FROM organization_policy WHERE organization_id = $1) AS policy,
              (SELECT COUNT(*) FROM classification_override WHERE organization_id = $1) AS overrides,
              (SELECT COUNT(*) || '@' || COALESCE(MAX(confirmed_at)::text, '') FROM confirmed_wording
               WHERE organization_id = $1) AS wording,
              (SELECT COUNT(*) FROM audit_log WHERE organization_id = $1 AND action = 'erasure') AS erasures,
              (SELECT COUNT(*) || '@' || COALESCE(MAX(set_at)::text, '') FROM grade_tier
               WHERE organization_id = $1) AS grades`,
      [snapshot.organizationId],
    );
    // Policies and overrides are appended, so a version number and a count change with every
    // edit; a confirmed wording row is replaced, so its newest time stamps it; an erasure (which
    // deletes overrides and people) is counted in the audit log; a grade row is replaced or
    // deleted, so its count and newest time stamp HR's grade table.
    return `${row.policy}|${row.overrides}|${row.wording}|${row.erasures}|${row.grades}|${previous?.id ?? '-'}`;
  }
}
