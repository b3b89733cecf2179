import type {
  DelegationLine,
  NotCheckedLine,
  ReportAppendix,
  ReportFinding,
  ReportHeader,
  ReviewState,
} from '../model/report-types';
import { describeRef } from '../model/report-context';
import type { PdfCanvas, TextStyle } from './pdf-canvas';
import { COLOR, CONTENT_WIDTH, FONT, longDate, PAGE, SEVERITY_COLOR } from './pdf-theme';

/** Blocks several PDF reports share: the cover, key facts, figures, findings. */

export function drawCover(canvas: PdfCanvas, header: ReportHeader, contents: string): void {
  canvas.addCoverPage();
  const { doc } = canvas;
  const bandHeight = 300;
  doc.save().rect(0, 0, PAGE.width, bandHeight).fill(COLOR.accent).restore();
  doc.save().rect(0, bandHeight, PAGE.width, 4).fill(COLOR.actual).restore();
  canvas.label('ROLEMAP  ·  ROLE AND VALUE-LEVEL REVIEW', PAGE.marginLeft, 78, { size: 8.5, font: FONT.bold, color: '#C9D6E3' });
  canvas.textAt(header.title, PAGE.marginLeft, 140, CONTENT_WIDTH, { size: 34, font: FONT.bold, color: COLOR.white, lineGap: 2 });
  canvas.textAt(header.organizationName, PAGE.marginLeft, 192, CONTENT_WIDTH, { size: 17, color: '#E6ECF2' });

  canvas.y = bandHeight + 48;
  const facts: Array<[string, string]> = [
    ['Organization', header.organizationName],
    ['Snapshot', `Version ${header.snapshotVersion}, as of ${longDate(header.asOf)}`],
    ['Scope', header.scopeLabel],
    ['Contents', contents],
  ];
  drawFacts(canvas, facts, 110, 11);

  const closing =
    'Figures are shares of working time as recorded in the snapshot, compared with the mix the organization’s policy ' +
    'expects of each tier. Findings are prompts for a conversation with the people concerned, not verdicts; their ' +
    'review status shows where HR has already looked at them.';
  canvas.textAt(closing, PAGE.marginLeft, PAGE.height - PAGE.marginBottom - 60, CONTENT_WIDTH * 0.8, {
    size: 8.5,
    color: COLOR.muted,
    lineGap: 2,
  });
}

/** Label / value pairs, one per line, values wrapping in their own column. */
export function drawFacts(canvas: PdfCanvas, facts: ReadonlyArray<[string, string]>, keyWidth = 96, size = 9.5): void {
  const valueWidth = canvas.width - keyWidth;
  const keyStyle: TextStyle = { size: size - 1, color: COLOR.muted, font: FONT.bold };
  const valueStyle: TextStyle = { size, color: COLOR.ink };
  for (const [key, value] of facts) {
    const height = Math.max(canvas.measure(value, valueWidth, valueStyle), size + 2);
    canvas.ensureSpace(height);
    const y = canvas.y;
    canvas.textAt(key, canvas.left, y + 1, keyWidth - 8, keyStyle);
    canvas.textAt(value, canvas.left + keyWidth, y, valueWidth, valueStyle);
    canvas.y = y + height + 4;
  }
}

export interface Figure {
  value: string;
  label: string;
}

/** A row of headline figures in boxes. */
export function drawFigures(canvas: PdfCanvas, figures: readonly Figure[]): void {
  const gap = 10;
  const width = (canvas.width - gap * (figures.length - 1)) / figures.length;
  const labelStyle: TextStyle = { size: 8, color: COLOR.muted, lineGap: 1 };
  const labelHeight = Math.max(...figures.map((figure) => canvas.measure(figure.label, width - 16, labelStyle)));
  const height = 34 + labelHeight + 10;
  canvas.ensureSpace(height);
  const top = canvas.y;
  figures.forEach((figure, i) => {
    const x = canvas.left + i * (width + gap);
    canvas.doc.save().rect(x, top, width, height).fill(COLOR.zebra).restore();
    canvas.doc.save().rect(x, top, width, 2.5).fill(COLOR.accent).restore();
    canvas.textAt(figure.value, x + 8, top + 10, width - 16, { size: 18, font: FONT.bold, color: COLOR.accent });
    canvas.textAt(figure.label, x + 8, top + 36, width - 16, labelStyle);
  });
  canvas.y = top + height + 10;
}

export function reviewText(review: ReviewState): string {
  const status = review.status.charAt(0) + review.status.slice(1).toLowerCase();
  if (!review.reviewedAt) return `${status} (not reviewed yet)`;
  const by = review.reviewer ? ` by ${review.reviewer}` : '';
  const note = review.note ? `. Note: ${review.note}` : '';
  return `${status}${by} on ${longDate(review.reviewedAt)}${note}`;
}

/**
 * A finding as a block kept on one page: severity and kind (the severity in words next to its
 * colour), optionally who it is about, the explanation, and the review status.
 */
export function drawFinding(canvas: PdfCanvas, finding: ReportFinding, withSubject: boolean): void {
  const indent = 12;
  const width = canvas.width - indent;
  const titleText = `${finding.severityLabel} · ${finding.kindLabel}${withSubject ? ` · ${describeRef(finding.subject)}` : ''}`;
  const titleStyle: TextStyle = { size: 9.5, font: FONT.bold };
  const bodyStyle: TextStyle = { size: 9, lineGap: 1.5 };
  const reviewStyle: TextStyle = { size: 8.5, color: COLOR.muted, font: FONT.italic };
  const review = `Review: ${reviewText(finding.review)}`;
  const titleHeight = canvas.measure(titleText, width, titleStyle);
  const bodyHeight = canvas.measure(finding.explanation, width, bodyStyle);
  const reviewHeight = canvas.measure(review, width, reviewStyle);
  canvas.ensureSpace(titleHeight + bodyHeight + reviewHeight + 6);
  const top = canvas.y;
  const total = titleHeight + bodyHeight + reviewHeight + 4;
  canvas.doc
    .save()
    .rect(canvas.left, top + 1, 3.5, total - 2)
    .fill(SEVERITY_COLOR[finding.severityLabel])
    .restore();
  let y = top;
  y += canvas.textAt(titleText, canvas.left + indent, y, width, titleStyle) + 2;
  y += canvas.textAt(finding.explanation, canvas.left + indent, y, width, bodyStyle) + 2;
  y += canvas.textAt(review, canvas.left + indent, y, width, reviewStyle);
  canvas.y = y + 10;
}

/** The appendix every report ends with: what severity means and how each rule computes it. */
export function drawAppendix(canvas: PdfCanvas, appendix: ReportAppendix): void {
  canvas.section = 'Appendix';
  canvas.addPage();
  canvas.heading('Appendix: what severity means and how it is computed', 1);
  drawFacts(
    canvas,
    appendix.severityBands.map((band): [string, string] => [`${band.label} (${band.range})`, band.meaning]),
    130,
  );
  canvas.heading('How each finding’s severity is computed', 2);
  drawFacts(
    canvas,
    appendix.severityRules.map((rule): [string, string] => [rule.label, rule.rule]),
    130,
  );
  canvas.moveDown(6);
  for (const note of appendix.notes) canvas.paragraph(note, { size: 9, color: COLOR.muted, lineGap: 1.5 });
}

/** "Not checked for lack of data" bullets. */
export function drawNotChecked(canvas: PdfCanvas, lines: readonly NotCheckedLine[], subjects?: readonly string[]): void {
  if (lines.length === 0) return;
  canvas.paragraph('Not checked for lack of data:', { size: 9.5, font: FONT.bold }, 3);
  lines.forEach((line, i) =>
    canvas.bullet(`${subjects ? `${subjects[i]}: ` : ''}${line.kindLabel}: ${line.reasonText}`, { size: 9.5 }),
  );
}

/** The "Suggested delegate" cell text: the delegate and their knock-on, or the best fit and why not yet. */
export function delegateCell(line: DelegationLine): { text: string; detail?: string; color?: string } {
  if (line.delegate) {
    const chain = line.handOffs.map((handOff) => `${handOff.from.name} hands “${handOff.responsibility}” to ${handOff.to.name}`);
    const detail = [line.delegate.title, line.outcome === 'PEER_TEAM' ? 'peer team' : null, ...chain].filter(Boolean).join('; ');
    return { text: line.delegate.name ?? 'Vacant', detail };
  }
  if (line.outcome === 'NO_ROOM' && line.bestFit) {
    return { text: `Best fit: ${line.bestFit.name}`, detail: 'Nobody has the time: hire or re-scope', color: COLOR.outside };
  }
  return { text: 'No delegate', detail: line.noDelegateReason ?? undefined, color: COLOR.outside };
}
