import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ResponsibilityClassifier,
  type ReviewGroup,
  type ReviewQueue,
  UNREADABLE_KEY_PREFIX,
  buildReviewQueue,
  classifiedTextOf,
  createClassifier,
} from '@rolemap/analysis';
import { DomainError, VALUE_LEVELS, type ValueLevel, isValueLevel } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { AnalysisService, type SnapshotAnalysis } from '../analysis/analysis.service';
import type { Caller } from '../common/caller';
import { ClassificationOverridesService } from '../overrides/classification-overrides.service';
import { ConfirmedWordingEntity } from './confirmed-wording.entity';

/** At most this many wordings per confirmation (a bulk confirm of a long queue is paged by the client). */
export const MAX_CONFIRMATIONS = 1_000;

export interface ValueLevelConfirmation {
  /** A group's key from the queue. */
  key: string;
  /** The level to give every responsibility of the group; usually the group's suggestion. */
  level: ValueLevel;
}

export interface ConfirmationOutcome {
  /** Wordings confirmed. */
  confirmed: number;
  /** Per-person value-level overrides written (vacant posts have no one to key one on). */
  overrides: number;
  /** Responsibilities still in the snapshot's queue afterwards. */
  remaining: number;
}

/**
 * HR's review queue: the responsibilities of a snapshot the classifier could not place, or
 * placed with low confidence, grouped by wording. Confirming a wording writes per-person
 * value-level overrides (the append-only history, so they carry to later snapshots) and
 * remembers the wording for the organization, so later imports and analyses use it.
 */
@Injectable()
export class ReviewQueueService {
  /** One classifier for the process: it caches what it read per distinct text. */
  private classifier: ResponsibilityClassifier | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analysis: AnalysisService,
    private readonly overrides: ClassificationOverridesService,
  ) {}

  async queue(caller: Caller, snapshotId: string): Promise<ReviewQueue & { analysis: SnapshotAnalysis }> {
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    return { ...this.queueOf(analysis), analysis };
  }

  async confirm(
    caller: Caller,
    snapshotId: string,
    confirmations: readonly ValueLevelConfirmation[],
  ): Promise<ConfirmationOutcome> {
    checkConfirmations(confirmations);
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    const groups = new Map(this.queueOf(analysis).groups.map((group) => [group.key, group]));
    const chosen: { group: ReviewGroup; level: ValueLevel }[] = confirmations.map(({ key, level }) => {
      const group = groups.get(key);
      if (!group) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `confirmations.key: "${shorten(key)}" is not in this snapshot's review queue (already confirmed, or not a queue key)`,
        );
      }
      return { group, level };
    });

    const entries: { employeeId: string; responsibility: string; valueLevel: ValueLevel }[] = [];
    for (const { group, level } of chosen) {
      for (const id of group.responsibilityIds) {
        const responsibility = analysis.responsibilityById.get(id);
        const position = responsibility && analysis.index.position(responsibility.positionId);
        if (!responsibility || !position || position.vacant) continue;
        entries.push({ employeeId: position.externalId, responsibility: responsibility.title, valueLevel: level });
      }
    }
    const organizationId = analysis.snapshot.organizationId;
    await this.dataSource.transaction(async (manager) => {
      await this.overrides.setValueLevels(caller, organizationId, entries, manager);
      const wording = chosen
        .filter(({ group }) => !group.key.startsWith(UNREADABLE_KEY_PREFIX))
        .map(({ group, level }) => ({
          organizationId,
          textKey: group.key,
          text: classifiedTextOf(group.text, group.description),
          valueLevel: level,
          confirmedBy: caller.displayName,
          confirmedAt: () => 'clock_timestamp()',
        }));
      if (wording.length > 0) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(ConfirmedWordingEntity)
          .values(wording)
          .orUpdate(['text', 'value_level', 'confirmed_by', 'confirmed_at'], ['organization_id', 'text_key'])
          .execute();
      }
    });
    const after = await this.analysis.forSnapshot(caller, snapshotId);
    return { confirmed: chosen.length, overrides: entries.length, remaining: this.queueOf(after).responsibilityCount };
  }

  private queueOf(analysis: SnapshotAnalysis): ReviewQueue {
    this.classifier ??= createClassifier();
    return buildReviewQueue(analysis.index, { classifier: this.classifier });
  }
}

/** Raw text → level of an organization's confirmed wording, as `createClassifier({ confirmed })` takes it (the import classifies with it). */
export async function confirmedWordingOf(
  manager: { query: DataSource['query'] },
  organizationId: string,
): Promise<Map<string, ValueLevel>> {
  const rows: { text: string; value_level: ValueLevel }[] = await manager.query(
    'SELECT text, value_level FROM confirmed_wording WHERE organization_id = $1',
    [organizationId],
  );
  return new Map(rows.map((row) => [row.text, row.value_level]));
}

function checkConfirmations(confirmations: readonly ValueLevelConfirmation[]): void {
  if (confirmations.length === 0) throw new DomainError('BAD_USER_INPUT', 'confirmations: give at least one wording to confirm');
  if (confirmations.length > MAX_CONFIRMATIONS) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `confirmations: at most ${MAX_CONFIRMATIONS.toLocaleString('en-US')} per request (got ${confirmations.length.toLocaleString('en-US')})`,
    );
  }
  const seen = new Set<string>();
  for (const { key, level } of confirmations) {
    if (!isValueLevel(level)) {
      throw new DomainError('BAD_USER_INPUT', `confirmations.level: "${level}" is not one of ${VALUE_LEVELS.join(', ')}`);
    }
    if (seen.has(key)) throw new DomainError('BAD_USER_INPUT', `confirmations.key: "${shorten(key)}" is given twice`);
    seen.add(key);
  }
}

const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
