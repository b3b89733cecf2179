import { formatPct } from '../model/level-advice';
import type { DelegationPlanReport, PlanFigure, PlanFindingLine, PlanPersonRef } from '../model/report-types';
import { drawAppendix, drawCover, drawFacts, drawFigures } from './pdf-blocks';
import type { PdfCanvas } from './pdf-canvas';
import type { PdfPass } from './pdf-pass';
import { type PdfCell, drawTable } from './pdf-table';
import { COLOR, FONT, SEVERITY_COLOR, longDate } from './pdf-theme';

/** Sections the plan is drawn in (for progress): the plan and its edits, before and after, findings. */
export const DELEGATION_PLAN_UNITS = 3;

export async function drawDelegationPlan(canvas: PdfCanvas, report: DelegationPlanReport, pass: PdfPass): Promise<void> {
  const { plan, tracking } = report;
  drawCover(
    canvas,
    report.header,
    `${report.edits.length} edit${report.edits.length === 1 ? '' : 's'}; ${plan.statusLabel.toLowerCase()}${tracking ? `, tracked against snapshot ${tracking.snapshotVersion}` : ''}`,
  );
  canvas.section = `${plan.kindLabel} · ${plan.name}`;
  canvas.addPage();
  canvas.heading(`${plan.kindLabel}: ${plan.name}`, 1);
  const decision: Array<[string, string]> =
    plan.decidedBy || plan.decidedAt
      ? [
          [
            plan.status === 'REJECTED' ? 'Rejected by' : 'Approved by',
            `${plan.decidedBy ?? 'HR'}${plan.decidedAt ? `, ${longDate(plan.decidedAt.slice(0, 10))}` : ''}`,
          ],
        ]
      : [];
  drawFacts(canvas, [
    ['Status', `${plan.statusLabel} (version ${plan.version})`],
    ['Owner', plan.owner],
    ...decision,
    ['Edits limited to', plan.scopeEmployeeId ? `the part of the chart under ${plan.scopeEmployeeId}` : 'none: the whole chart'],
    ...(plan.notes ? [['Notes', plan.notes] as [string, string]] : []),
  ]);
  canvas.moveDown(6);

  canvas.heading('Edits, in the order they apply', 2);
  if (report.edits.length === 0) canvas.paragraph('No edits yet.', { size: 10 });
  else
    drawTable(
      canvas,
      [
        { header: '#', share: 4, align: 'right' },
        { header: 'Edit', share: 34 },
        { header: 'From', share: 15 },
        { header: 'To', share: 15 },
        { header: 'Share', share: 10, align: 'right' },
        { header: tracking ? 'Progress' : 'Proposed by', share: 22 },
      ],
      report.edits.map((edit): PdfCell[] => [
        String(edit.number),
        {
          text: edit.description,
          detail:
            [edit.valueLevelLabel, edit.problem ? `Does not apply: ${edit.problem}` : null].filter(Boolean).join('; ') ||
            undefined,
          color: edit.problem ? COLOR.outside : undefined,
        },
        personCell(edit.from),
        personCell(edit.to),
        edit.sharePct === null ? '' : `${edit.wholeTask ? 'all, ' : ''}${formatPct(edit.sharePct)}`,
        tracking
          ? edit.tracking
            ? {
                text: edit.tracking.progressLabel,
                detail: edit.tracking.detail,
                color: edit.tracking.progress === 'DONE' ? COLOR.within : COLOR.outside,
              }
            : ''
          : edit.proposedBy,
      ]),
      { zebra: true },
    );
  canvas.moveDown(4);
  canvas.heading('Was the delegation done?', 2);
  if (tracking) {
    drawFigures(canvas, [
      { value: String(tracking.done), label: 'done' },
      { value: String(tracking.partlyDone), label: 'partly done' },
      { value: String(tracking.notDone), label: 'not done' },
    ]);
    canvas.paragraph(
      `Compared with snapshot ${tracking.snapshotVersion} (as of ${longDate(tracking.asOf)}): people are matched by employee id, work by its wording.`,
      { size: 9, color: COLOR.muted, lineGap: 1.5 },
    );
  } else canvas.paragraph(report.trackingNote ?? '', { size: 10 });
  await pass.roleDone();

  canvas.section = `${plan.kindLabel} · before and after`;
  canvas.addPage();
  canvas.heading('Before and after', 1);
  drawTable(
    canvas,
    [
      { header: 'Figure', share: 50 },
      { header: 'Before', share: 25, align: 'right' },
      { header: 'After', share: 25, align: 'right' },
    ],
    report.figures.map((figure) => [figure.label, figureText(figure, figure.before), figureText(figure, figure.after)]),
  );
  canvas.moveDown(6);
  if (report.affected.length === 0) canvas.paragraph('Nobody’s work changes.', { size: 10 });
  for (const line of report.affected) {
    const name = line.person.name ?? `Vacant: ${line.person.title}`;
    const change = line.change === 'CREATED' ? ' (new post)' : line.change === 'CLOSED' ? ' (post closed)' : '';
    canvas.heading(`${name} (${line.person.externalId})${change}`, 3, 120);
    const tier =
      line.tierBeforeLabel === line.tierAfterLabel
        ? (line.tierAfterLabel ?? '')
        : `${line.tierBeforeLabel ?? 'none'} → ${line.tierAfterLabel ?? 'none'}`;
    const managerBefore = personText(line.managerBefore) || 'nobody';
    const managerAfter = personText(line.managerAfter) || 'nobody';
    canvas.paragraph(
      `${line.person.title} · ${tier} · reports to ${managerBefore === managerAfter ? managerAfter : `${managerBefore} → ${managerAfter}`} · ` +
        `booked ${pctOrDash(line.bookedBeforePct)} → ${pctOrDash(line.bookedAfterPct)} · findings ${line.findingsBefore} → ${line.findingsAfter}`,
      { size: 9, color: COLOR.muted, lineGap: 1.5 },
      4,
    );
    drawTable(
      canvas,
      [
        { header: 'Level', share: 28 },
        { header: 'Expected', share: 18, align: 'right' },
        { header: 'Before', share: 18, align: 'right' },
        { header: 'After', share: 18, align: 'right' },
        { header: 'Change', share: 18, align: 'right' },
      ],
      line.mix.map((mix) => [
        mix.label,
        formatPct(mix.expectedPct),
        pctOrDash(mix.beforePct),
        pctOrDash(mix.afterPct),
        mix.changePoints === null ? '' : pointsText(mix.changePoints),
      ]),
      { fontSize: 8.5 },
    );
    canvas.moveDown(4);
  }
  await pass.roleDone();

  canvas.section = `${plan.kindLabel} · findings`;
  canvas.addPage();
  canvas.heading('Findings that disappear', 1);
  drawFindings(canvas, report.resolved);
  canvas.heading('Findings that appear', 1);
  drawFindings(canvas, report.introduced);
  await pass.roleDone();
  drawAppendix(canvas, report.appendix);
}

function drawFindings(canvas: PdfCanvas, findings: readonly PlanFindingLine[]): void {
  if (findings.length === 0) {
    canvas.paragraph('None.', { size: 10 }, 12);
    return;
  }
  for (const finding of findings) {
    const title = `${finding.severityLabel} · ${finding.kindLabel} · ${personText(finding.subject)}`;
    const titleStyle = { size: 9.5, font: FONT.bold };
    const bodyStyle = { size: 9, lineGap: 1.5 };
    const width = canvas.width - 12;
    const height = canvas.measure(title, width, titleStyle) + canvas.measure(finding.explanation, width, bodyStyle) + 2;
    canvas.ensureSpace(height + 6);
    const top = canvas.y;
    canvas.doc
      .save()
      .rect(canvas.left, top + 1, 3.5, height - 2)
      .fill(SEVERITY_COLOR[finding.severityLabel])
      .restore();
    let y = top + canvas.textAt(title, canvas.left + 12, top, width, titleStyle) + 2;
    y += canvas.textAt(finding.explanation, canvas.left + 12, y, width, bodyStyle);
    canvas.y = y + 10;
  }
}

function personCell(ref: PlanPersonRef | null): PdfCell {
  if (!ref) return '';
  return { text: ref.name ?? (ref.title ? `Vacant: ${ref.title}` : ref.externalId), detail: ref.externalId };
}

function personText(ref: PlanPersonRef | null): string {
  if (!ref) return '';
  return `${ref.name ?? (ref.title ? `Vacant: ${ref.title}` : 'unknown')} (${ref.externalId})`;
}

function pctOrDash(value: number | null): string {
  return value === null ? '–' : formatPct(value);
}

function pointsText(points: number): string {
  if (points === 0) return '0';
  const rounded = Math.round(Math.abs(points) * 10) / 10;
  return `${points > 0 ? '+' : '−'}${rounded} pts`;
}

function figureText(figure: PlanFigure, value: number | null): string {
  if (value === null) return 'n/a';
  return figure.unit === 'percent' ? formatPct(value) : String(value);
}
