import { formatPct } from '../model/level-advice';
import { describeRef } from '../model/report-context';
import type { OrganizationSummaryReport } from '../model/report-types';
import { drawAppendix, drawCover, drawFigures, drawFinding } from './pdf-blocks';
import type { PdfCanvas } from './pdf-canvas';
import { type BarItem, barChartHeight, drawBarChart } from './pdf-charts';
import type { PdfPass } from './pdf-pass';
import { drawTable } from './pdf-table';
import { COLOR } from './pdf-theme';

/** Sections of the summary; progress counts them. */
export const ORGANIZATION_SUMMARY_UNITS = 5;

export async function drawOrganizationSummary(
  canvas: PdfCanvas,
  report: OrganizationSummaryReport,
  pass: PdfPass,
): Promise<void> {
  const { headline, spans, layers } = report;
  drawCover(canvas, report.header, `${headline.positions} roles, ${headline.findings} findings`);

  canvas.section = 'At a glance';
  canvas.addPage();
  canvas.heading('At a glance', 1);
  drawFigures(canvas, [
    { value: String(headline.positions), label: `positions (${headline.filled} filled, ${headline.vacant} vacant)` },
    { value: String(headline.findings), label: 'findings to review' },
    { value: pctOrDash(headline.leaderTacticalLoadPct), label: `mean implementation share of ${headline.leaders} leaders` },
    { value: pctOrDash(headline.leaderTimeBelowLevelPct), label: 'of leaders’ described time spent below their level' },
  ]);
  canvas.heading('Findings by kind', 2);
  drawBarChart(
    canvas,
    report.findingsByKind.map((row) => ({ label: row.label, value: row.count })),
  );
  canvas.heading('Findings by department', 2);
  drawTable(
    canvas,
    [
      { header: 'Department', share: 24 },
      { header: 'Total', share: 9, align: 'right' },
      ...report.findingsByKind.map((kind) => ({ header: kind.label, share: 13.4, align: 'right' as const })),
    ],
    report.findingsByDepartment.map((row) => [
      row.department,
      { text: String(row.total), bold: true },
      ...report.findingsByKind.map((kind) => String(row.byKind[kind.kind])),
    ]),
    { zebra: true },
  );
  const { coverage } = report;
  canvas.heading('Coverage', 2, 80);
  canvas.paragraph(
    `Responsibilities are recorded for ${coverage.overall.withData} of ${coverage.overall.positions} positions (${pctOrDash(coverage.overall.pct)}). ` +
      'Without them a position’s work is unknown: it is not read as free time, not suggested as a delegate, and the rules that need it are counted as not checked.',
    { size: 9.5, lineGap: 1.5 },
    8,
  );
  drawTable(
    canvas,
    [
      { header: 'Department', share: 46 },
      { header: 'Positions', share: 18, align: 'right' },
      { header: 'With responsibilities', share: 20, align: 'right' },
      { header: 'Coverage', share: 16, align: 'right' },
    ],
    coverage.byDepartment.map((row) => [row.department, String(row.positions), String(row.withData), pctOrDash(row.pct)]),
    { zebra: true },
  );
  for (const row of coverage.notChecked) {
    canvas.bullet(
      `${row.label}: not checked for ${row.count} ${row.count === 1 ? 'person' : 'people'} (${row.reasons.map((reason) => `${reason.text}: ${reason.count}`).join('; ')})`,
      { size: 9.5 },
    );
  }
  await pass.roleDone();

  canvas.section = 'Spans and layers';
  canvas.heading('Spans of control', 2, 50 + barChartHeight(spans.distribution.length));
  canvas.paragraph(
    `${spans.managers} people manage others. The median manager has ${spans.medianSpan ?? 'no'} direct reports and the widest span is ${spans.widestSpan}; ` +
      `the policy expects ${spans.policyMin} to ${spans.policyMax}. Bands outside that range are drawn in vermillion.`,
    { size: 9.5, lineGap: 1.5 },
    8,
  );
  drawBarChart(
    canvas,
    spans.distribution.map((band) => ({
      label: `${band.label} direct report${band.max === 1 ? '' : 's'}`,
      value: band.managers,
      valueText: band.outsidePolicy ? `${band.managers} (outside policy)` : String(band.managers),
      color: band.outsidePolicy ? COLOR.outside : COLOR.expected,
    })),
  );
  canvas.heading('Layers', 2, 50 + barChartHeight(levelBars(layers.positionsByLevel).length));
  canvas.paragraph(
    `The chart has ${layers.levels} level${layers.levels === 1 ? '' : 's'} from the top to the deepest position; the deepest reporting line has ` +
      `${layers.deepestLayers} layer${layers.deepestLayers === 1 ? '' : 's'} beneath its top, against at most ${layers.policyMaxLayers} in the policy.`,
    { size: 9.5, lineGap: 1.5 },
    8,
  );
  drawBarChart(canvas, levelBars(layers.positionsByLevel));
  const structure = [...spans.findings, ...layers.findings];
  if (structure.length > 0) {
    canvas.heading('Structure findings', 3, 50);
    for (const finding of structure) drawFinding(canvas, finding, true);
  }
  await pass.roleDone();

  canvas.section = 'Top risks';
  canvas.heading('Top risks', 2);
  if (report.topRisks.length === 0) canvas.paragraph('No findings.', { size: 9.5, color: COLOR.muted });
  for (const finding of report.topRisks) drawFinding(canvas, finding, true);
  await pass.roleDone();

  canvas.section = 'Tactical load of leaders';
  canvas.heading('Tactical load of leaders', 2);
  canvas.paragraph(
    headline.leaderTacticalLoadPct === null
      ? 'No leader has described work yet.'
      : `Leaders (managers and above) spend on average ${formatPct(headline.leaderTacticalLoadPct)} of their time on implementation work. ` +
          'The leaders furthest above what their tier calls for:',
    { size: 9.5, lineGap: 1.5 },
    8,
  );
  if (report.tacticalLeaders.length > 0) {
    drawTable(
      canvas,
      [
        { header: 'Leader', share: 40 },
        { header: 'Department', share: 18 },
        { header: 'Implementation', share: 14, align: 'right' },
        { header: 'Expected', share: 12, align: 'right' },
        { header: 'Carried over', share: 14, align: 'right' },
      ],
      report.tacticalLeaders.map((row) => [
        { text: row.leader.name ?? 'Vacant', detail: `${row.leader.title} (${row.tierLabel})` },
        row.department ?? '',
        { text: formatPct(row.implementationPct), bold: true },
        formatPct(row.expectedImplementationPct),
        formatPct(row.carriedOverPct),
      ]),
      { zebra: true },
    );
  }
  await pass.roleDone();

  if (report.teamsAtRisk.length > 0) {
    canvas.heading('Teams with the most severe findings per person', 2);
    drawTable(
      canvas,
      [
        { header: 'Leader', share: 50 },
        { header: 'Team size', share: 16, align: 'right' },
        { header: 'Findings', share: 16, align: 'right' },
        { header: 'Severity per person', share: 18, align: 'right' },
      ],
      report.teamsAtRisk.map((row) => [
        describeRef(row.leader),
        String(row.headcount),
        String(row.findingCount),
        row.severityPerPerson.toFixed(2),
      ]),
      { zebra: true },
    );
  }
  await pass.roleDone();
  drawAppendix(canvas, report.appendix);
}

function pctOrDash(value: number | null): string {
  return value === null ? '-' : formatPct(value);
}

/** A chart deeper than MAX_LEVEL_BARS levels (a bad import) gets its deepest levels summed in one bar, so it fits a page. */
const MAX_LEVEL_BARS = 24;

function levelBars(levels: ReadonlyArray<{ level: number; positions: number }>): BarItem[] {
  const bars: BarItem[] = levels
    .slice(0, MAX_LEVEL_BARS - 1)
    .map((row) => ({ label: row.level === 1 ? 'Level 1 (top)' : `Level ${row.level}`, value: row.positions }));
  if (levels.length >= MAX_LEVEL_BARS) {
    const rest = levels.slice(MAX_LEVEL_BARS - 1);
    bars.push({
      label: `Levels ${rest[0].level}-${rest[rest.length - 1].level}`,
      value: rest.reduce((sum, row) => sum + row.positions, 0),
    });
  }
  return bars;
}
