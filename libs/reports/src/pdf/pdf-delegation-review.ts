import { formatPct } from '../model/level-advice';
import { describeRef } from '../model/report-context';
import type { DelegationLine, DelegationReviewReport } from '../model/report-types';
import { delegateCell, drawAppendix, drawCover, drawFigures, drawNotChecked, reviewText } from './pdf-blocks';
import type { PdfCanvas } from './pdf-canvas';
import type { PdfPass } from './pdf-pass';
import { drawTable } from './pdf-table';
import { COLOR } from './pdf-theme';

export async function drawDelegationReview(canvas: PdfCanvas, report: DelegationReviewReport, pass: PdfPass): Promise<void> {
  const { totals, leader } = report;
  const leaderName = leader.name ?? `the vacant ${leader.title} post`;
  drawCover(
    canvas,
    report.header,
    `${totals.gaps} delegation gap${totals.gaps === 1 ? '' : 's'} in a team of ${report.teamSize}`,
  );
  canvas.section = `Delegation review · ${leaderName}`;
  canvas.addPage();
  canvas.heading(`Delegation review: ${describeRef(leader)}`, 1);
  canvas.paragraph(
    'A delegation gap is work below a leader’s level that takes a notable share of their time. Each one below names the report ' +
      'best placed to take it on (someone whose role includes that kind of work and who has the time), or says why nobody is.',
    { size: 10, lineGap: 2 },
    12,
  );
  drawFigures(canvas, [
    { value: String(totals.gaps), label: 'delegation gaps in the team' },
    { value: formatPct(totals.sharePct), label: 'of one full-time job to hand over, summed' },
    { value: `${totals.withDelegate} of ${totals.gaps}`, label: 'with a suggested delegate' },
    {
      value: String(totals.byStatus.OPEN),
      label: `open; ${totals.byStatus.ACCEPTED} accepted, ${totals.byStatus.DISMISSED} dismissed`,
    },
  ]);
  const { coverage } = report;
  canvas.paragraph(
    `Responsibilities are recorded for ${coverage.withData} of the ${coverage.positions} positions in the team. ` +
      'People without them are never suggested as delegates: their time is unknown, not free.',
    { size: 9.5, color: COLOR.muted, lineGap: 1.5 },
    8,
  );
  drawNotChecked(
    canvas,
    report.notChecked,
    report.notChecked.map((line) => describeRef(line.subject)),
  );
  if (report.delegations.length === 0) {
    canvas.paragraph(
      `No delegation gaps in ${leaderName}’s team (${report.teamSize} role${report.teamSize === 1 ? '' : 's'}): no leader spends a notable share of their time on work below their level.`,
      { size: 10.5 },
    );
    await pass.roleDone();
    drawAppendix(canvas, report.appendix);
    return;
  }
  for (const group of byLeader(report.delegations)) {
    const first = group[0];
    canvas.heading(describeRef(first.leader), 2, 70);
    drawTable(
      canvas,
      [
        { header: 'Responsibility', share: 36 },
        { header: 'Share', share: 9, align: 'right' },
        { header: 'Suggested delegate', share: 31 },
        { header: 'Review', share: 24 },
      ],
      group.map((line) => [
        line.responsibility,
        formatPct(line.sharePct),
        delegateCell(line),
        {
          text: line.review.status.charAt(0) + line.review.status.slice(1).toLowerCase(),
          detail: line.review.reviewedAt ? reviewText(line.review) : undefined,
        },
      ]),
    );
    for (const line of group) {
      canvas.paragraph(`${line.responsibility}: ${line.explanation}`, { size: 8.5, color: COLOR.muted, lineGap: 1.5 }, 5);
    }
    await pass.roleDone();
  }
  drawAppendix(canvas, report.appendix);
}

/** Consecutive lines of one leader (the report keeps each leader's gaps together). */
export function byLeader(lines: readonly DelegationLine[]): DelegationLine[][] {
  const groups: DelegationLine[][] = [];
  for (const line of lines) {
    const last = groups[groups.length - 1];
    if (last && last[0].leader.positionId === line.leader.positionId) last.push(line);
    else groups.push([line]);
  }
  return groups;
}

export function delegationUnits(report: DelegationReviewReport): number {
  return Math.max(1, byLeader(report.delegations).length);
}
