import { VALUE_LEVEL_DESCRIPTIONS, VALUE_LEVEL_LABELS } from '@rolemap/domain';
import { formatPct, TAKE_ON_MIN_SHORTFALL_POINTS } from '../model/level-advice';
import {
  DECIDES_FROM_PCT,
  KEY_ACCOUNTABILITY_LIMIT,
  keyAccountabilitiesOf,
  RECOMMENDS_FROM_PCT,
} from '../model/role-definition-parts';
import { describeRef, LEVELS_TOP_DOWN } from '../model/report-context';
import type { RoleContentsEntry, RoleDefinition, RoleDefinitionsReport, RoleDefinitionsStream } from '../model/report-types';
import { delegateCell, drawAppendix, drawCover, drawFacts, drawFinding, drawNotChecked, reviewText } from './pdf-blocks';
import type { PdfCanvas } from './pdf-canvas';
import { drawMixChart, mixChartHeight } from './pdf-charts';
import { drawTable, type PdfRow, tableHeight } from './pdf-table';
import { COLOR, FONT, longDate, PAGE } from './pdf-theme';
import type { PdfPass } from './pdf-pass';

const TOC_LINE = 13.5;
const TOC_INDENT = 9;
const TOC_MAX_INDENT_LEVELS = 5;

/**
 * Role definitions, from a report holding every role or from a stream that builds each role when
 * it is drawn (and again in the final pass): only the role being drawn is held.
 */
export async function drawRoleDefinitions(
  canvas: PdfCanvas,
  report: RoleDefinitionsReport | RoleDefinitionsStream,
  pass: PdfPass,
): Promise<void> {
  const { count, roleAt, contents } = rolesOf(report);
  drawCover(canvas, report.header, `${count} role definition${count === 1 ? '' : 's'}`);
  drawHowToRead(canvas, report);
  if (count > 1) drawContents(canvas, contents, pass);
  for (let i = 0; i < count; i++) {
    pass.startEntry(i, canvas.pageNumber + 1);
    drawFittedRole(canvas, roleAt(i), i, report.decisionRightsSource, pass);
    await pass.roleDone();
  }
  drawAppendix(canvas, report.appendix);
}

function rolesOf(report: RoleDefinitionsReport | RoleDefinitionsStream): {
  count: number;
  roleAt: (index: number) => RoleDefinition;
  contents: RoleContentsEntry[];
} {
  if ('roleAt' in report) return { count: report.roleCount, roleAt: report.roleAt, contents: report.contents };
  const { roles } = report;
  return {
    count: roles.length,
    roleAt: (index) => roles[index],
    contents: roles.map((role) => ({
      title: role.title,
      holderName: role.holder ? role.holder.name : null,
      depth: role.reportingLine.length,
    })),
  };
}

function holderText(role: RoleDefinition): string {
  return role.holder ? role.holder.name : 'Vacant';
}

function drawHowToRead(canvas: PdfCanvas, report: Pick<RoleDefinitionsReport, 'expectations' | 'decisionRightsSource'>): void {
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
    [
      'Purpose',
      'Why the role exists, in one paragraph. HR writes it for a job title or one post; until then a draft generated from the tier, the policy and the main accountabilities stands in, marked as a draft.',
    ],
    [
      'Key accountabilities',
      'The largest responsibilities, grouped by level, with each one’s share of time; smaller ones are counted per level. “Carried over” marks work held since before the holder’s last promotion: the usual sign of a leader still doing their old job.',
    ],
    ['Decision rights', `What the role decides, recommends and is consulted on at each level. ${report.decisionRightsSource}`],
    [
      'Expected vs actual level mix',
      'Expected share of time per level (blue) against the recorded share (orange), with the gap in points.',
    ],
    [
      'What to hand down',
      'Work below the role’s level worth handing over, with the report best placed to take it (someone with the right role and free time) or why nobody is.',
    ],
    [
      'What to take on',
      `Levels where the role spends at least ${TAKE_ON_MIN_SHORTFALL_POINTS} points less than its tier calls for, in words a job description can use.`,
    ],
    [
      'Findings',
      'Everything else the analysis flagged about the role, with its explanation and where HR’s review of it stands (open, accepted or dismissed).',
    ],
  ];
  drawFacts(canvas, sections, 150, 9.5);
}

/** One line per role with its page; the layout pass fills in the numbers the final pass prints. */
function drawContents(canvas: PdfCanvas, entries: RoleContentsEntry[], pass: PdfPass): void {
  canvas.section = 'Contents';
  canvas.addPage();
  canvas.heading('Contents', 1, TOC_LINE * 3);
  canvas.moveDown(4);
  const { doc } = canvas;
  const topDepth = Math.min(...entries.map((entry) => entry.depth));
  const numberWidth = 34;
  entries.forEach((entry, i) => {
    canvas.ensureSpace(TOC_LINE);
    const y = canvas.y;
    const indent = Math.min(entry.depth - topDepth, TOC_MAX_INDENT_LEVELS) * TOC_INDENT;
    const titleWidth = canvas.width - indent - numberWidth - 12;
    const style = { size: 9, font: indent === 0 ? FONT.bold : FONT.regular, color: COLOR.ink };
    const text = canvas.fitLine(`${entry.title}  ·  ${entry.holderName ?? 'Vacant'}`, titleWidth, style);
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
    if (!canvas.layoutOnly) doc.goTo(canvas.left, y - 1, canvas.width, TOC_LINE - 1, destination(i));
    canvas.y = y + TOC_LINE;
  });
}

function destination(index: number): string {
  return `role-${index + 1}`;
}

/**
 * How much of a role a page pair can take, from the fullest layout to the most compact. A role
 * is laid out at the first one that fits on one or two pages without a near-empty last page.
 */
export const ROLE_FITS = [
  { accountabilities: KEY_ACCOUNTABILITY_LIMIT, handDown: 6, findings: 'FULL' },
  { accountabilities: 6, handDown: 4, findings: 'TITLES' },
  { accountabilities: 4, handDown: 3, findings: 'LIST' },
] as const;
export type RoleFit = (typeof ROLE_FITS)[number];

/** At most this many pages per role, however much it holds (ROLE_FITS cut the long lists). */
export const MAX_ROLE_PAGES = 2;
/** A second page holding less than this (in points) is near-empty: a more compact layout is tried. */
export const MIN_LAST_PAGE_POINTS = 120;

/**
 * Draws a role at the compactness the layout pass chose. There, each layout is tried in turn on
 * the throw-away document and the canvas rewound until one fits: one page, or two whose second
 * holds more than a few lines. If none does, the first that keeps within two pages wins (else
 * the most compact).
 */
function drawFittedRole(canvas: PdfCanvas, role: RoleDefinition, index: number, source: string, pass: PdfPass): void {
  const chosen = pass.fitOf(index);
  if (chosen !== null) {
    drawRole(canvas, role, index, source, ROLE_FITS[chosen]);
    return;
  }
  const mark = canvas.mark();
  let fallback: number | null = null;
  for (let fit = 0; fit < ROLE_FITS.length; fit++) {
    if (fit > 0) canvas.rewind(mark);
    drawRole(canvas, role, index, source, ROLE_FITS[fit]);
    const pages = canvas.pageNumber - mark.pageNumber;
    const lastPageUsed = canvas.y - PAGE.marginTop;
    if (pages === 1 || (pages <= MAX_ROLE_PAGES && lastPageUsed >= MIN_LAST_PAGE_POINTS)) {
      pass.recordFit(index, fit);
      return;
    }
    if (pages <= MAX_ROLE_PAGES && fallback === null) fallback = fit;
  }
  const fit = fallback ?? ROLE_FITS.length - 1;
  if (fit !== ROLE_FITS.length - 1) {
    canvas.rewind(mark);
    drawRole(canvas, role, index, source, ROLE_FITS[fit]);
  }
  pass.recordFit(index, fit);
}

function drawRole(canvas: PdfCanvas, role: RoleDefinition, index: number, source: string, fit: RoleFit): void {
  canvas.section = `${role.title} · ${holderText(role)}`;
  canvas.addPage();
  const { doc } = canvas;
  // Kept by pdfkit for the end of the file (~0.7 KB a role): the throw-away layout document needs neither.
  if (!canvas.layoutOnly) {
    doc.addNamedDestination(destination(index));
    doc.outline.addItem(`${role.title} - ${holderText(role)}`);
  }

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
    6,
  );

  drawPurpose(canvas, role);
  drawFacts(canvas, roleFacts(role));
  for (const note of role.notes) canvas.note(note);

  drawAccountabilities(canvas, role, fit);
  drawDecisionRights(canvas, role);

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
    drawFindings(canvas, otherFindings(role), fit);
    return;
  }

  canvas.heading('Expected vs actual level mix', 2, mixChartHeight(role.mix.length));
  drawMixChart(canvas, role.mix, `Expected of ${article(role.tierLabel)} ${role.tierLabel.toLowerCase()}`);

  const findings = otherFindings(role);
  const nothing: string[] = [];
  if (role.delegations.length === 0) nothing.push('nothing to hand down (no work below the role’s level takes a notable share)');
  if (role.levelsToTakeOn.length === 0)
    nothing.push(
      role.allocatedPct > 0
        ? `nothing to take on (every level is within ${TAKE_ON_MIN_SHORTFALL_POINTS} points of what the role calls for)`
        : 'nothing to take on yet (no work is described)',
    );
  if (findings.length === 0) nothing.push('no other findings');

  drawHandDown(canvas, role, fit);
  if (role.levelsToTakeOn.length > 0) {
    canvas.heading('What to take on', 2, 40);
    for (const item of role.levelsToTakeOn) canvas.bullet(item.advice, { size: 9.5 });
  }
  drawFindings(canvas, findings, fit);
  if (nothing.length > 0) {
    // One line instead of a heading per empty section: they would spill a tidy role onto a page of its own.
    canvas.heading(nothing.length === 3 ? 'Assessment' : 'Also checked', 2, 24);
    canvas.paragraph(`${capitalise(nothing.join('; '))}.`, { size: 9.5, color: COLOR.muted });
  }
  drawNotChecked(canvas, role.notChecked);
}

function drawPurpose(canvas: PdfCanvas, role: RoleDefinition): void {
  const { purpose } = role;
  const draft = purpose.status === 'DRAFT';
  canvas.heading(draft ? 'Purpose (draft)' : 'Purpose', 2, 40);
  canvas.paragraph(purpose.text, { size: 10, lineGap: 2, font: draft ? FONT.italic : FONT.regular }, 3);
  canvas.paragraph(
    draft
      ? 'Draft from the tier, the policy and the main accountabilities; HR has not written this purpose yet.'
      : `Written by ${purpose.setBy ?? 'HR'}${purpose.setAt ? ` on ${longDate(purpose.setAt)}` : ''}${purpose.appliesTo === 'TITLE' ? ` for every “${role.title}”` : ' for this post'}.`,
    { size: 8, color: COLOR.muted },
    8,
  );
}

function roleFacts(role: RoleDefinition): Array<[string, string]> {
  const facts: Array<[string, string]> = [
    ['Reports to', role.reportingLine[0] ? describeRef(role.reportingLine[0]) : 'Nobody: top of the chart'],
  ];
  if (role.dottedLineManagers.length > 0) {
    facts.push(['Dotted line to', role.dottedLineManagers.map((ref) => describeRef(ref)).join('; ')]);
  }
  if (role.reportingLine.length > 1) {
    facts.push([
      'Reporting line',
      [...role.reportingLine]
        .reverse()
        .map((ref) => ref.name ?? `Vacant ${ref.title}`)
        .join('  >  '),
    ]);
  }
  facts.push(['Span', spanText(role)]);
  if (role.location) facts.push(['Location', role.location]);
  if (role.promotedOn) facts.push(['Last promotion', longDate(role.promotedOn)]);
  facts.push(['Described time', `${formatPct(role.allocatedPct)} of the working time`]);
  return facts;
}

function spanText(role: RoleDefinition): string {
  if (role.directReports === 0) return 'No reports';
  const direct = `${role.directReports} direct report${role.directReports === 1 ? '' : 's'}`;
  return role.totalReports > role.directReports ? `${direct}, ${role.totalReports} people in all` : direct;
}

function drawAccountabilities(canvas: PdfCanvas, role: RoleDefinition, fit: RoleFit): void {
  if (role.responsibilityGroups.length === 0) {
    canvas.heading('Key accountabilities', 2, 24);
    canvas.paragraph('None recorded yet: the purpose and decision rights below come from the tier alone.', {
      size: 9.5,
      color: COLOR.muted,
    });
    return;
  }
  const groups =
    fit.accountabilities === KEY_ACCOUNTABILITY_LIMIT
      ? role.keyAccountabilities
      : keyAccountabilitiesOf(role.responsibilityGroups, fit.accountabilities);
  let anyCarriedOver = false;
  const rows: PdfRow[] = [];
  for (const group of groups) {
    // The level and its share head the group's first row, so a group costs no row of its own.
    const level = {
      text: group.label,
      bold: true,
      detail: `${formatPct(group.sharePct)} (${formatPct(group.expectedPct)} expected)`,
    };
    group.items.forEach((item, i) => {
      anyCarriedOver ||= item.carriedOver;
      rows.push([
        i === 0 ? level : '',
        item.carriedOver ? { text: item.title, detail: 'Carried over', color: COLOR.ink } : item.title,
        formatPct(item.sharePct),
      ]);
    });
    if (group.otherCount > 0) {
      rows.push([
        '',
        { text: `${group.otherCount} smaller responsibilit${group.otherCount === 1 ? 'y' : 'ies'}`, color: COLOR.muted },
        { text: formatPct(group.otherSharePct), color: COLOR.muted },
      ]);
    }
  }
  const columns = [
    { header: 'Level', share: 24 },
    { header: 'Accountability', share: 62 },
    { header: 'Share of time', share: 14, align: 'right' as const },
  ];
  canvas.heading('Key accountabilities', 2, Math.min(tableHeight(canvas, columns, rows.slice(0, 3)), 120));
  drawTable(canvas, columns, rows);
  if (anyCarriedOver && role.promotedOn) {
    canvas.paragraph(`Carried over: held since before the last promotion on ${longDate(role.promotedOn)}.`, {
      size: 8.5,
      color: COLOR.muted,
      font: FONT.italic,
    });
  }
}

function drawDecisionRights(canvas: PdfCanvas, role: RoleDefinition): void {
  const columns = [
    { header: 'Level', share: 16 },
    { header: 'Right', share: 16 },
    { header: 'On', share: 58 },
    { header: 'Policy', share: 10, align: 'right' as const },
  ];
  const rows: PdfRow[] = role.decisionRights.map((right) => [
    right.label,
    { text: right.rightLabel, bold: right.right === 'DECIDES' },
    right.matter,
    formatPct(right.expectedPct),
  ]);
  const sourceStyle = { size: 8, color: COLOR.muted, font: FONT.italic };
  const height =
    tableHeight(canvas, columns, rows, { fontSize: 8.5 }) + canvas.measure(DECISION_NOTE, canvas.width, sourceStyle) + 6;
  canvas.heading('Decision rights', 2, height);
  drawTable(canvas, columns, rows, { keepTogether: true, fontSize: 8.5 });
  canvas.paragraph(DECISION_NOTE, sourceStyle, 4);
}

/** Where decision rights come from, short enough for every role page (the full rule is on "How to read"). */
const DECISION_NOTE = `From the tier’s expected share of time in the policy (last column): ${DECIDES_FROM_PCT}% or more decides, ${RECOMMENDS_FROM_PCT}% or more recommends, less is consulted.`;

function drawHandDown(canvas: PdfCanvas, role: RoleDefinition, fit: RoleFit): void {
  if (role.delegations.length === 0) return;
  const shown = role.delegations.slice(0, fit.handDown);
  const rest = role.delegations.slice(fit.handDown);
  const columns = [
    { header: 'Responsibility', share: 38 },
    { header: 'Share', share: 9, align: 'right' as const },
    { header: 'Hand down to', share: 30 },
    { header: 'Review', share: 23 },
  ];
  const rows: PdfRow[] = shown.map((line) => [
    line.responsibility,
    formatPct(line.sharePct),
    line.delegate || line.outcome === 'NO_ROOM'
      ? delegateCell(line)
      : { text: 'No delegate', detail: capitalise(line.noDelegateReason ?? ''), color: COLOR.outside },
    {
      text: `${line.severityLabel} · ${line.review.status.charAt(0)}${line.review.status.slice(1).toLowerCase()}`,
      detail: line.review.reviewedAt ? reviewText(line.review) : undefined,
    },
  ]);
  canvas.heading('What to hand down', 2, Math.min(tableHeight(canvas, columns, rows.slice(0, 2)), 140));
  drawTable(canvas, columns, rows);
  if (rest.length > 0) {
    const share = rest.reduce((sum, line) => sum + line.sharePct, 0);
    canvas.paragraph(
      `And ${rest.length} smaller item${rest.length === 1 ? '' : 's'} (${formatPct(share)} of the time in all), listed in the spreadsheet export of this report.`,
      { size: 8.5, color: COLOR.muted },
    );
  }
}

/** Delegation gaps are listed under "What to hand down"; the other findings get their own section. */
function otherFindings(role: RoleDefinition): RoleDefinition['findings'] {
  return role.findings.filter((finding) => finding.kind !== 'DELEGATION_GAP');
}

function drawFindings(canvas: PdfCanvas, findings: RoleDefinition['findings'], fit: RoleFit): void {
  if (findings.length === 0) return;
  canvas.heading('Findings', 2, 60);
  if (fit.findings === 'FULL') {
    for (const finding of findings) drawFinding(canvas, finding, false);
    return;
  }
  for (const finding of findings) {
    const review = finding.review.status.charAt(0) + finding.review.status.slice(1).toLowerCase();
    const text =
      fit.findings === 'TITLES'
        ? `${finding.severityLabel} · ${finding.kindLabel} (${review}): ${firstSentence(finding.explanation)}`
        : `${finding.severityLabel} · ${finding.kindLabel} (${review})`;
    canvas.bullet(text, { size: 9 }, 3);
  }
  if (fit.findings === 'LIST') {
    canvas.paragraph('The explanations are in the spreadsheet and Markdown exports of this report.', {
      size: 8.5,
      color: COLOR.muted,
    });
  }
}

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text);
  return match ? match[1] : text;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
