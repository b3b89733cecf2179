import {
  type AnalysisFinding,
  type EditTracking,
  type PositionMix,
  type PositionNode,
  type ScenarioScore,
  type SnapshotIndex,
  describeEdit,
  normaliseTitle,
} from '@rolemap/analysis';
import {
  type EditProgress,
  FINDING_KIND_LABELS,
  type IsoDate,
  type ScenarioEdit,
  type ScenarioStatus,
  TIER_LABELS,
  VALUE_LEVEL_LABELS,
  severityLabel,
} from '@rolemap/domain';
import { LEVELS_TOP_DOWN, REPORT_TITLES, reportAppendix } from './report-context';
import type {
  DelegationPlanReport,
  PlanAffectedLine,
  PlanEditLine,
  PlanFigure,
  PlanFindingLine,
  PlanPersonRef,
} from './report-types';

/** The scenario as stored, in plain fields (the server passes its entity's). */
export interface PlanScenarioInput {
  id: string;
  name: string;
  kind: 'SCENARIO' | 'DELEGATION_PLAN';
  status: ScenarioStatus;
  notes: string | null;
  ownerName: string;
  scopeEmployeeId: string | null;
  version: number;
  decidedBy: string | null;
  /** ISO timestamp. */
  decidedAt: string | null;
  edits: readonly ScenarioEdit[];
}

export interface DelegationPlanInputs {
  organizationName: string;
  /** The snapshot the plan is made on. */
  snapshotVersion: number;
  asOf: IsoDate;
  scenario: PlanScenarioInput;
  /** The chart the plan is made on (names, titles, shares held). */
  base: { index: SnapshotIndex };
  /** scoreScenario's result, as the scenario page shows it. */
  score: ScenarioScore;
  /** The employee id heading the part of the chart the figures cover (a leader's); null for all of it. */
  within: string | null;
  /** trackPlan's result against the next snapshot, when the plan is approved and one exists. */
  tracking: { snapshotVersion: number; asOf: IsoDate; edits: readonly EditTracking[] } | null;
}

export const PROGRESS_LABELS: Record<EditProgress, string> = {
  DONE: 'Done',
  PARTLY_DONE: 'Partly done',
  NOT_DONE: 'Not done',
};

export const SCENARIO_STATUS_LABELS: Record<ScenarioStatus, string> = {
  DRAFT: 'Draft',
  PROPOSED: 'Proposed',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
};

/**
 * A scenario or delegation plan as a report: its edits in order (who hands what to whom), the
 * before and after of everyone it changes, the findings it removes and adds, and for an approved
 * plan how far the next snapshot shows it done. Reads the scenario's score and tracking as they
 * are (the scenario page's figures), never scores again. Pure.
 */
export function buildDelegationPlan(inputs: DelegationPlanInputs): DelegationPlanReport {
  const { scenario, score, base } = inputs;
  const people = new PeopleLookup(base.index, score.index);
  const problems = new Map(score.problems.map((problem) => [problem.number, problem.message]));
  const tracked = new Map(inputs.tracking?.edits.map((edit) => [edit.number, edit]) ?? []);
  const edits = scenario.edits.map((edit, i) => editLine(edit, i + 1, scenario.ownerName, people, problems, tracked.get(i + 1)));
  const delta = score.delta;
  const finding = (item: AnalysisFinding): PlanFindingLine => ({
    key: item.key,
    kind: item.kind,
    kindLabel: FINDING_KIND_LABELS[item.kind],
    severity: item.severity,
    severityLabel: severityLabel(item.severity),
    subject: people.ofPosition(item.positionId, item.employeeId),
    explanation: item.explanation,
  });
  const scopeLabel = inputs.within ? `${people.describe(inputs.within)}’s part of the chart` : 'the whole organization';
  const figures: PlanFigure[] = [
    { label: 'Findings', ...delta.findingCount, unit: 'count' },
    { label: 'Delegation gaps', ...delta.findingsByKind.DELEGATION_GAP, unit: 'count' },
    { label: 'Leaders’ time below their level', ...delta.leaderTimeBelowLevelPct, unit: 'percent' },
    { label: 'Leaders’ mean implementation share', ...delta.leaderTacticalLoadPct, unit: 'percent' },
    { label: 'Positions booked over 100%', ...delta.overCapacity, unit: 'count' },
    { label: 'Mean span of control', ...delta.meanSpan, unit: 'number' },
    { label: 'Widest span of control', ...delta.maxSpan, unit: 'count' },
    { label: 'Layers', ...delta.layers, unit: 'count' },
  ];
  const tracking = inputs.tracking
    ? {
        snapshotVersion: inputs.tracking.snapshotVersion,
        asOf: inputs.tracking.asOf,
        done: inputs.tracking.edits.filter((edit) => edit.progress === 'DONE').length,
        partlyDone: inputs.tracking.edits.filter((edit) => edit.progress === 'PARTLY_DONE').length,
        notDone: inputs.tracking.edits.filter((edit) => edit.progress === 'NOT_DONE').length,
      }
    : null;
  return {
    kind: 'DELEGATION_PLAN',
    header: {
      kind: 'DELEGATION_PLAN',
      title: REPORT_TITLES.DELEGATION_PLAN,
      organizationName: inputs.organizationName,
      snapshotVersion: inputs.snapshotVersion,
      asOf: inputs.asOf,
      scopeLabel: `“${scenario.name}”, figures for ${scopeLabel}`,
    },
    plan: {
      scenarioId: scenario.id,
      name: scenario.name,
      kindLabel: scenario.kind === 'DELEGATION_PLAN' ? 'Delegation plan' : 'Scenario',
      status: scenario.status,
      statusLabel: SCENARIO_STATUS_LABELS[scenario.status],
      owner: scenario.ownerName,
      scopeEmployeeId: scenario.scopeEmployeeId,
      version: scenario.version,
      decidedBy: scenario.decidedBy,
      decidedAt: scenario.decidedAt,
      notes: scenario.notes,
    },
    edits,
    figures,
    affected: delta.affected.map((item) => affectedLine(item, people)),
    resolved: delta.resolved.map(finding),
    introduced: delta.introduced.map(finding),
    tracking,
    trackingNote: tracking ? null : trackingNote(scenario.status, inputs.snapshotVersion),
    appendix: reportAppendix(),
  };
}

function trackingNote(status: ScenarioStatus, snapshotVersion: number): string {
  if (status !== 'APPROVED') {
    return `The plan is ${status.toLowerCase()}: once HR approves it, the next snapshot shows whether each edit was done.`;
  }
  return `No snapshot after v${snapshotVersion} yet: import the next chart to see whether each edit was done.`;
}

function editLine(
  edit: ScenarioEdit,
  number: number,
  owner: string,
  people: PeopleLookup,
  problems: ReadonlyMap<number, string>,
  tracked: EditTracking | undefined,
): PlanEditLine {
  const line: PlanEditLine = {
    number,
    kind: edit.kind,
    description: describeEdit(edit),
    from: null,
    to: null,
    responsibility: null,
    valueLevelLabel: null,
    sharePct: null,
    wholeTask: false,
    proposedBy: owner,
    problem: problems.get(number) ?? null,
    tracking: tracked
      ? { progress: tracked.progress, progressLabel: PROGRESS_LABELS[tracked.progress], detail: tracked.detail }
      : null,
  };
  // Read in the chart the plan is made on: a task an earlier edit hands on shows no held share here.
  const held = (holder: string, title: string) => {
    const wanted = normaliseTitle(title);
    return people.node(holder)?.responsibilities.find((r) => normaliseTitle(r.title) === wanted) ?? null;
  };
  switch (edit.kind) {
    case 'MOVE_RESPONSIBILITY': {
      const work = held(edit.from, edit.responsibility);
      return {
        ...line,
        from: people.ref(edit.from),
        to: people.ref(edit.to),
        responsibility: edit.responsibility,
        valueLevelLabel: work ? levelLabel(work.valueLevel) : null,
        sharePct: edit.sharePct ?? work?.sharePct ?? null,
        wholeTask: edit.sharePct == null,
      };
    }
    case 'ADD_RESPONSIBILITY':
      return {
        ...line,
        to: people.ref(edit.position),
        responsibility: edit.responsibility,
        valueLevelLabel: levelLabel(edit.valueLevel),
        sharePct: edit.sharePct,
      };
    case 'EDIT_RESPONSIBILITY': {
      const work = held(edit.position, edit.responsibility);
      return {
        ...line,
        from: people.ref(edit.position),
        responsibility: edit.responsibility,
        valueLevelLabel: levelLabel(edit.valueLevel ?? work?.valueLevel ?? null),
        sharePct: edit.sharePct ?? work?.sharePct ?? null,
      };
    }
    case 'REMOVE_RESPONSIBILITY': {
      const work = held(edit.position, edit.responsibility);
      return {
        ...line,
        from: people.ref(edit.position),
        responsibility: edit.responsibility,
        valueLevelLabel: work ? levelLabel(work.valueLevel) : null,
        sharePct: work?.sharePct ?? null,
        wholeTask: true,
      };
    }
    case 'MOVE_POSITION':
      return { ...line, from: people.ref(edit.position), to: people.ref(edit.toManager) };
    case 'MOVE_TEAM':
      return { ...line, from: people.ref(edit.fromManager), to: people.ref(edit.toManager) };
    case 'CREATE_POSITION':
      return { ...line, from: people.ref(edit.position), to: people.ref(edit.manager) };
    default:
      // Closing a post, a new tier or title, a promotion: about one person.
      return { ...line, from: people.ref(edit.position) };
  }
}

function levelLabel(level: string | null): string | null {
  if (!level) return null;
  return (VALUE_LEVEL_LABELS as Record<string, string>)[level] ?? 'Level to review';
}

function affectedLine(item: ScenarioScore['delta']['affected'][number], people: PeopleLookup): PlanAffectedLine {
  const { before, after } = item;
  const expected = (after ?? before)!.expected;
  const pct = (mix: PositionMix | null, level: keyof PositionMix['actual']) => (mix ? mix.actual[level] : null);
  return {
    person: { externalId: item.externalId, name: item.name, title: item.title },
    change: !before ? 'CREATED' : !after ? 'CLOSED' : 'CHANGED',
    tierBefore: before?.tier ?? null,
    tierAfter: after?.tier ?? null,
    tierBeforeLabel: before ? TIER_LABELS[before.tier] : null,
    tierAfterLabel: after ? TIER_LABELS[after.tier] : null,
    managerBefore: item.managerBefore ? people.ref(item.managerBefore) : null,
    managerAfter: item.managerAfter ? people.ref(item.managerAfter) : null,
    bookedBeforePct: before?.allocatedPct ?? null,
    bookedAfterPct: after?.allocatedPct ?? null,
    mix: LEVELS_TOP_DOWN.map((level) => {
      const beforePct = pct(before, level);
      const afterPct = pct(after, level);
      return {
        level,
        label: VALUE_LEVEL_LABELS[level],
        expectedPct: expected[level],
        beforePct,
        afterPct,
        changePoints: beforePct === null || afterPct === null ? null : Math.round((afterPct - beforePct) * 100) / 100,
      };
    }),
    findingsBefore: item.findingsBefore.length,
    findingsAfter: item.findingsAfter.length,
  };
}

/** People by the stable key edits use, in the chart the plan is made on and, for new posts, the edited one. */
class PeopleLookup {
  private readonly byExternal = new Map<string, PositionNode>();

  constructor(
    private readonly base: SnapshotIndex,
    private readonly edited: SnapshotIndex,
  ) {
    for (const index of [base, edited]) {
      for (const node of index.nodes) {
        if (!this.byExternal.has(node.position.externalId)) this.byExternal.set(node.position.externalId, node);
      }
    }
  }

  node(externalId: string): PositionNode | undefined {
    return this.byExternal.get(externalId);
  }

  ref(externalId: string): PlanPersonRef {
    const node = this.byExternal.get(externalId);
    return { externalId, name: node?.person?.name ?? null, title: node?.position.title ?? '' };
  }

  ofPosition(positionId: string, employeeId: string | null): PlanPersonRef {
    const node = this.edited.node(positionId) ?? this.base.node(positionId);
    if (!node) return { externalId: employeeId ?? positionId, name: null, title: '' };
    return { externalId: node.position.externalId, name: node.person?.name ?? null, title: node.position.title };
  }

  describe(externalId: string): string {
    const ref = this.ref(externalId);
    return ref.name ?? (ref.title ? `the ${ref.title} post` : externalId);
  }
}
