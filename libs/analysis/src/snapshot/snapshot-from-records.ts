import { randomUUID } from 'node:crypto';
import type {
  Assignment,
  IsoDate,
  PeopleRecord,
  Person,
  Position,
  Responsibility,
  ResponsibilityLevel,
  ResponsibilityRecord,
  SnapshotData,
  Tier,
  ValueLevel,
} from '@rolemap/domain';
import { type ResponsibilityClassifier, createClassifier } from '../classify/classify-responsibility';
import { MAX_STATEMENT_LENGTH } from '../classify/nlp/normalise-statement';
import { type GradeTiers, inferTiers } from '../tiers/infer-tiers';
import { responsibilityKey } from './responsibility-key';

export interface SnapshotFromRecordsOptions {
  organizationId: string;
  snapshotId: string;
  asOf: IsoDate;
  /** Defaults to crypto.randomUUID (see `randomId`); tests pass a counter for readable ids. */
  newId?: () => string;
  /** Tier set by HR, keyed by employee id (the position's externalId). */
  tierOverrides?: ReadonlyMap<string, Tier>;
  /** The organization's grade → tier table (keyed by gradeKey); known schemes fill the rest. */
  gradeTiers?: GradeTiers;
  /** Value level set by HR, keyed by responsibilityKey(employeeId, title). */
  levelOverrides?: ReadonlyMap<string, ValueLevel>;
  /**
   * Classifies responsibilities whose level is neither overridden nor given; pass one built with
   * the organization's confirmed wording (`createClassifier({ confirmed })`). Defaults to the
   * plain model.
   */
  classifier?: ResponsibilityClassifier;
}

/** The records contradict each other; the importer should have reported it as an ImportIssue. */
export class SnapshotBuildError extends Error {
  constructor(
    message: string,
    readonly rowNumber: number,
  ) {
    super(message);
    this.name = 'SnapshotBuildError';
  }
}

/** A snapshot whose responsibilities are built one at a time as they are read. */
export interface StreamedSnapshot extends Omit<SnapshotData, 'responsibilities'> {
  responsibilityCount: number;
  /**
   * Builds the responsibilities in record order, each when it is reached: a writer can stream
   * hundreds of thousands of them to the database without holding them all. Call it once; each
   * call makes new ids.
   */
  responsibilities(): Generator<Responsibility>;
}

/**
 * Turns validated import records into a snapshot: one position per people record (its
 * externalId is the employee id, so it can be followed across snapshots), a person and an
 * assignment for every filled post, tiers inferred from titles and structure, and each
 * responsibility's value level taken from HR's override, the file, or the classifier, in
 * that order; the classifier may leave it UNCLASSIFIED (needs review). Linear in the number of
 * records; classification is cached per distinct text.
 */
export function snapshotFromRecords(
  people: readonly PeopleRecord[],
  responsibilities: readonly ResponsibilityRecord[],
  options: SnapshotFromRecordsOptions,
): SnapshotData {
  const streamed = streamedSnapshotFromRecords(people, responsibilities, options);
  const built: Responsibility[] = new Array(streamed.responsibilityCount);
  let index = 0;
  for (const responsibility of streamed.responsibilities()) built[index++] = responsibility;
  const { organizationId, snapshotId, asOf, people: persons, positions, assignments } = streamed;
  return { organizationId, snapshotId, asOf, people: persons, positions, assignments, responsibilities: built };
}

/**
 * `snapshotFromRecords` for writers: the same positions, people and assignments, and the same
 * responsibilities (ids drawn in the same order), built only as the writer reads them.
 */
export function streamedSnapshotFromRecords(
  people: readonly PeopleRecord[],
  responsibilities: readonly ResponsibilityRecord[],
  options: SnapshotFromRecordsOptions,
): StreamedSnapshot {
  const { responsibilitiesOf, ...chart } = snapshotChartFromRecords(people, options);
  return {
    ...chart,
    responsibilityCount: responsibilities.length,
    responsibilities: () => responsibilitiesOf(responsibilities),
  };
}

/** The chart of a snapshot (positions, people, assignments), and how its responsibilities are built. */
export interface SnapshotChart extends Omit<SnapshotData, 'responsibilities'> {
  /**
   * Builds the responsibilities in record order, each when it is reached (ids drawn after the
   * chart's, as `streamedSnapshotFromRecords` draws them). Call it once.
   */
  responsibilitiesOf(records: readonly ResponsibilityRecord[]): Generator<Responsibility>;
}

/**
 * `streamedSnapshotFromRecords` without the responsibilities yet: a writer can store the chart
 * while the responsibilities file is still being read.
 */
export function snapshotChartFromRecords(people: readonly PeopleRecord[], options: SnapshotFromRecordsOptions): SnapshotChart {
  const newId = options.newId ?? randomId;
  const positionIdByEmployee = new Map<string, string>();
  for (const record of people) {
    if (positionIdByEmployee.has(record.employeeId)) {
      throw new SnapshotBuildError(`Employee id ${record.employeeId} appears twice (row ${record.rowNumber})`, record.rowNumber);
    }
    positionIdByEmployee.set(record.employeeId, newId());
  }

  const positions: Position[] = [];
  const persons: Person[] = [];
  const assignments: Assignment[] = [];
  for (const record of people) {
    const positionId = positionIdByEmployee.get(record.employeeId) as string;
    const dottedLineManagerIds = dottedLinePositionIds(record, positionIdByEmployee);
    positions.push({
      id: positionId,
      externalId: record.employeeId,
      title: record.title.trim(),
      department: record.department,
      location: record.location,
      tier: 'IC',
      tierSource: 'TITLE',
      grade: record.grade ?? null,
      fte: record.fte ?? 1,
      reportsToId: managerPositionId(record, positionIdByEmployee),
      ...(dottedLineManagerIds ? { dottedLineManagerIds } : {}),
      vacant: record.vacant,
    });
    if (record.vacant) continue;
    const personId = newId();
    persons.push({
      id: personId,
      employeeId: record.employeeId,
      name: record.name,
      email: record.email,
      hireDate: record.hireDate,
    });
    assignments.push({
      personId,
      positionId,
      roleStartDate: record.roleStartDate,
      previousTitle: record.previousTitle,
      lastPromotionDate: record.lastPromotionDate,
      performanceRating: record.performanceRating,
    });
  }

  const tiers = inferTiers(positions, options.tierOverrides, options.gradeTiers);
  for (const position of positions) {
    const inferred = tiers.get(position.id);
    if (!inferred) continue;
    position.tier = inferred.tier;
    position.tierSource = inferred.source;
  }

  return {
    organizationId: options.organizationId,
    snapshotId: options.snapshotId,
    asOf: options.asOf,
    people: persons,
    positions,
    assignments,
    responsibilitiesOf: (records) =>
      buildResponsibilities(
        records,
        positionIdByEmployee,
        newId,
        options.levelOverrides,
        options.classifier ?? createClassifier(),
      ),
  };
}

/**
 * crypto.randomUUID, flattened. Node builds each UUID by concatenating twenty hex pairs, which
 * V8 keeps as a tree of ~12 string pieces (about 490 bytes per id instead of 65) until the
 * string is first read whole. At 500k ids per 100k-person snapshot that tree costs hundreds
 * of MB of garbage and triples the build and analysis times; toLowerCase (a no-op on the
 * text, UUIDs are already lower-case) makes V8 produce one flat string up front.
 */
export function randomId(): string {
  return randomUUID().toLowerCase();
}

/**
 * The title with its description when both fit in what the classifier reads; a description too
 * long to read (a pasted document) falls back to the title rather than leaving the work unread.
 */
export function classifiedTextOf(title: string, description: string | null): string {
  if (!description) return title;
  const both = `${title}\n${description}`;
  return both.length <= MAX_STATEMENT_LENGTH ? both : title;
}

/** The importer has dropped dotted lines to unknown people, so an unknown one here is a bug upstream. */
function dottedLinePositionIds(record: PeopleRecord, positionIdByEmployee: ReadonlyMap<string, string>): string[] | null {
  if (!record.dottedLineManagerIds?.length) return null;
  return record.dottedLineManagerIds.map((employeeId) => {
    const position = positionIdByEmployee.get(employeeId);
    if (position === undefined) {
      throw new SnapshotBuildError(
        `${record.employeeId} has unknown dotted-line manager ${employeeId} (row ${record.rowNumber})`,
        record.rowNumber,
      );
    }
    return position;
  });
}

function managerPositionId(record: PeopleRecord, positionIdByEmployee: ReadonlyMap<string, string>): string | null {
  if (record.managerId === null || record.managerId === '') return null;
  if (record.managerId === record.employeeId) {
    throw new SnapshotBuildError(`${record.employeeId} reports to themselves (row ${record.rowNumber})`, record.rowNumber);
  }
  const managerPosition = positionIdByEmployee.get(record.managerId);
  if (managerPosition === undefined) {
    throw new SnapshotBuildError(
      `${record.employeeId} reports to unknown manager ${record.managerId} (row ${record.rowNumber})`,
      record.rowNumber,
    );
  }
  return managerPosition;
}

function* buildResponsibilities(
  records: readonly ResponsibilityRecord[],
  positionIdByEmployee: ReadonlyMap<string, string>,
  newId: () => string,
  levelOverrides: ReadonlyMap<string, ValueLevel> | undefined,
  classifier: ResponsibilityClassifier,
): Generator<Responsibility> {
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const positionId = positionIdByEmployee.get(record.employeeId);
    if (positionId === undefined) {
      throw new SnapshotBuildError(
        `Responsibility "${record.responsibility}" belongs to unknown employee ${record.employeeId} (row ${record.rowNumber})`,
        record.rowNumber,
      );
    }
    const override = levelOverrides?.size
      ? levelOverrides.get(responsibilityKey(record.employeeId, record.responsibility))
      : undefined;
    let valueLevel: ResponsibilityLevel;
    let valueLevelSource: Responsibility['valueLevelSource'];
    let classificationConfidence = 1;
    if (override !== undefined) {
      valueLevel = override;
      valueLevelSource = 'OVERRIDE';
    } else if (record.valueLevel !== null) {
      valueLevel = record.valueLevel;
      valueLevelSource = 'GIVEN';
    } else {
      const text = classifiedTextOf(record.responsibility, record.description);
      const classification = classifier.classify(text);
      valueLevel = classification.level;
      valueLevelSource = 'CLASSIFIED';
      classificationConfidence = classification.confidence;
    }
    yield {
      id: newId(),
      positionId,
      title: record.responsibility.trim(),
      description: record.description,
      valueLevel,
      valueLevelSource,
      classificationConfidence,
      sharePct: record.sharePct,
      heldSince: record.since,
    };
  }
}
