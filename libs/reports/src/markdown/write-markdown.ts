import type { Writable } from 'node:stream';
import { FINDING_KINDS, FINDING_KIND_LABELS } from '@rolemap/domain';
import { formatPct } from '../model/level-advice';
import { describeRef } from '../model/report-context';
import type {
  Coverage,
  DelegationLine,
  DelegationPlanReport,
  DelegationReviewReport,
  MixLine,
  NotCheckedLine,
  OrganizationSummaryReport,
  PlanFigure,
  PlanFindingLine,
  PlanPersonRef,
  Report,
  ReportAppendix,
  ReportFinding,
  ReportHeader,
  ReviewState,
  RoleDefinition,
  RoleDefinitionsReport,
} from '../model/report-types';
import { TextOutput } from '../output/text-output';
import type { WriteReportOptions } from '../write-report-options';

/**
 * The report as Markdown for a wiki page: headings per section and role, pipe tables (the
 * value-level mix among them), findings as a list. Text from the HR files is escaped so a
 * responsibility such as "Own the *core* API | v2" cannot break a table or start a heading.
 */
export async function writeMarkdown(report: Report, out: Writable, options: WriteReportOptions = {}): Promise<void> {
  const output = new TextOutput(out);
  await output.write(titleBlock(report.header));
  switch (report.kind) {
    case 'ROLE_DEFINITIONS':
      await writeRoleDefinitions(report, output, options);
      break;
    case 'DELEGATION_REVIEW':
      await output.write(delegationReview(report));
      options.onProgress?.(1, 1);
      break;
    case 'ORGANIZATION_SUMMARY':
      await output.write(organizationSummary(report));
      options.onProgress?.(1, 1);
      break;
    case 'DELEGATION_PLAN':
      await output.write(delegationPlan(report));
      options.onProgress?.(1, 1);
      break;
  }
  await output.write(appendixSection(report.appendix));
  await output.end();
}

function titleBlock(header: ReportHeader): string {
  return (
    `# ${md(header.title)}: ${md(header.organizationName)}\n\n` +
    `Snapshot ${header.snapshotVersion}, as of ${header.asOf}. Scope: ${md(header.scopeLabel)}.\n\n`
  );
}

async function writeRoleDefinitions(
  report: RoleDefinitionsReport,
  output: TextOutput,
  options: WriteReportOptions,
): Promise<void> {
  let done = 0;
  await output.write(`_Decision rights: ${md(report.decisionRightsSource)}_\n\n`);
  for (const role of report.roles) {
    await output.write(roleSection(role));
    options.onProgress?.(++done, report.roles.length);
  }
}

export function roleSection(role: RoleDefinition): string {
  const parts: string[] = [];
  parts.push(`## ${md(role.title)}${role.holder ? `: ${md(role.holder.name)}` : ' (vacant)'}\n`);
  const facts = [
    `**Holder:** ${role.holder ? `${md(role.holder.name)} (${md(role.holder.employeeId)})` : 'vacant'}`,
    `**Tier:** ${md(role.tierLabel)}`,
    `**Department:** ${md(role.department ?? 'none')}`,
    ...(role.location ? [`**Location:** ${md(role.location)}`] : []),
    `**Span:** ${role.directReports} direct, ${role.totalReports} in all`,
  ];
  parts.push(facts.join(' · ') + '  ');
  parts.push(
    `**Reporting line:** ${role.reportingLine.length === 0 ? 'top of the chart' : role.reportingLine.map((ref) => md(describeRef(ref))).join(' → ')}` +
      (role.dottedLineManagers.length > 0
        ? `  \n**Dotted line to:** ${role.dottedLineManagers.map((ref) => md(describeRef(ref))).join('; ')}`
        : '') +
      '\n',
  );
  for (const note of role.notes) parts.push(`> ${md(note)}\n`);

  parts.push(role.purpose.status === 'DRAFT' ? '### Purpose (draft)\n' : '### Purpose\n');
  parts.push(`${md(role.purpose.text)}\n`);
  parts.push(
    role.purpose.status === 'DRAFT'
      ? '_Draft from the tier, the policy and the main accountabilities; HR has not written this purpose yet._\n'
      : `_Written by ${md(role.purpose.setBy ?? 'HR')}${role.purpose.setAt ? ` on ${role.purpose.setAt.slice(0, 10)}` : ''}${role.purpose.appliesTo === 'TITLE' ? ` for every “${md(role.title)}”` : ' for this post'}._\n`,
  );

  parts.push('### Key accountabilities\n');
  if (role.keyAccountabilities.length === 0) parts.push('None recorded yet.\n');
  else
    parts.push(
      table(
        ['Level', 'Accountability', 'Share of time'],
        ['left', 'left', 'right'],
        role.keyAccountabilities.flatMap((group) => [
          ...group.items.map((item, i) => [
            i === 0 ? `**${group.label}** ${formatPct(group.sharePct)} (${formatPct(group.expectedPct)} expected)` : '',
            md(item.title) + (item.carriedOver ? ' (carried over)' : ''),
            formatPct(item.sharePct),
          ]),
          ...(group.otherCount > 0
            ? [
                [
                  '',
                  `${group.otherCount} smaller responsibilit${group.otherCount === 1 ? 'y' : 'ies'}`,
                  formatPct(group.otherSharePct),
                ],
              ]
            : []),
        ]),
      ),
    );

  parts.push('### Decision rights\n');
  parts.push(
    table(
      ['Level', 'Right', 'On', 'Policy'],
      ['left', 'left', 'left', 'right'],
      role.decisionRights.map((right) => [right.label, right.rightLabel, md(right.matter), formatPct(right.expectedPct)]),
    ),
  );

  if (role.dataStatus !== 'RECORDED') {
    // No mix to compare: a table of zeros and full-size gaps would read as findings.
    parts.push('### Value-level mix\n');
    parts.push(`${NOT_ASSESSED[role.dataStatus]}\n`);
    if (role.notChecked.length > 0) parts.push(notCheckedList(role.notChecked));
    parts.push('### Findings\n');
    parts.push(role.findings.length === 0 ? 'No findings.\n' : findingList(role.findings, false));
    return parts.join('\n') + '\n';
  }

  parts.push('### Expected vs actual level mix\n');
  parts.push(mixTable(role.mix));
  parts.push(
    `Described time: ${formatPct(role.allocatedPct)}${role.carriedOverPct > 0 ? `; carried over from before the last promotion (${role.promotedOn}): ${formatPct(role.carriedOverPct)}` : ''}.\n`,
  );

  parts.push('### What to hand down\n');
  parts.push(role.delegations.length === 0 ? 'Nothing to hand down.\n' : delegationTable(role.delegations, false));

  parts.push('### What to take on\n');
  parts.push(
    role.levelsToTakeOn.length === 0
      ? 'Nothing: every level is within 10 points of what the role calls for, or no work is described yet.\n'
      : role.levelsToTakeOn.map((item) => `- ${md(item.advice)}`).join('\n') + '\n',
  );

  parts.push('### Findings\n');
  parts.push(role.findings.length === 0 ? 'No findings.\n' : findingList(role.findings, false));
  if (role.notChecked.length > 0) parts.push(notCheckedList(role.notChecked));
  return parts.join('\n') + '\n';
}

const NOT_ASSESSED: Record<'NO_RESPONSIBILITIES' | 'LEVELS_NEED_REVIEW', string> = {
  NO_RESPONSIBILITIES:
    'Not assessed: no responsibilities are recorded for this role, so there is no mix to compare and no gap to show.',
  LEVELS_NEED_REVIEW:
    'Not assessed: every recorded responsibility needs review of its level, so there is no mix to compare and no gap to show yet.',
};

function notCheckedList(lines: readonly NotCheckedLine[]): string {
  return `Not checked for lack of data:\n\n${lines.map((line) => `- ${line.kindLabel}: ${line.reasonText}`).join('\n')}\n`;
}

function coverageText(coverage: Coverage): string {
  return `${coverage.withData} of ${coverage.positions} (${coverage.pct === null ? 'n/a' : formatPct(coverage.pct)})`;
}

function mixTable(mix: readonly MixLine[]): string {
  return table(
    ['Level', 'Expected', 'Actual', 'Gap'],
    ['left', 'right', 'right', 'right'],
    mix.map((line) => [line.label, formatPct(line.expectedPct), formatPct(line.actualPct), gapText(line.gapPoints)]),
  );
}

function gapText(points: number): string {
  if (points === 0) return '0';
  const rounded = Math.round(Math.abs(points) * 10) / 10;
  return `${points > 0 ? '+' : '−'}${rounded} pts`;
}

function delegationTable(lines: readonly DelegationLine[], withLeader: boolean): string {
  const headers = [...(withLeader ? ['Leader'] : []), 'Responsibility', 'Share', 'Suggested delegate', 'Review'];
  const align: Align[] = [...(withLeader ? ['left' as const] : []), 'left', 'right', 'left', 'left'];
  return table(
    headers,
    align,
    lines.map((line) => [
      ...(withLeader ? [md(describeRef(line.leader))] : []),
      md(line.responsibility),
      formatPct(line.sharePct),
      delegateText(line),
      reviewText(line.review),
    ]),
  );
}

/** The delegate and the knock-on that makes room, or who fits best and why nobody can yet. */
function delegateText(line: DelegationLine): string {
  if (line.delegate) {
    const peer = line.outcome === 'PEER_TEAM' ? ' (peer team)' : '';
    const chain = line.handOffs
      .map(
        (handOff) =>
          `; ${md(handOff.from.name ?? '')} hands “${md(handOff.responsibility)}” (${formatPct(handOff.sharePct)}) to ${md(describeRef(handOff.to))}`,
      )
      .join('');
    return `${md(describeRef(line.delegate))}${peer}${chain}`;
  }
  if (line.outcome === 'NO_ROOM' && line.bestFit) {
    return `none yet: best fit ${md(describeRef(line.bestFit))}, but nobody has the time (hire or re-scope)`;
  }
  return `none: ${md(line.noDelegateReason ?? '')}`;
}

function findingList(findings: readonly ReportFinding[], withSubject: boolean): string {
  return (
    findings
      .map((finding) => {
        const subject = withSubject ? ` ${md(describeRef(finding.subject))}:` : '';
        const note = finding.review.note ? ` Review note: ${md(finding.review.note)}` : '';
        return `- **${md(finding.kindLabel)}** (${finding.severityLabel}, ${finding.severity.toFixed(2)}; ${reviewText(finding.review)}):${subject} ${md(finding.explanation)}${note}`;
      })
      .join('\n') + '\n'
  );
}

function reviewText(review: ReviewState): string {
  const status = review.status.charAt(0) + review.status.slice(1).toLowerCase();
  if (!review.reviewedAt) return status;
  return `${status}${review.reviewer ? ` by ${md(review.reviewer)}` : ''} on ${review.reviewedAt.slice(0, 10)}`;
}

function delegationReview(report: DelegationReviewReport): string {
  const { totals, leader } = report;
  const parts: string[] = [];
  parts.push(`## ${md(describeRef(leader))} and team\n`);
  parts.push(
    [
      `- Team: ${report.teamSize} role${report.teamSize === 1 ? '' : 's'}, the leader included`,
      `- Delegation gaps: ${totals.gaps}, together ${formatPct(totals.sharePct)} of one full-time job`,
      `- With a suggested delegate: ${totals.withDelegate}; without: ${totals.withoutDelegate}`,
      `- Reviews: ${totals.byStatus.OPEN} open, ${totals.byStatus.ACCEPTED} accepted, ${totals.byStatus.DISMISSED} dismissed`,
      `- Positions with responsibilities recorded: ${coverageText(report.coverage)}`,
    ].join('\n') + '\n',
  );
  if (report.notChecked.length > 0) {
    parts.push(
      `Delegation not checked for lack of data:\n\n${report.notChecked.map((line) => `- ${md(describeRef(line.subject))}: ${line.reasonText}`).join('\n')}\n`,
    );
  }
  if (report.delegations.length === 0) {
    parts.push(
      `No delegation gaps in ${md(leader.name ?? leader.title)}’s team: every leader’s hands-on work is within what their role calls for.\n`,
    );
    return parts.join('\n');
  }
  parts.push('## Delegations\n');
  parts.push(delegationTable(report.delegations, true));
  parts.push('## Why\n');
  parts.push(
    report.delegations
      .map(
        (line) =>
          `- **${md(line.responsibility)}**: ${md(line.explanation)}${line.review.note ? ` Review note: ${md(line.review.note)}` : ''}`,
      )
      .join('\n') + '\n',
  );
  return parts.join('\n');
}

function organizationSummary(report: OrganizationSummaryReport): string {
  const { headline, spans, layers } = report;
  const parts: string[] = [];
  parts.push('## At a glance\n');
  parts.push(
    [
      `- Positions: ${headline.positions} (${headline.filled} filled, ${headline.vacant} vacant)`,
      `- Findings: ${headline.findings}`,
      `- Leaders (manager and above): ${headline.leaders}`,
      `- Leaders’ mean implementation share: ${headline.leaderTacticalLoadPct === null ? 'n/a' : formatPct(headline.leaderTacticalLoadPct)}`,
      `- Leaders’ time below their level: ${headline.leaderTimeBelowLevelPct === null ? 'n/a' : formatPct(headline.leaderTimeBelowLevelPct)}`,
    ].join('\n') + '\n',
  );
  parts.push('## Coverage\n');
  parts.push(coverageSection(report));
  parts.push('## Findings by kind\n');
  parts.push(
    table(
      ['Kind', 'Findings'],
      ['left', 'right'],
      report.findingsByKind.map((row) => [row.label, String(row.count)]),
    ),
  );
  parts.push('## Findings by department\n');
  parts.push(
    table(
      ['Department', 'Total', ...FINDING_KINDS.map((kind) => FINDING_KIND_LABELS[kind])],
      ['left', 'right', ...FINDING_KINDS.map(() => 'right' as const)],
      report.findingsByDepartment.map((row) => [
        md(row.department),
        String(row.total),
        ...FINDING_KINDS.map((kind) => String(row.byKind[kind])),
      ]),
    ),
  );
  parts.push('## Spans and layers\n');
  parts.push(
    `${spans.managers} managers; median span ${spans.medianSpan ?? 'n/a'}, widest ${spans.widestSpan}; the policy expects ${spans.policyMin} to ${spans.policyMax} direct reports.\n`,
  );
  parts.push(
    table(
      ['Direct reports', 'Managers', 'Within policy'],
      ['left', 'right', 'left'],
      spans.distribution.map((band) => [band.label, String(band.managers), band.outsidePolicy ? 'no' : 'yes']),
    ),
  );
  parts.push(
    `${layers.levels} levels from the top to the deepest position; the deepest line has ${layers.deepestLayers} reporting layers (the policy allows ${layers.policyMaxLayers}).\n`,
  );
  parts.push(
    table(
      ['Level', 'Positions'],
      ['right', 'right'],
      layers.positionsByLevel.map((row) => [String(row.level), String(row.positions)]),
    ),
  );
  const structure = [...spans.findings, ...layers.findings];
  if (structure.length > 0) parts.push(findingList(structure, true));
  parts.push('## Top risks\n');
  parts.push(report.topRisks.length === 0 ? 'No findings.\n' : findingList(report.topRisks, true));
  parts.push('## Tactical load of leaders\n');
  parts.push(
    report.tacticalLeaders.length === 0
      ? 'No leader spends more time on implementation than their tier calls for.\n'
      : table(
          ['Leader', 'Tier', 'Department', 'Implementation', 'Expected', 'Excess'],
          ['left', 'left', 'left', 'right', 'right', 'right'],
          report.tacticalLeaders.map((row) => [
            md(describeRef(row.leader)),
            row.tierLabel,
            md(row.department ?? ''),
            formatPct(row.implementationPct),
            formatPct(row.expectedImplementationPct),
            gapText(row.excessPoints),
          ]),
        ),
  );
  if (report.teamsAtRisk.length > 0) {
    parts.push('## Teams with the most severe findings per person\n');
    parts.push(
      table(
        ['Leader', 'Team size', 'Findings', 'Severity per person'],
        ['left', 'right', 'right', 'right'],
        report.teamsAtRisk.map((row) => [
          md(describeRef(row.leader)),
          String(row.headcount),
          String(row.findingCount),
          row.severityPerPerson.toFixed(2),
        ]),
      ),
    );
  }
  return parts.join('\n');
}

function delegationPlan(report: DelegationPlanReport): string {
  const { plan, tracking } = report;
  const parts: string[] = [];
  parts.push(`## ${md(plan.kindLabel)}: ${md(plan.name)}\n`);
  const decided =
    plan.decidedBy || plan.decidedAt
      ? [
          `- ${plan.status === 'REJECTED' ? 'Rejected' : 'Approved'} by: ${md(plan.decidedBy ?? 'HR')}${plan.decidedAt ? ` on ${plan.decidedAt.slice(0, 10)}` : ''}`,
        ]
      : [];
  parts.push(
    [
      `- Status: ${plan.statusLabel} (version ${plan.version})`,
      `- Owner: ${md(plan.owner)}`,
      ...decided,
      `- Edits limited to: ${plan.scopeEmployeeId ? `the part of the chart under ${md(plan.scopeEmployeeId)}` : 'none (the whole chart)'}`,
      `- Edits: ${report.edits.length}`,
    ].join('\n') + '\n',
  );
  if (plan.notes)
    parts.push(
      `**Notes:**\n\n${plan.notes
        .split(/\r?\n/)
        .map((line) => `> ${md(line)}`)
        .join('\n')}\n`,
    );

  parts.push('## Edits\n');
  parts.push(
    report.edits.length === 0
      ? 'No edits yet.\n'
      : table(
          ['#', 'Edit', 'From', 'To', 'Share', 'Proposed by', ...(tracking ? ['Progress'] : [])],
          ['right', 'left', 'left', 'left', 'right', 'left', ...(tracking ? ['left' as const] : [])],
          report.edits.map((edit) => [
            String(edit.number),
            md(edit.description) +
              (edit.valueLevelLabel ? ` (${md(edit.valueLevelLabel)})` : '') +
              (edit.problem ? ` **Does not apply:** ${md(edit.problem)}` : ''),
            planWho(edit.from),
            planWho(edit.to),
            edit.sharePct === null ? '' : `${edit.wholeTask ? 'all, ' : ''}${formatPct(edit.sharePct)}`,
            md(edit.proposedBy),
            ...(tracking ? [edit.tracking ? `${edit.tracking.progressLabel}: ${md(edit.tracking.detail)}` : ''] : []),
          ]),
        ),
  );

  parts.push('## Tracking\n');
  parts.push(
    tracking
      ? `Against snapshot ${tracking.snapshotVersion} (as of ${tracking.asOf}): ${tracking.done} done, ${tracking.partlyDone} partly done, ${tracking.notDone} not done.\n`
      : `${md(report.trackingNote ?? '')}\n`,
  );

  parts.push('## Before and after\n');
  parts.push(
    table(
      ['Figure', 'Before', 'After'],
      ['left', 'right', 'right'],
      report.figures.map((figure) => [md(figure.label), figureText(figure, figure.before), figureText(figure, figure.after)]),
    ),
  );
  if (report.affected.length === 0) parts.push('Nobody’s work changes.\n');
  for (const line of report.affected) {
    const change = line.change === 'CREATED' ? ' (new post)' : line.change === 'CLOSED' ? ' (post closed)' : '';
    parts.push(`### ${md(line.person.name ?? `Vacant: ${line.person.title}`)} (${md(line.person.externalId)})${change}\n`);
    const tier =
      line.tierBeforeLabel === line.tierAfterLabel
        ? (line.tierAfterLabel ?? '')
        : `${line.tierBeforeLabel ?? 'none'} → ${line.tierAfterLabel ?? 'none'}`;
    const managers =
      line.managerBefore?.externalId === line.managerAfter?.externalId
        ? planWho(line.managerAfter) || 'nobody'
        : `${planWho(line.managerBefore) || 'nobody'} → ${planWho(line.managerAfter) || 'nobody'}`;
    parts.push(
      `${md(line.person.title)} · **Tier:** ${md(tier)} · **Reports to:** ${managers} · **Booked time:** ${pctOrNone(line.bookedBeforePct)} → ${pctOrNone(line.bookedAfterPct)} · **Findings:** ${line.findingsBefore} → ${line.findingsAfter}\n`,
    );
    parts.push(
      table(
        ['Level', 'Expected', 'Before', 'After', 'Change'],
        ['left', 'right', 'right', 'right', 'right'],
        line.mix.map((mix) => [
          mix.label,
          formatPct(mix.expectedPct),
          pctOrNone(mix.beforePct),
          pctOrNone(mix.afterPct),
          mix.changePoints === null ? '' : gapText(mix.changePoints),
        ]),
      ),
    );
  }

  parts.push('## Findings that disappear\n');
  parts.push(report.resolved.length === 0 ? 'None.\n' : planFindingList(report.resolved));
  parts.push('## Findings that appear\n');
  parts.push(report.introduced.length === 0 ? 'None.\n' : planFindingList(report.introduced));
  return parts.join('\n');
}

function planWho(ref: PlanPersonRef | null): string {
  if (!ref) return '';
  return `${md(ref.name ?? (ref.title ? `Vacant: ${ref.title}` : 'unknown'))} (${md(ref.externalId)})`;
}

function pctOrNone(value: number | null): string {
  return value === null ? '–' : formatPct(value);
}

function figureText(figure: PlanFigure, value: number | null): string {
  if (value === null) return 'n/a';
  return figure.unit === 'percent' ? formatPct(value) : String(value);
}

function planFindingList(findings: readonly PlanFindingLine[]): string {
  return (
    findings
      .map(
        (finding) =>
          `- **${md(finding.kindLabel)}** (${finding.severityLabel}, ${finding.severity.toFixed(2)}): ${planWho(finding.subject)}: ${md(finding.explanation)}`,
      )
      .join('\n') + '\n'
  );
}

function coverageSection(report: OrganizationSummaryReport): string {
  const { coverage } = report;
  const parts = [
    `Positions with responsibilities recorded: ${coverageText(coverage.overall)}. Without them a position’s work is unknown: it is not read as free time, not suggested as a delegate, and the rules that need it are counted as not checked below.\n`,
    table(
      ['Department', 'Positions', 'With responsibilities', 'Coverage'],
      ['left', 'right', 'right', 'right'],
      coverage.byDepartment.map((row) => [
        md(row.department),
        String(row.positions),
        String(row.withData),
        row.pct === null ? 'n/a' : formatPct(row.pct),
      ]),
    ),
  ];
  parts.push(
    coverage.notChecked.length === 0
      ? 'Every rule could check everyone it applies to.\n'
      : `Not checked for lack of data:\n\n${coverage.notChecked
          .map(
            (row) =>
              `- ${row.label}: ${row.count} (${row.reasons.map((reason) => `${reason.text}: ${reason.count}`).join('; ')})`,
          )
          .join('\n')}\n`,
  );
  return parts.join('\n');
}

function appendixSection(appendix: ReportAppendix): string {
  return [
    '## Appendix: what severity means and how it is computed\n',
    table(
      ['Severity', 'Range', 'Meaning'],
      ['left', 'left', 'left'],
      appendix.severityBands.map((band) => [band.label, band.range, md(band.meaning)]),
    ),
    appendix.severityRules.map((rule) => `- **${md(rule.label)}**: ${md(rule.rule)}`).join('\n') + '\n',
    appendix.notes.map((note) => md(note)).join('\n\n') + '\n',
  ].join('\n');
}

type Align = 'left' | 'right';

/** A pipe table; cells are already escaped. */
function table(headers: string[], align: Align[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(align.map((side) => (side === 'right' ? '---:' : '---'))), ...rows.map(line)].join('\n') + '\n';
}

/** Escapes Markdown syntax and keeps a value on one line (tables cannot hold line breaks). */
export function md(value: string): string {
  return value.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\r\n|\r|\n/g, '<br>');
}
