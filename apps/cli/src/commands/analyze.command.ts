import type { AnalysisFinding, AnalysisSummary } from '@rolemap/analysis';
import { FINDING_KIND_LABELS, FINDING_KINDS, NOT_CHECKED_REASON_TEXT, NOT_CHECKED_REASONS } from '@rolemap/domain';
import {
  AnalysisService,
  LOCAL_OPERATOR,
  OrganizationsService,
  PolicyService,
  type ReviewedFinding,
  ReviewsService,
  SnapshotsService,
} from '@rolemap/server-core';
import { withServices } from '../cli-app';
import { parseVersionOption, resolveOrganization, resolveSnapshot } from '../organization-option';
import { readPolicyFile } from '../policy-file';

interface AnalyzeOptions {
  org?: string;
  snapshot?: string;
  policy?: string;
  json?: boolean;
}

/** `rolemap analyze`: the findings of a snapshot as a table or JSON; a --policy file is a what-if run. */
export async function runAnalyze(options: AnalyzeOptions): Promise<void> {
  const version = parseVersionOption('--snapshot', options.snapshot);
  await withServices([], async (app) => {
    const organization = await resolveOrganization(app.get(OrganizationsService), options.org);
    const snapshot = await resolveSnapshot(app.get(SnapshotsService), organization, version);
    const policy = options.policy
      ? readPolicyFile(options.policy, await app.get(PolicyService).policy(LOCAL_OPERATOR, organization.id))
      : undefined;
    const analysis = await app.get(AnalysisService).analysisOf(LOCAL_OPERATOR, snapshot, policy);
    const reviewed = await app.get(ReviewsService).reviewed(LOCAL_OPERATOR, organization.id, analysis.result.findings);
    const nameOf = (positionId: string) => analysis.index.node(positionId)?.person?.name ?? null;
    const titleOf = (positionId: string) => analysis.index.node(positionId)?.position.title ?? '';
    if (options.json) {
      console.log(
        JSON.stringify({
          organization: organization.name,
          snapshot: snapshot.version,
          asOf: snapshot.asOf,
          findings: reviewed.map(({ finding, review }) => ({
            ...finding,
            name: nameOf(finding.positionId),
            title: titleOf(finding.positionId),
            status: review?.status ?? 'OPEN',
            reviewNote: review?.note ?? null,
          })),
          summary: analysis.result.summary,
          // Rules that could not judge someone for lack of data (summary.notChecked counts them).
          notChecked: analysis.result.notChecked.map((entry) => ({
            ...entry,
            name: nameOf(entry.positionId),
            title: titleOf(entry.positionId),
            reasonText: NOT_CHECKED_REASON_TEXT[entry.reason],
          })),
        }),
      );
      return;
    }
    printSummary(organization.name, snapshot.version, snapshot.asOf, analysis.result.summary);
    printFindingsTable(reviewed, nameOf, titleOf);
  });
}

function printSummary(organization: string, version: number, asOf: string, summary: AnalysisSummary): void {
  console.log(
    `${organization}, snapshot v${version} (as of ${asOf}): ${summary.positionCount} positions, ${summary.findingCount} findings`,
  );
  for (const [kind, count] of Object.entries(summary.byKind)) {
    console.log(`  ${FINDING_KIND_LABELS[kind as keyof typeof FINDING_KIND_LABELS].padEnd(26)} ${String(count).padStart(6)}`);
  }
  printCoverage(summary);
  if (summary.leaderTacticalLoadPct !== null) {
    console.log(
      `  Leaders (${summary.leaderCount}) spend on average ${summary.leaderTacticalLoadPct.toFixed(0)}% of their time on implementation; ` +
        `${summary.leaderTimeBelowLevelPct?.toFixed(0) ?? '—'}% of their described time is below their level.`,
    );
  }
  console.log('');
}

/** How much of the chart the findings could see, and what they could not check. */
function printCoverage(summary: AnalysisSummary): void {
  const { coverage, coverageByDepartment, notChecked } = summary;
  const pct = coverage.pct === null ? '' : ` (${coverage.pct}%)`;
  console.log(
    `  Coverage: responsibilities recorded for ${count(coverage.withData)} of ${count(coverage.positions)} positions${pct}`,
  );
  const gaps = coverageByDepartment.filter((department) => department.withoutData > 0);
  if (gaps.length > 0) {
    const shown = gaps
      .slice(0, 5)
      .map((department) => `${department.department ?? 'no department'} ${department.withData}/${department.positions}`);
    console.log(`    least covered: ${shown.join(', ')}${gaps.length > 5 ? `, and ${gaps.length - 5} more departments` : ''}`);
  }
  if (notChecked.count > 0) {
    const kinds = FINDING_KINDS.filter((kind) => notChecked.byKind[kind] > 0).map(
      (kind) =>
        `${FINDING_KIND_LABELS[kind]} for ${notChecked.byKind[kind]} ${notChecked.byKind[kind] === 1 ? 'person' : 'people'}`,
    );
    const reasons = NOT_CHECKED_REASONS.filter((reason) => notChecked.byReason[reason] > 0).map(
      (reason) => `${NOT_CHECKED_REASON_TEXT[reason]} (${notChecked.byReason[reason]})`,
    );
    console.log(`  Could not be checked for lack of data: ${kinds.join('; ')}: ${reasons.join(', ')}`);
  }
  if (summary.unclassifiedCount > 0) {
    console.log(
      `  ${count(summary.unclassifiedCount)} responsibilities need review of their level (left out of the findings): see \`rolemap review-queue\``,
    );
  }
}

const count = (value: number) => value.toLocaleString('en-US');

function printFindingsTable(
  reviewed: ReviewedFinding[],
  nameOf: (positionId: string) => string | null,
  titleOf: (positionId: string) => string,
): void {
  const rows = reviewed.map(({ finding, review }) => [
    finding.severity.toFixed(2),
    FINDING_KIND_LABELS[finding.kind],
    finding.employeeId ?? '—',
    nameOf(finding.positionId) ?? 'Vacant',
    titleOf(finding.positionId),
    detailOf(finding),
    review?.status ?? 'OPEN',
  ]);
  const header = ['SEVERITY', 'KIND', 'EMPLOYEE', 'NAME', 'TITLE', 'DETAIL', 'STATUS'];
  const widths = header.map((title, column) => Math.min(40, Math.max(title.length, ...rows.map((row) => row[column].length))));
  const line = (cells: string[]) => cells.map((cell, column) => fit(cell, widths[column])).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '─'.repeat(width)).join('  '));
  reviewed.forEach(({ finding }, index) => {
    console.log(line(rows[index]));
    console.log(`    ${wrap(finding.explanation, 110).join('\n    ')}`);
  });
}

function detailOf(finding: AnalysisFinding): string {
  switch (finding.kind) {
    case 'DELEGATION_GAP': {
      const to = finding.delegateName ?? (finding.bestFitName ? `best fit ${finding.bestFitName}, no room` : 'no delegate');
      const handOffs = finding.handOffs.length
        ? ` (+${finding.handOffs.length} hand-off${finding.handOffs.length > 1 ? 's' : ''})`
        : '';
      return `${finding.responsibility} (${finding.sharePct}%) → ${to}${handOffs}`;
    }
    case 'PROMOTED_STILL_TACTICAL':
      return `${finding.implementationPct}% impl. vs ${finding.expectedImplementationPct}% expected`;
    case 'PIGEONHOLING_RISK':
      return `rated ${finding.rating}, ${finding.yearsInRole.toFixed(1)} y in role`;
    case 'SPAN_OF_CONTROL':
      return `${finding.directReports} direct reports`;
    case 'LAYERS':
      return `${finding.layers} layers (limit ${finding.limit})`;
  }
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && current.length + word.length + 1 > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}
