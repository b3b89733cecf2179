import {
  type Assignment,
  DomainError,
  type Position,
  type Responsibility,
  type ScenarioEdit,
  SCENARIO_EDIT_KINDS,
  type SnapshotData,
  isResponsibilityLevel,
  isTier,
  tierRank,
} from '@rolemap/domain';
import { MAX_STATEMENT_LENGTH } from '../classify/nlp/normalise-statement';
import { round2 } from '../mix/position-mix';
import type { SnapshotIndex } from '../snapshot/snapshot-index';
import { describeEdit } from './describe-edit';

/** An edit that does not apply, with why (its place in the list counts from 1). */
export interface EditProblem {
  /** 1-based place of the edit in the scenario. */
  number: number;
  edit: ScenarioEdit;
  message: string;
  /** FORBIDDEN when the edit reaches outside the editor's part of the chart, else BAD_USER_INPUT. */
  code: 'BAD_USER_INPUT' | 'FORBIDDEN';
}

export interface AppliedScenario {
  /** The snapshot with every applicable edit made; the base is never changed. */
  data: SnapshotData;
  /** Edits that did not apply (only when `keepGoing`; otherwise the first one throws). */
  problems: EditProblem[];
  /** Ids of the positions the edits touched directly (new posts included), in the scenario's data. */
  touched: ReadonlySet<string>;
}

export interface ApplyOptions {
  /**
   * The externalId of the position heading the editor's part of the chart (a leader's own post):
   * every position an edit names must sit beneath it, as the chart stands after the edits before
   * it. Null or absent: the whole chart (HR).
   */
  scopeRoot?: string | null;
  /** List the edits that do not apply and go on with the rest (rebasing) instead of throwing on the first. */
  keepGoing?: boolean;
}

/** Shares are compared to the hundredth of a point, as they are stored. */
const EPSILON = 0.005;
const MAX_TITLE = 200;

/**
 * The base snapshot with `edits` applied in order, each validated against the chart as the edits
 * before it left it: unknown people or responsibilities, a reporting cycle, a share pushed past
 * 100% of someone's time or below 0, a position outside the editor's part of the chart. A failing
 * edit throws a DomainError naming it (nothing is applied), or with `keepGoing` is listed and
 * skipped. Pure: `base` and its index are read, never written. Linear in the snapshot's size
 * (copying the lists it changes), plus the depth of the chart per edit.
 */
export function applyScenarioEdits(
  base: SnapshotIndex,
  edits: readonly ScenarioEdit[],
  options: ApplyOptions = {},
): AppliedScenario {
  const chart = new WorkingChart(base);
  const problems: EditProblem[] = [];
  const scopeRootId = options.scopeRoot == null ? null : (chart.idOf(options.scopeRoot) ?? '');
  edits.forEach((edit, i) => {
    try {
      chart.apply(edit, scopeRootId);
    } catch (error) {
      if (!(error instanceof EditRefusal)) throw error;
      const problem: EditProblem = { number: i + 1, edit, message: error.message, code: error.code };
      if (!options.keepGoing) throw editError(problem);
      problems.push(problem);
    }
  });
  return { data: chart.toSnapshotData(), problems, touched: chart.touched };
}

/** The DomainError a refused edit becomes: it names the edit, by number and in words. */
export function editError(problem: EditProblem): DomainError {
  return new DomainError(problem.code, `Edit ${problem.number} (${describeEdit(problem.edit)}): ${problem.message}`, {
    edit: problem.number,
  });
}

class EditRefusal extends Error {
  constructor(
    message: string,
    readonly code: 'BAD_USER_INPUT' | 'FORBIDDEN' = 'BAD_USER_INPUT',
  ) {
    super(message);
  }
}

/**
 * The chart as the edits so far leave it: the base index underneath, with copies of whatever
 * an edit changed laid over it (positions, their reports, their responsibilities, assignments).
 */
class WorkingChart {
  private readonly positions = new Map<string, Position>();
  private readonly created: Position[] = [];
  private readonly closed = new Set<string>();
  private readonly children = new Map<string, string[]>();
  private readonly responsibilities = new Map<string, Responsibility[]>();
  private readonly assignments = new Map<string, Assignment>();
  private readonly idByExternal = new Map<string, string>();
  readonly touched = new Set<string>();
  private readonly asOf: string;

  constructor(private readonly base: SnapshotIndex) {
    this.asOf = base.snapshot.asOf;
    for (const node of base.nodes) {
      if (!this.idByExternal.has(node.position.externalId)) this.idByExternal.set(node.position.externalId, node.position.id);
    }
  }

  idOf(externalId: string): string | undefined {
    const id = this.idByExternal.get(externalId.trim());
    return id === undefined || this.closed.has(id) ? undefined : id;
  }

  apply(edit: ScenarioEdit, scopeRootId: string | null): void {
    if (!edit || !(SCENARIO_EDIT_KINDS as readonly string[]).includes((edit as { kind?: string }).kind ?? '')) {
      throw new EditRefusal(`unknown kind of edit; use one of ${SCENARIO_EDIT_KINDS.join(', ')}`);
    }
    const at = (ref: unknown, field: string) => this.resolve(ref, field, scopeRootId);
    switch (edit.kind) {
      case 'MOVE_RESPONSIBILITY':
        return this.moveResponsibility(at(edit.from, 'from'), edit.responsibility, at(edit.to, 'to'), edit.sharePct);
      case 'ADD_RESPONSIBILITY':
        return this.addResponsibility(at(edit.position, 'position'), edit);
      case 'EDIT_RESPONSIBILITY':
        return this.editResponsibility(at(edit.position, 'position'), edit);
      case 'REMOVE_RESPONSIBILITY': {
        const positionId = at(edit.position, 'position');
        const found = this.findResponsibility(positionId, edit.responsibility);
        this.setResponsibilities(
          positionId,
          this.responsibilitiesOf(positionId).filter((r) => r !== found),
        );
        return;
      }
      case 'MOVE_POSITION': {
        const positionId = at(edit.position, 'position');
        const managerId = at(edit.toManager, 'toManager');
        if (positionId === managerId) throw new EditRefusal(`${this.name(positionId)} cannot report to themselves`);
        if (this.position(positionId).reportsToId === managerId) {
          throw new EditRefusal(`${this.name(positionId)} already reports to ${this.name(managerId)}`);
        }
        this.refuseCycle([positionId], managerId);
        this.reparent(positionId, managerId);
        return;
      }
      case 'MOVE_TEAM': {
        const fromId = at(edit.fromManager, 'fromManager');
        const toId = at(edit.toManager, 'toManager');
        if (fromId === toId) throw new EditRefusal('the team would move to the manager it already reports to');
        const team = this.childrenOf(fromId).slice();
        if (team.length === 0) throw new EditRefusal(`${this.name(fromId)} has no direct reports to move`);
        this.refuseCycle(team, toId);
        for (const member of team) this.reparent(member, toId);
        this.touched.add(fromId);
        return;
      }
      case 'CREATE_POSITION':
        return this.createPosition(edit, at(edit.manager, 'manager'));
      case 'CLOSE_POSITION': {
        const positionId = at(edit.position, 'position');
        const position = this.position(positionId);
        if (!position.vacant) {
          throw new EditRefusal(`${this.name(positionId)} holds this post; only vacant posts can be closed (move them first)`);
        }
        if (position.reportsToId === null) throw new EditRefusal('the top of the chart cannot be closed');
        for (const member of this.childrenOf(positionId).slice()) this.reparent(member, position.reportsToId);
        this.detach(positionId, position.reportsToId);
        this.closed.add(positionId);
        this.touched.delete(positionId);
        return;
      }
      case 'CHANGE_TIER': {
        const positionId = at(edit.position, 'position');
        const tier = checkedTier(edit.tier);
        if (this.position(positionId).tier === tier) throw new EditRefusal(`${this.name(positionId)} is already ${tier}`);
        this.updatePosition(positionId, { tier, tierSource: 'OVERRIDE' });
        return;
      }
      case 'CHANGE_TITLE': {
        const positionId = at(edit.position, 'position');
        const title = checkedText(edit.title, 'title', MAX_TITLE);
        if (this.position(positionId).title === title) throw new EditRefusal(`${this.name(positionId)} already has that title`);
        this.updatePosition(positionId, { title });
        return;
      }
      case 'PROMOTE':
        return this.promote(at(edit.position, 'position'), edit.tier, edit.title);
    }
  }

  // ---- edits -------------------------------------------------------------------------------

  private moveResponsibility(fromId: string, title: string, toId: string, sharePct: number | null): void {
    if (fromId === toId) throw new EditRefusal('the work would move to the person who already holds it');
    const found = this.findResponsibility(fromId, title);
    const share = sharePct == null ? found.sharePct : checkedShare(sharePct, 'sharePct');
    if (share > found.sharePct + EPSILON) {
      throw new EditRefusal(
        `${this.name(fromId)} spends ${found.sharePct}% on "${found.title}": moving ${share}% would leave them below 0%`,
      );
    }
    this.refuseOverbooking(toId, share);
    const left = round2(found.sharePct - share);
    this.setResponsibilities(
      fromId,
      left <= EPSILON
        ? this.responsibilitiesOf(fromId).filter((r) => r !== found)
        : this.responsibilitiesOf(fromId).map((r) => (r === found ? { ...r, sharePct: left } : r)),
    );
    const receiving = this.responsibilitiesOf(toId);
    const same = receiving.find((r) => sameTitle(r.title, found.title));
    this.setResponsibilities(
      toId,
      same
        ? receiving.map((r) => (r === same ? { ...r, sharePct: round2(r.sharePct + share) } : r))
        : [
            ...receiving,
            {
              ...found,
              id: `${found.id}>${this.position(toId).externalId}`,
              positionId: toId,
              sharePct: round2(share),
              // Taken on now: never carried over from before a promotion.
              heldSince: this.asOf,
            },
          ],
    );
  }

  private addResponsibility(positionId: string, edit: Extract<ScenarioEdit, { kind: 'ADD_RESPONSIBILITY' }>): void {
    const title = checkedText(edit.responsibility, 'responsibility', MAX_STATEMENT_LENGTH);
    if (!isResponsibilityLevel(edit.valueLevel)) throw new EditRefusal(`unknown value level "${String(edit.valueLevel)}"`);
    const share = checkedShare(edit.sharePct, 'sharePct');
    if (this.responsibilitiesOf(positionId).some((r) => sameTitle(r.title, title))) {
      throw new EditRefusal(`${this.name(positionId)} already holds "${title}": edit it instead`);
    }
    this.refuseOverbooking(positionId, share);
    const externalId = this.position(positionId).externalId;
    this.setResponsibilities(positionId, [
      ...this.responsibilitiesOf(positionId),
      {
        id: `scenario:${externalId}:${normaliseTitle(title)}`,
        positionId,
        title,
        description: null,
        valueLevel: edit.valueLevel,
        valueLevelSource: 'GIVEN',
        classificationConfidence: 1,
        sharePct: share,
        heldSince: this.asOf,
      },
    ]);
  }

  private editResponsibility(positionId: string, edit: Extract<ScenarioEdit, { kind: 'EDIT_RESPONSIBILITY' }>): void {
    const found = this.findResponsibility(positionId, edit.responsibility);
    if (edit.newTitle == null && edit.valueLevel == null && edit.sharePct == null) {
      throw new EditRefusal('nothing to change: give a new title, value level or share');
    }
    const changed: Responsibility = { ...found };
    if (edit.newTitle != null) {
      const title = checkedText(edit.newTitle, 'newTitle', MAX_STATEMENT_LENGTH);
      if (!sameTitle(title, found.title) && this.responsibilitiesOf(positionId).some((r) => sameTitle(r.title, title))) {
        throw new EditRefusal(`${this.name(positionId)} already holds "${title}"`);
      }
      changed.title = title;
    }
    if (edit.valueLevel != null) {
      if (!isResponsibilityLevel(edit.valueLevel)) throw new EditRefusal(`unknown value level "${String(edit.valueLevel)}"`);
      changed.valueLevel = edit.valueLevel;
      changed.valueLevelSource = 'OVERRIDE';
      changed.classificationConfidence = 1;
    }
    if (edit.sharePct != null) {
      changed.sharePct = checkedShare(edit.sharePct, 'sharePct');
      if (changed.sharePct > found.sharePct) this.refuseOverbooking(positionId, changed.sharePct - found.sharePct);
    }
    this.setResponsibilities(
      positionId,
      this.responsibilitiesOf(positionId).map((r) => (r === found ? changed : r)),
    );
  }

  private createPosition(edit: Extract<ScenarioEdit, { kind: 'CREATE_POSITION' }>, managerId: string): void {
    const externalId = checkedText(edit.position, 'position', MAX_TITLE);
    if (this.idByExternal.has(externalId)) throw new EditRefusal(`a position "${externalId}" is already in the chart`);
    const title = checkedText(edit.title, 'title', MAX_TITLE);
    const tier = checkedTier(edit.tier);
    const department =
      edit.department == null ? this.position(managerId).department : checkedText(edit.department, 'department', MAX_TITLE);
    const position: Position = {
      id: `scenario:${externalId}`,
      externalId,
      title,
      department,
      location: null,
      tier,
      tierSource: 'OVERRIDE',
      fte: 1,
      reportsToId: managerId,
      vacant: true,
    };
    this.created.push(position);
    this.positions.set(position.id, position);
    this.idByExternal.set(externalId, position.id);
    this.children.set(position.id, []);
    this.responsibilities.set(position.id, []);
    this.children.set(managerId, [...this.childrenOf(managerId), position.id]);
    this.touched.add(position.id);
  }

  private promote(positionId: string, tierValue: unknown, titleValue: string | null): void {
    const position = this.position(positionId);
    const assignment = this.assignmentOf(positionId);
    if (position.vacant || !assignment) throw new EditRefusal(`${this.name(positionId)} is vacant: nobody to promote`);
    const tier = checkedTier(tierValue);
    if (tierRank(tier) <= tierRank(position.tier)) {
      throw new EditRefusal(`a promotion raises the tier: ${this.name(positionId)} is ${position.tier} already`);
    }
    const title = titleValue == null ? position.title : checkedText(titleValue, 'title', MAX_TITLE);
    this.assignments.set(positionId, {
      ...assignment,
      previousTitle: position.title,
      lastPromotionDate: this.asOf,
      roleStartDate: this.asOf,
    });
    this.updatePosition(positionId, { tier, tierSource: 'OVERRIDE', title });
  }

  // ---- checks ------------------------------------------------------------------------------

  private resolve(ref: unknown, field: string, scopeRootId: string | null): string {
    if (typeof ref !== 'string' || ref.trim() === '')
      throw new EditRefusal(`${field} is required (an employee id or post reference)`);
    const id = this.idOf(ref);
    if (scopeRootId !== null && (id === undefined || !this.isUnder(id, scopeRootId))) {
      // The same answer whether or not the person exists: a leader learns nothing beyond their team.
      throw new EditRefusal(`${field} "${ref.trim()}" is not in your part of the chart`, 'FORBIDDEN');
    }
    if (id === undefined) throw new EditRefusal(`${field}: nobody with the id "${ref.trim()}" in the chart`);
    this.touched.add(id);
    return id;
  }

  private isUnder(positionId: string, ancestorId: string): boolean {
    const seen = new Set<string>();
    for (let id: string | null = positionId; id !== null && !seen.has(id); id = this.position(id).reportsToId) {
      if (id === ancestorId) return true;
      seen.add(id);
    }
    return false;
  }

  /** Refuses when `managerId` sits in the team of any of `movers`: they would end up reporting to themselves. */
  private refuseCycle(movers: readonly string[], managerId: string): void {
    for (const mover of movers) {
      if (this.isUnder(managerId, mover)) {
        throw new EditRefusal(
          `${this.name(managerId)} is in ${this.name(mover)}'s own team: the move would make a reporting cycle`,
        );
      }
    }
  }

  private refuseOverbooking(positionId: string, extraPct: number): void {
    const allocated = this.responsibilitiesOf(positionId).reduce((sum, r) => sum + r.sharePct, 0);
    const after = round2(allocated + extraPct);
    if (after > 100 + EPSILON) {
      throw new EditRefusal(
        `${this.name(positionId)} would spend ${after}% of their time (${round2(allocated)}% now + ${round2(extraPct)}%): over 100%`,
      );
    }
  }

  private findResponsibility(positionId: string, title: unknown): Responsibility {
    if (typeof title !== 'string' || title.trim() === '') throw new EditRefusal('responsibility is required (its title)');
    const found = this.responsibilitiesOf(positionId).find((r) => sameTitle(r.title, title));
    if (!found) throw new EditRefusal(`${this.name(positionId)} holds no responsibility "${title.trim()}"`);
    return found;
  }

  // ---- the overlay -------------------------------------------------------------------------

  private position(id: string): Position {
    const position = this.positions.get(id) ?? this.base.position(id);
    if (!position) throw new Error(`position ${id} is not in the chart`);
    return position;
  }

  private name(id: string): string {
    const position = this.position(id);
    const person = this.base.personAt(id);
    return person ? `${person.name} (${position.externalId})` : `the vacant ${position.title} post (${position.externalId})`;
  }

  private childrenOf(id: string): readonly string[] {
    return this.children.get(id) ?? this.base.node(id)?.children.map((child) => child.position.id) ?? [];
  }

  private responsibilitiesOf(id: string): readonly Responsibility[] {
    return this.responsibilities.get(id) ?? this.base.responsibilitiesOf(id);
  }

  private assignmentOf(id: string): Assignment | null {
    return this.assignments.get(id) ?? this.base.assignmentAt(id);
  }

  private setResponsibilities(id: string, list: Responsibility[]): void {
    this.responsibilities.set(id, list);
  }

  private updatePosition(id: string, changes: Partial<Position>): void {
    this.positions.set(id, { ...this.position(id), ...changes });
  }

  private reparent(id: string, managerId: string): void {
    const previous = this.position(id).reportsToId;
    if (previous !== null) this.detach(id, previous);
    this.children.set(managerId, [...this.childrenOf(managerId), id]);
    this.updatePosition(id, { reportsToId: managerId });
    this.touched.add(id);
    this.touched.add(managerId);
  }

  private detach(id: string, managerId: string): void {
    this.children.set(
      managerId,
      this.childrenOf(managerId).filter((child) => child !== id),
    );
    this.touched.add(managerId);
  }

  toSnapshotData(): SnapshotData {
    const snapshot = this.base.snapshot;
    const positions: Position[] = [];
    for (const position of snapshot.positions) {
      if (!this.closed.has(position.id)) positions.push(this.positions.get(position.id) ?? position);
    }
    for (const position of this.created) {
      if (!this.closed.has(position.id)) positions.push(this.positions.get(position.id) ?? position);
    }
    const responsibilities: Responsibility[] = [];
    for (const responsibility of snapshot.responsibilities) {
      if (!this.responsibilities.has(responsibility.positionId) && !this.closed.has(responsibility.positionId)) {
        responsibilities.push(responsibility);
      }
    }
    for (const [positionId, list] of this.responsibilities) {
      if (!this.closed.has(positionId)) responsibilities.push(...list);
    }
    const assignments =
      this.assignments.size === 0
        ? snapshot.assignments
        : snapshot.assignments.map((assignment) => this.assignments.get(assignment.positionId) ?? assignment);
    return { ...snapshot, positions, responsibilities, assignments };
  }
}

function checkedShare(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new EditRefusal(`${field} must be a number of percent`);
  if (value <= 0) throw new EditRefusal(`${field} must be above 0% (got ${value}%)`);
  if (value > 100) throw new EditRefusal(`${field} must be at most 100% (got ${value}%)`);
  return round2(value);
}

function checkedText(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '') throw new EditRefusal(`${field} is required`);
  const text = value.trim().replace(/\s+/g, ' ');
  if (text.length > max) throw new EditRefusal(`${field} is ${text.length} characters long; at most ${max}`);
  return text;
}

function checkedTier(value: unknown) {
  if (!isTier(value)) throw new EditRefusal(`unknown tier "${String(value)}"; use IC, MANAGER, DIRECTOR or EXECUTIVE`);
  return value;
}

/** As responsibilityKey compares titles: case and spacing do not matter. */
export function normaliseTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

function sameTitle(a: string, b: string): boolean {
  return normaliseTitle(a) === normaliseTitle(b);
}
