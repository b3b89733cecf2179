import { VALUE_LEVEL_DESCRIPTIONS, VALUE_LEVEL_LABELS } from '@rolemap/domain';
import { formatPct, TAKE_ON_MIN_SHORTFALL_POINTS } from '../model/level-advice';
import { describeRef, LEVELS_TOP_DOWN } from '../model/report-context';
import type { RoleDefinition, RoleDefinitionsReport } from '../model/report-types';
import { delegateCell, drawAppendix, drawCover, drawFacts, drawFinding, drawNotChecked, reviewText } from './pdf-blocks';
import type { PdfCanvas } from './pdf-canvas';
import { drawMixChart, mixChartHeight } from './pdf-charts';
import { drawTable, type PdfRow } from './pdf-table';
import { COLOR, FONT, longDate } from './pdf-theme';
import type { PdfPass } from './pdf-pass';

const TOC_LINE = 13.5;
const TOC_INDENT = 9;
const TOC_MAX_INDENT_LEVELS = 5;

export async function drawRoleDefinitions(canvas: PdfCanvas, report: RoleDefinitionsReport, pass: PdfPass): Promise<void> {
  const { roles } = report;
  drawCover(canvas, report.header, `${roles.length} role definition${roles.length === 1 ? '' : 's'}`);
  drawHowToRead(canvas, report);
  if (roles.length > 1) drawContents(canvas, report, pass);
  for (let i = 0; i < roles.length; i++) {
    pass.startEntry(i, canvas.pageNumber + 1);
    drawRole(canvas, roles[i], i);
    await pass.roleDone();
  }
  drawAppendix(canvas, report.appendix);
}

function holderText(role: RoleDefinition): string {
  return role.holder ? role.holder.name : 'Vacant';
}

function drawHowToRead(canvas: PdfCanvas, report: RoleDefinitionsReport): void {
  canvas.section = 'How to read this report';
  canvas.addPage();
  canvas.heading('How to read this report', 1);
  canvas.paragraph(
    'Each role is described by how its time divides over four value levels of work, from doing the work itself to giving it direction. ' +
      'The organization’s policy sets the mix it expects of each tier; the report compares the holder’s recorded responsibilities with it.',
    { size: 10, lineGap: 2 },
    10,
  );
  for (const level of LEVELS_TOP_DOWN) {
    canvas.bullet(`${VALUE_LEVEL_LABELS[level]}: ${VALUE_LEVEL_DESCRIPTIONS[level]}.`, { size: 10 });
  }
  canvas.heading('Expected mix per tier', 2);
  drawTable(
    canvas,
    [
      { header: 'Tier', share: 3 },
      ...LEVELS_TOP_DOWN.map((level) => ({ header: VALUE_LEVEL_LABELS[level], share: 2, align: 'right' as const })),
    ],
    report.expectations.map((tier) => [tier.label, ...tier.mix.map((line) => formatPct(line.expectedPct))]),
  );
  canvas.heading('What each role page shows', 2);
  const sections: Array<[string, string]> = [
    ['Value-level mix', 'Expected share of time per level (blue) against the recorded share (orange), with the gap in points.'],
    [
      'Responsibilities by level',
      'What the holder does, grouped by level, with each responsibility’s share of time. “Carried over” marks work held since before the holder’s last promotion: the usual sign of a leader still doing their old job.',
    ],
    [
      'What to delegate and to whom',
      'Work below the role’s level worth handing over, with the report best placed to take it (someone with the right role and free time) or why nobody is.',
    ],
    [
      'What to take on at the role’s level',
      `Levels where the role spends at least ${TAKE_ON_MIN_SHORTFALL_POINTS} points less than its tier calls for, in words a job description can use.`,
    ],
    [
      'Findings',
      'Everything the analysis flagged about the role, with its explanation and where HR’s review of it stands (open, accepted or dismissed).',
    ],
  ];
  drawFacts(canvas, sections, 150, 9.5);
}

/** One line per role with its page; the layout pass fills in the numbers the final pass prints. */
function drawContents(canvas: PdfCanvas, report: RoleDefinitionsReport, pass: PdfPass): void {
  canvas.section = 'Contents';
  canvas.addPage();
  canvas.heading('Contents', 1, TOC_LINE * 3);
  canvas.moveDown(4);
  const { doc } = canvas;
  const topDepth = Math.min(...report.roles.map((role) => role.reportingLine.length));
  const numberWidth = 34;
  report.roles.forEach((role, i) => {
    canvas.ensureSpace(TOC_LINE);
    const y = canvas.y;
    const indent = Math.min(role.reportingLine.length - topDepth, TOC_MAX_INDENT_LEVELS) * TOC_INDENT;
    const titleWidth = canvas.width - indent - numberWidth - 12;
    const style = { size: 9, font: indent === 0 ? FONT.bold : FONT.regular, color: COLOR.ink };
    const text = canvas.fitLine(`${role.title}  ·  ${holderText(role)}`, titleWidth, style);
    canvas.label(text, canvas.left + indent, y, style);
    canvas.style(style);
    const textEnd = canvas.left + indent + doc.widthOfString(text) + 4;
    const page = pass.entryPage(i);
    const pageText = page === null ? '' : String(page);
    const numberRight = canvas.left + canvas.width;
    canvas.style({ size: 9 });
    const numberLeft = numberRight - doc.widthOfString(pageText) - 4;
    if (numberLeft > textEnd + 6) {
      doc
        .save()
        .moveTo(textEnd, y + 7.5)
        .lineTo(numberLeft, y + 7.5)
        .lineWidth(0.6)
        .dash(0.6, { space: 2.4 })
        .strokeColor(COLOR.faint)
        .stroke()
        .undash()
        .restore();
    }
    canvas.labelRight(pageText, numberRight, y, { size: 9 });
    doc.goTo(canvas.left, y - 1, canvas.width, TOC_LINE - 1, destination(i));
    canvas.y = y + TOC_LINE;
  });
}

function destination(index: number): string {
  return `role-${index + 1}`;
}

function drawRole(canvas: PdfCanvas, role: RoleDefinition, index: number): void {
  canvas.section = `${role.title} · ${holderText(role)}`;
  canvas.addPage();
  const { doc } = canvas;
  doc.addNamedDestination(destination(index));
  doc.outline.addItem(`${role.title} - ${holderText(role)}`);

  canvas.label(`${role.department ?? 'No department'}  ·  ${role.tierLabel}`.toUpperCase(), canvas.left, canvas.y, {
    size: 8,
    font: FONT.bold,
    color: COLOR.muted,
  });
  canvas.moveDown(14);
  canvas.heading(role.title, 1, 40);
  canvas.paragraph(
    role.holder ? `Held by ${role.holder.name} (${role.holder.employeeId})` : `Vacant post (${role.externalId})`,
    { size: 11, color: COLOR.muted },
    10,
  );

  const facts: Array<[string, string]> = [
    ['Reports to', role.reportingLine[0] ? describeRef(role.reportingLine[0]) : 'Nobody: top of the chart'],
  ];
  if (role.reportingLine.length > 1) {
    facts.push([
      'Reporting line',
      [...role.reportingLine]
        .reverse()
        .map((ref) => ref.name ?? `Vacant ${ref.title}`)
        .join('  >  '),
    ]);
  }
  facts.push(['Direct reports', String(role.directReports)]);
  if (role.location) facts.push(['Location', role.location]);
  if (role.promotedOn) facts.push(['Last promotion', longDate(role.promotedOn)]);
  facts.push(['Described time', `${formatPct(role.allocatedPct)} of the working time`]);
  drawFacts(canvas, facts);
  for (const note of role.notes) canvas.note(note);

  if (role.dataStatus !== 'RECORDED') {
    // No mix to compare: a chart of zeros against the expectation would read as gaps.
    canvas.heading('Assessment', 2, 30);
    canvas.paragraph(
      role.dataStatus === 'NO_RESPONSIBILITIES'
        ? 'Not assessed: no responsibilities are recorded for this role, so there is no mix to compare and no gap to show.'
        : 'Not assessed: every recorded responsibility needs review of its level, so there is no mix to compare and no gap to show yet.',
      { size: 9.5, color: COLOR.muted },
    );
    drawNotChecked(canvas, role.notChecked);
    if (role.findings.length > 0) {
      canvas.heading('Findings', 2, 60);
      for (const finding of role.findings) drawFinding(canvas, finding, false);
    }
    return;
  }

  canvas.heading('Value-level mix: expected vs actual', 2, mixChartHeight(role.mix.length));
  drawMixChart(canvas, role.mix, `Expected of ${article(role.tierLabel)} ${role.tierLabel.toLowerCase()}`);

  canvas.heading('Responsibilities by level', 2);
  if (role.responsibilityGroups.length === 0) {
    canvas.paragraph('No responsibilities are recorded for this role.', { size: 9.5, color: COLOR.muted });
  }
  let anyCarriedOver = false;
  const rows: PdfRow[] = [];
  for (const group of role.responsibilityGroups) {
    rows.push({ group: `${group.label}: ${formatPct(group.actualPct)} of the time (${formatPct(group.expectedPct)} expected)` });
    for (const item of group.responsibilities) {
      anyCarriedOver ||= item.carriedOver;
      rows.push([
        item.description ? { text: item.title, detail: item.description } : item.title,
        formatPct(item.sharePct),
        item.heldSince ? longDate(item.heldSince) : 'not known',
        item.carriedOver ? { text: 'Carried over', bold: true, color: COLOR.outside } : '',
      ]);
    }
  }
  if (rows.length > 0) {
    drawTable(
      canvas,
      [
        { header: 'Responsibility', share: 56 },
        { header: 'Share', share: 9, align: 'right' },
        { header: 'Held since', share: 21 },
        { header: '', share: 14 },
      ],
      rows,
    );
  }
  if (anyCarriedOver && role.promotedOn) {
    canvas.paragraph(`Carried over: held since before the last promotion on ${longDate(role.promotedOn)}.`, {
      size: 8.5,
      color: COLOR.muted,
      font: FONT.italic,
    });
  }

  if (role.delegations.length === 0 && role.levelsToTakeOn.length === 0 && role.findings.length === 0) {
    // Three "nothing here" sections would spill a tidy role onto a second page; one line says it all.
    canvas.heading('Assessment', 2, 30);
    canvas.paragraph(
      role.allocatedPct > 0
        ? `Nothing to delegate, nothing to take on and no findings: the recorded work matches what the role calls for within ${TAKE_ON_MIN_SHORTFALL_POINTS} points.`
        : 'Not assessed: no work is described for this role yet, and the analysis has no findings about it.',
      { size: 9.5, color: COLOR.muted },
    );
    return;
  }
  canvas.heading('What to delegate and to whom', 2, role.delegations.length === 0 ? 20 : 60);
  if (role.delegations.length === 0) {
    canvas.paragraph('Nothing to delegate: no work below the role’s level takes a notable share of the time.', {
      size: 9.5,
      color: COLOR.muted,
    });
  } else {
    drawTable(
      canvas,
      [
        { header: 'Responsibility', share: 38 },
        { header: 'Share', share: 9, align: 'right' },
        { header: 'Suggested delegate', share: 30 },
        { header: 'Review', share: 23 },
      ],
      role.delegations.map((line) => [
        line.responsibility,
        formatPct(line.sharePct),
        line.delegate || line.outcome === 'NO_ROOM'
          ? delegateCell(line)
          : { text: 'No delegate', detail: capitalise(line.noDelegateReason ?? ''), color: COLOR.outside },
        {
          text: line.review.status.charAt(0) + line.review.status.slice(1).toLowerCase(),
          detail: line.review.reviewedAt ? reviewText(line.review) : undefined,
        },
      ]),
    );
  }

  canvas.heading('What to take on at the role’s level', 2, role.levelsToTakeOn.length === 0 ? 20 : 40);
  if (role.levelsToTakeOn.length === 0) {
    canvas.paragraph(
      role.allocatedPct > 0
        ? `Nothing: every level is within ${TAKE_ON_MIN_SHORTFALL_POINTS} points of what the role calls for.`
        : 'Not assessed: no work is described for this role yet.',
      { size: 9.5, color: COLOR.muted },
    );
  }
  for (const item of role.levelsToTakeOn) canvas.bullet(item.advice, { size: 9.5 });

  canvas.heading('Findings', 2, role.findings.length === 0 ? 20 : 60);
  if (role.findings.length === 0) canvas.paragraph('No findings for this role.', { size: 9.5, color: COLOR.muted });
  for (const finding of role.findings) drawFinding(canvas, finding, false);
  drawNotChecked(canvas, role.notChecked);
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
