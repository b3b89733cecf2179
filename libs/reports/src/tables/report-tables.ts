import { VALUE_LEVEL_LABELS } from '@rolemap/domain';
import { LEVELS_TOP_DOWN } from '../model/report-context';
import type {
  DelegationLine,
  DelegationPlanReport,
  DelegationReviewReport,
  OrganizationSummaryReport,
  PlanFindingLine,
  PlanPersonRef,
  ReportAppendix,
  ReportFinding,
  Report,
  ReportHeader,
  RoleDataStatus,
  RoleDefinitionsReport,
  RolePurpose,
} from '../model/report-types';

const DATA_STATUS_TEXT: Record<RoleDataStatus, string> = {
  RECORDED: 'Recorded',
  NO_RESPONSIBILITIES: 'No responsibilities recorded: not assessed',
  LEVELS_NEED_REVIEW: 'Every level needs review: not assessed',
};

/**
 * The tabular view of a report that the spreadsheet formats share. Each column declares its
 * type once, so XLSX can write typed cells (numbers, percents, dates) and CSV plain values.
 *
 * Values: text as strings; integer/decimal as numbers; percent as 0-100 numbers (XLSX divides
 * by 100 for its percent format); date as ISO strings (`YYYY-MM-DD` or a full timestamp).
 */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'percent' | 'date';
export type CellValue = string | number | null;

export interface ReportColumn {
  header: string;
  type: ColumnType;
  /** Width in characters, for spreadsheets. */
  width: number;
}

export interface ReportTable {
  /** Sheet name (at most 31 characters, as Excel requires). */
  name: string;
  columns: ReportColumn[];
  rowCount: number;
  /** Rows are produced on demand, so a big report is never held twice. */
  rows(): Iterable<CellValue[]>;
}

/**
 * All tables of a report, the main one first. CSV writes only one table: by default the main
 * one (Roles for role definitions, Delegations for a delegation review, Departments for the
 * organization summary, Edits for a delegation plan).
 */
export function reportTables(report: Report): ReportTable[] {
  switch (report.kind) {
    case 'ROLE_DEFINITIONS':
      return roleDefinitionTables(report);
    case 'DELEGATION_REVIEW':
      return delegationReviewTables(report);
    case 'ORGANIZATION_SUMMARY':
      return organizationSummaryTables(report);
    case 'DELEGATION_PLAN':
      return delegationPlanTables(report);
  }
}

const text = (header: string, width = 18): ReportColumn => ({ header, type: 'text', width });
const integer = (header: string, width = 12): ReportColumn => ({ header, type: 'integer', width });
const decimal = (header: string, width = 12): ReportColumn => ({ header, type: 'decimal', width });
const percent = (header: string, width = 12): ReportColumn => ({ header, type: 'percent', width });
const date = (header: string, width = 12): ReportColumn => ({ header, type: 'date', width });

function table(name: string, columns: ReportColumn[], rowCount: number, rows: () => Iterable<CellValue[]>): ReportTable {
  return { name, columns, rowCount, rows };
}

function roleDefinitionTables(report: RoleDefinitionsReport): ReportTable[] {
  const { roles } = report;
  const mixColumns = LEVELS_TOP_DOWN.flatMap((level) => [
    percent(`${VALUE_LEVEL_LABELS[level]} expected`, 13),
    percent(`${VALUE_LEVEL_LABELS[level]} actual`, 13),
  ]);
  const responsibilityCount = roles.reduce(
    (sum, role) => sum + role.responsibilityGroups.reduce((inner, group) => inner + group.responsibilities.length, 0),
    0,
  );
  const delegations = roles.flatMap((role) => role.delegations);
  const takeOnCount = roles.reduce((sum, role) => sum + role.levelsToTakeOn.length, 0);
  const findings = roles.flatMap((role) => role.findings);

  return [
    table(
      'Roles',
      [
        text('Employee ID', 12),
        text('Holder', 22),
        text('Title', 32),
        text('Tier', 20),
        text('Department', 18),
        text('Location', 14),
        text('Reports to', 22),
        text('Reporting line', 48),
        text('Dotted line to', 30),
        integer('Direct reports'),
        integer('Total reports'),
        text('Purpose', 80),
        text('Purpose status', 24),
        text('Decision rights', 80),
        ...mixColumns,
        percent('Described time', 12),
        percent('Carried over', 12),
        date('Last promotion', 14),
        integer('Delegation gaps', 12),
        integer('Findings', 10),
        text('Take on at the role’s level', 60),
        text('Notes', 50),
        text('Data', 24),
        text('Not checked', 40),
      ],
      roles.length,
      function* () {
        for (const role of roles) {
          yield [
            role.externalId,
            role.holder?.name ?? 'Vacant',
            role.title,
            role.tierLabel,
            role.department,
            role.location,
            role.reportingLine[0]?.name ?? role.reportingLine[0]?.title ?? null,
            role.reportingLine.map((ref) => ref.name ?? `Vacant ${ref.title}`).join(' > ') || null,
            role.dottedLineManagers.map((ref) => ref.name ?? `Vacant ${ref.title}`).join('; ') || null,
            role.directReports,
            role.totalReports,
            role.purpose.text,
            purposeStatus(role.purpose),
            role.decisionRights.map((right) => `${right.label}: ${right.rightLabel.toLowerCase()} ${right.matter}`).join('\n') ||
              null,
            // Without a known mix the actual column stays empty rather than reading 0%.
            ...role.mix.flatMap((line) => [line.expectedPct, role.dataStatus === 'RECORDED' ? line.actualPct : null]),
            role.allocatedPct,
            role.carriedOverPct,
            role.promotedOn,
            role.delegations.length,
            role.findings.length,
            role.levelsToTakeOn.map((item) => item.advice).join('\n') || null,
            role.notes.join('\n') || null,
            DATA_STATUS_TEXT[role.dataStatus],
            role.notChecked.map((line) => `${line.kindLabel}: ${line.reasonText}`).join('\n') || null,
          ];
        }
      },
    ),
    table(
      'Responsibilities',
      [
        text('Employee ID', 12),
        text('Holder', 22),
        text('Role title', 32),
        text('Department', 18),
        text('Value level', 16),
        text('Responsibility', 50),
        text('Description', 40),
        percent('Share of time', 12),
        date('Held since', 12),
        text('Carried over', 12),
        text('Level source', 12),
        text('Key accountability', 14),
      ],
      responsibilityCount,
      function* () {
        for (const role of roles) {
          const key = new Set(role.keyAccountabilities.flatMap((group) => group.items.map((item) => item.responsibilityId)));
          for (const group of role.responsibilityGroups) {
            for (const item of group.responsibilities) {
              yield [
                role.externalId,
                role.holder?.name ?? 'Vacant',
                role.title,
                role.department,
                group.label,
                item.title,
                item.description,
                item.sharePct,
                item.heldSince,
                item.carriedOver ? 'Yes' : 'No',
                item.valueLevelSource,
                key.has(item.id) ? 'Yes' : 'No',
              ];
            }
          }
        }
      },
    ),
    delegationTable(delegations),
    table(
      'Decision rights',
      [
        text('Employee ID', 12),
        text('Holder', 22),
        text('Role title', 32),
        text('Tier', 20),
        text('Value level', 16),
        text('Right', 16),
        text('On', 60),
        percent('Expected of the tier', 12),
        text('Basis', 60),
      ],
      roles.reduce((sum, role) => sum + role.decisionRights.length, 0),
      function* () {
        for (const role of roles) {
          for (const right of role.decisionRights) {
            yield [
              role.externalId,
              role.holder?.name ?? 'Vacant',
              role.title,
              role.tierLabel,
              right.label,
              right.rightLabel,
              right.matter,
              right.expectedPct,
              right.basis,
            ];
          }
        }
      },
    ),
    table(
      'Take on',
      [
        text('Employee ID', 12),
        text('Holder', 22),
        text('Role title', 32),
        text('Value level', 16),
        percent('Actual', 10),
        percent('Expected', 10),
        decimal('Shortfall (points)', 12),
        text('Advice', 80),
      ],
      takeOnCount,
      function* () {
        for (const role of roles) {
          for (const item of role.levelsToTakeOn) {
            yield [
              role.externalId,
              role.holder?.name ?? 'Vacant',
              role.title,
              item.label,
              item.actualPct,
              item.expectedPct,
              item.shortfallPoints,
              item.advice,
            ];
          }
        }
      },
    ),
    findingTable('Findings', findings),
    severityTable(report.appendix),
    aboutTable(report.header, [
      ['Roles', roles.length],
      ['Responsibilities', responsibilityCount],
      ['Delegation gaps', delegations.length],
      ['Findings', findings.length],
    ]),
  ];
}

function purposeStatus(purpose: RolePurpose): string {
  if (purpose.status === 'DRAFT') return 'Draft (generated)';
  return purpose.appliesTo === 'TITLE' ? 'Written by HR for the title' : 'Written by HR for this post';
}

function delegationReviewTables(report: DelegationReviewReport): ReportTable[] {
  const { totals } = report;
  return [
    delegationTable(report.delegations),
    table(
      'Not checked',
      [text('Employee ID', 12), text('Name', 22), text('Title', 32), text('Rule', 22), text('Why', 40)],
      report.notChecked.length,
      () =>
        report.notChecked.map((line) => [
          line.subject.employeeId,
          line.subject.name ?? 'Vacant',
          line.subject.title,
          line.kindLabel,
          line.reasonText,
        ]),
    ),
    severityTable(report.appendix),
    aboutTable(report.header, [
      ['Leader', report.leader.name ?? `Vacant ${report.leader.title}`],
      ['Leader title', report.leader.title],
      ['Team size', report.teamSize],
      ['Delegation gaps', totals.gaps],
      ['Time to hand over (% of one job, summed)', totals.sharePct],
      ['With a suggested delegate', totals.withDelegate],
      ['Of them by a chain of hand-offs', totals.byOutcome.DELEGATE_MAKES_ROOM],
      ['Of them in a peer team', totals.byOutcome.PEER_TEAM],
      ['Without a delegate', totals.withoutDelegate],
      ['Of them with a best fit named (hire or re-scope)', totals.byOutcome.NO_ROOM],
      ['Positions in the team', report.coverage.positions],
      ['With responsibilities recorded', report.coverage.withData],
      ['Open', totals.byStatus.OPEN],
      ['Accepted', totals.byStatus.ACCEPTED],
      ['Dismissed', totals.byStatus.DISMISSED],
    ]),
  ];
}

function delegationPlanTables(report: DelegationPlanReport): ReportTable[] {
  const { plan, tracking } = report;
  const who = (ref: PlanPersonRef | null) => (ref ? (ref.name ?? `Vacant ${ref.title}`.trim()) : null);
  const levelColumns = LEVELS_TOP_DOWN.flatMap((level) => [
    percent(`${VALUE_LEVEL_LABELS[level]} before`, 12),
    percent(`${VALUE_LEVEL_LABELS[level]} after`, 12),
  ]);
  const findings: Array<[string, PlanFindingLine]> = [
    ...report.resolved.map((line): [string, PlanFindingLine] => ['Disappears', line]),
    ...report.introduced.map((line): [string, PlanFindingLine] => ['Appears', line]),
  ];
  return [
    table(
      'Edits',
      [
        integer('#', 6),
        text('Edit', 60),
        text('From ID', 12),
        text('From', 22),
        text('To ID', 12),
        text('To', 22),
        text('Responsibility', 40),
        text('Value level', 16),
        percent('Share of time', 12),
        text('Whole task', 10),
        text('Proposed by', 20),
        text('Does not apply', 40),
        text('Progress', 14),
        text('Progress detail', 50),
      ],
      report.edits.length,
      () =>
        report.edits.map((edit) => [
          edit.number,
          edit.description,
          edit.from?.externalId ?? null,
          who(edit.from),
          edit.to?.externalId ?? null,
          who(edit.to),
          edit.responsibility,
          edit.valueLevelLabel,
          edit.sharePct,
          edit.wholeTask ? 'Yes' : 'No',
          edit.proposedBy,
          edit.problem,
          edit.tracking?.progressLabel ?? null,
          edit.tracking?.detail ?? null,
        ]),
    ),
    table(
      'Before and after',
      [
        text('Employee ID', 12),
        text('Name', 22),
        text('Title', 30),
        text('Change', 10),
        text('Tier before', 14),
        text('Tier after', 14),
        text('Manager before', 22),
        text('Manager after', 22),
        percent('Booked before', 12),
        percent('Booked after', 12),
        ...levelColumns,
        integer('Findings before', 10),
        integer('Findings after', 10),
      ],
      report.affected.length,
      () =>
        report.affected.map((line) => [
          line.person.externalId,
          line.person.name ?? 'Vacant',
          line.person.title,
          line.change.charAt(0) + line.change.slice(1).toLowerCase(),
          line.tierBeforeLabel,
          line.tierAfterLabel,
          who(line.managerBefore),
          who(line.managerAfter),
          line.bookedBeforePct,
          line.bookedAfterPct,
          ...line.mix.flatMap((mix) => [mix.beforePct, mix.afterPct]),
          line.findingsBefore,
          line.findingsAfter,
        ]),
    ),
    table(
      'Findings',
      [
        text('Change', 12),
        text('Kind', 22),
        decimal('Severity', 10),
        text('Severity level', 10),
        text('Employee ID', 12),
        text('Name', 22),
        text('Title', 30),
        text('Explanation', 90),
        text('Finding key', 30),
      ],
      findings.length,
      () =>
        findings.map(([change, line]) => [
          change,
          line.kindLabel,
          line.severity,
          line.severityLabel,
          line.subject.externalId,
          line.subject.name ?? 'Vacant',
          line.subject.title,
          line.explanation,
          line.key,
        ]),
    ),
    table(
      'Figures',
      [text('Figure', 36), decimal('Before', 12), decimal('After', 12), text('Unit', 10)],
      report.figures.length,
      () => report.figures.map((figure) => [figure.label, figure.before, figure.after, figure.unit]),
    ),
    severityTable(report.appendix),
    aboutTable(report.header, [
      ['Scenario', plan.name],
      ['Scenario id', plan.scenarioId],
      ['Kind', plan.kindLabel],
      ['Status', plan.statusLabel],
      ['Owner', plan.owner],
      ['Edits limited to the part of the chart under', plan.scopeEmployeeId ?? 'the whole chart'],
      ['Scenario version', plan.version],
      [plan.status === 'REJECTED' ? 'Rejected by' : 'Approved by', plan.decidedBy],
      [plan.status === 'REJECTED' ? 'Rejected on' : 'Approved on', plan.decidedAt],
      ['Notes', plan.notes],
      ['Edits', report.edits.length],
      ['Tracked against snapshot', tracking ? tracking.snapshotVersion : null],
      ['Tracking snapshot as of', tracking?.asOf ?? null],
      ['Done', tracking?.done ?? null],
      ['Partly done', tracking?.partlyDone ?? null],
      ['Not done', tracking?.notDone ?? null],
      ['Tracking', report.trackingNote],
    ]),
  ];
}

/** Departments with findings (most first), then those without any; each with its data coverage. */
function departmentRows(report: OrganizationSummaryReport): CellValue[][] {
  const kinds = report.findingsByKind;
  const coverageOf = new Map(report.coverage.byDepartment.map((row) => [row.department, row]));
  const rows: CellValue[][] = report.findingsByDepartment.map((row) => {
    const covered = coverageOf.get(row.department);
    return [
      row.department,
      row.total,
      ...kinds.map((kind) => row.byKind[kind.kind]),
      covered?.positions ?? null,
      covered?.withData ?? null,
      covered?.pct ?? null,
    ];
  });
  const listed = new Set(report.findingsByDepartment.map((row) => row.department));
  for (const row of report.coverage.byDepartment) {
    if (!listed.has(row.department)) rows.push([row.department, 0, ...kinds.map(() => 0), row.positions, row.withData, row.pct]);
  }
  return rows;
}

function organizationSummaryTables(report: OrganizationSummaryReport): ReportTable[] {
  const kinds = report.findingsByKind;
  const { spans, layers, headline } = report;
  return [
    // The first table is what a CSV export holds: findings and data coverage side by side, so the
    // counts are read against how much of each department the analysis could see.
    table(
      'Departments',
      [
        text('Department', 22),
        integer('Findings', 10),
        ...kinds.map((kind) => integer(kind.label, 16)),
        integer('Positions', 10),
        integer('With responsibilities', 14),
        percent('Coverage', 10),
      ],
      departmentRows(report).length,
      () => departmentRows(report),
    ),
    table('Findings by kind', [text('Kind', 26), integer('Findings', 10)], kinds.length, () =>
      kinds.map((kind) => [kind.label, kind.count]),
    ),
    table(
      'Spans',
      [text('Direct reports', 16), integer('Managers', 10), text('Within policy', 14)],
      spans.distribution.length,
      () => spans.distribution.map((band) => [band.label, band.managers, band.outsidePolicy ? 'No' : 'Yes']),
    ),
    table('Layers', [integer('Level (1 = top)', 14), integer('Positions', 10)], layers.positionsByLevel.length, () =>
      layers.positionsByLevel.map((row) => [row.level, row.positions]),
    ),
    table(
      'Coverage',
      [text('Department', 22), integer('Positions', 10), integer('With responsibilities', 14), percent('Coverage', 10)],
      report.coverage.byDepartment.length,
      () => report.coverage.byDepartment.map((row) => [row.department, row.positions, row.withData, row.pct]),
    ),
    table(
      'Not checked',
      [text('Rule', 26), integer('Not checked', 12), text('Why', 40), integer('Count', 10)],
      report.coverage.notChecked.reduce((sum, row) => sum + row.reasons.length, 0),
      function* () {
        for (const row of report.coverage.notChecked) {
          for (const reason of row.reasons) yield [row.label, row.count, reason.text, reason.count];
        }
      },
    ),
    findingTable('Top risks', report.topRisks),
    findingTable('Structure findings', [...spans.findings, ...layers.findings]),
    table(
      'Tactical leaders',
      [
        text('Employee ID', 12),
        text('Name', 22),
        text('Title', 32),
        text('Tier', 14),
        text('Department', 18),
        percent('Implementation', 14),
        percent('Expected', 10),
        decimal('Excess (points)', 14),
        percent('Carried over', 12),
      ],
      report.tacticalLeaders.length,
      () =>
        report.tacticalLeaders.map((row) => [
          row.leader.employeeId,
          row.leader.name,
          row.leader.title,
          row.tierLabel,
          row.department,
          row.implementationPct,
          row.expectedImplementationPct,
          row.excessPoints,
          row.carriedOverPct,
        ]),
    ),
    table(
      'Teams at risk',
      [
        text('Employee ID', 12),
        text('Leader', 22),
        text('Title', 32),
        integer('Team size', 10),
        integer('Findings', 10),
        decimal('Severity per person', 16),
      ],
      report.teamsAtRisk.length,
      () =>
        report.teamsAtRisk.map((row) => [
          row.leader.employeeId,
          row.leader.name,
          row.leader.title,
          row.headcount,
          row.findingCount,
          row.severityPerPerson,
        ]),
    ),
    severityTable(report.appendix),
    aboutTable(report.header, [
      ['Positions', headline.positions],
      ['Filled', headline.filled],
      ['Vacant', headline.vacant],
      ['Findings', headline.findings],
      ['Leaders (manager and above)', headline.leaders],
      ['Leaders’ mean implementation share (%)', headline.leaderTacticalLoadPct],
      ['Leaders’ time below their level (%)', headline.leaderTimeBelowLevelPct],
      ['Managers', spans.managers],
      ['Median span of control', spans.medianSpan],
      ['Levels in the chart', layers.levels],
      ['Positions with responsibilities recorded', report.coverage.overall.withData],
      ['Coverage (%)', report.coverage.overall.pct],
    ]),
  ];
}

function delegationTable(delegations: readonly DelegationLine[]): ReportTable {
  return table(
    'Delegations',
    [
      text('Leader ID', 12),
      text('Leader', 22),
      text('Leader title', 30),
      text('Responsibility', 46),
      percent('Share of time', 12),
      text('Value level', 16),
      text('Delegate ID', 12),
      text('Suggested delegate', 22),
      text('Delegate title', 30),
      text('Why no delegate', 40),
      text('Severity', 10),
      text('Review status', 14),
      text('Review note', 36),
      text('Reviewer', 18),
      date('Reviewed on', 12),
      text('Explanation', 90),
      text('Outcome', 20),
      text('Best fit ID', 12),
      text('Best fit', 22),
      text('Hand-offs', 60),
      text('Next step', 60),
    ],
    delegations.length,
    function* () {
      for (const line of delegations) {
        yield [
          line.leader.employeeId,
          line.leader.name,
          line.leader.title,
          line.responsibility,
          line.sharePct,
          VALUE_LEVEL_LABELS[line.valueLevel],
          line.delegate?.employeeId ?? null,
          line.delegate?.name ?? null,
          line.delegate?.title ?? null,
          line.noDelegateReason,
          line.severityLabel,
          line.review.status,
          line.review.note,
          line.review.reviewer,
          line.review.reviewedAt,
          line.explanation,
          OUTCOME_TEXT[line.outcome],
          line.bestFit?.employeeId ?? null,
          line.bestFit?.name ?? null,
          line.handOffs
            .map(
              (handOff) =>
                `${handOff.from.name ?? ''} → ${handOff.to.name ?? ''}: ${handOff.responsibility} (${handOff.sharePct}%)`,
            )
            .join('\n') || null,
          line.nextStep,
        ];
      }
    },
  );
}

const OUTCOME_TEXT: Record<DelegationLine['outcome'], string> = {
  DELEGATE_HAS_ROOM: 'Delegate has the time',
  DELEGATE_MAKES_ROOM: 'Delegate makes room',
  PEER_TEAM: 'Peer team',
  NO_ROOM: 'Best fit, no time: hire or re-scope',
  NO_DELEGATE: 'No delegate',
};

/** What severity means and how each rule computes it (the appendix, as rows). */
function severityTable(appendix: ReportAppendix): ReportTable {
  const rows: CellValue[][] = [
    ...appendix.severityBands.map((band) => [band.label, band.range, band.meaning]),
    ...appendix.severityRules.map((rule) => [rule.label, 'how it is computed', rule.rule]),
    ...appendix.notes.map((note) => ['Note', null, note]),
  ];
  return table('Severity', [text('Severity or rule', 26), text('Range', 20), text('Meaning', 100)], rows.length, () => rows);
}

function findingTable(name: string, findings: readonly ReportFinding[]): ReportTable {
  return table(
    name,
    [
      text('Kind', 22),
      decimal('Severity', 10),
      text('Severity level', 10),
      text('Employee ID', 12),
      text('Name', 22),
      text('Title', 30),
      text('Department', 18),
      text('Explanation', 90),
      text('Review status', 14),
      text('Review note', 36),
      text('Reviewer', 18),
      date('Reviewed on', 12),
      text('Finding key', 30),
    ],
    findings.length,
    function* () {
      for (const finding of findings) {
        yield [
          finding.kindLabel,
          finding.severity,
          finding.severityLabel,
          finding.subject.employeeId,
          finding.subject.name ?? 'Vacant',
          finding.subject.title,
          finding.department,
          finding.explanation,
          finding.review.status,
          finding.review.note,
          finding.review.reviewer,
          finding.review.reviewedAt,
          finding.key,
        ];
      }
    },
  );
}

function aboutTable(header: ReportHeader, figures: Array<[string, CellValue]>): ReportTable {
  const rows: Array<[string, CellValue]> = [
    ['Report', header.title],
    ['Organization', header.organizationName],
    ['Snapshot version', header.snapshotVersion],
    ['As of', header.asOf],
    ['Scope', header.scopeLabel],
    ...figures,
  ];
  // Mixed types in one column: numbers stay numbers, the As of date stays readable text.
  return table('About', [text('Item', 40), text('Value', 50)], rows.length, () => rows);
}
