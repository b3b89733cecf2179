import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { Report, RoleDefinitionsStream } from '../model/report-types';
import { waitForDrain } from '../output/text-output';
import type { WriteReportOptions } from '../write-report-options';
import { MeasureCache, PdfCanvas } from './pdf-canvas';
import { DELEGATION_PLAN_UNITS, drawDelegationPlan } from './pdf-delegation-plan';
import { delegationUnits, drawDelegationReview } from './pdf-delegation-review';
import { layOutWordsFaster, registerReportFonts, trimLayoutCaches } from './pdf-fonts';
import { drawOrganizationSummary, ORGANIZATION_SUMMARY_UNITS } from './pdf-organization-summary';
import { PdfByteWriter } from './pdf-output';
import type { PdfPass } from './pdf-pass';
import { drawRoleDefinitions } from './pdf-role-definitions';
import { PAGE } from './pdf-theme';

type Doc = InstanceType<typeof PDFDocument>;

/** Bytes pdfkit may hold ahead of a slow output before drawing waits for it. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Units (roles) between checks of the size of pdfkit's word layout caches (see trimLayoutCaches). */
const UNITS_PER_CACHE_TRIM = 200;
/** Units the layout pass draws between turns of the event loop (see layOut). */
const UNITS_PER_LAYOUT_YIELD = 10;

/**
 * Writes a report as PDF in two passes over the same drawing code:
 *
 * 1. Layout: runs the drawing code on a throw-away document (uncompressed, output discarded),
 *    measuring text without setting it, to learn how many pages there are and where each role
 *    starts; the measurements are kept for the final pass.
 * 2. Final: draws again into a document streamed to `out`, now printing "Page n of N" and the
 *    contents page numbers. pdfkit writes each page out as soon as the next one starts, and
 *    drawing pauses whenever the output falls behind, so memory stays flat however long the
 *    report is. (bufferPages would keep every page in memory until the end instead.)
 *
 * Progress counts units twice (laid out, then written): roles for role definitions, leaders
 * for a delegation review, sections for the summary.
 */
export async function writePdf(
  report: Report | RoleDefinitionsStream,
  out: Writable,
  options: WriteReportOptions = {},
): Promise<void> {
  const units = unitsOf(report);
  const total = units * 2;
  let done = 0;
  const progress = () => options.onProgress?.(++done, total);

  const measures = new MeasureCache();
  const { totalPages, entryPages, fits } = await layOut(report, measures, progress);

  const doc = newDocument(report, true);
  const bytes = new PdfByteWriter(doc as never, { compressOffThread: true });
  doc.pipe(out);
  let written = 0;
  measures.startReplay();
  const canvas = new PdfCanvas(doc, { ...frameTexts(report), totalPages }, measures);
  await draw(canvas, report, {
    entryPage: (index) => entryPages[index] ?? null,
    fitOf: (index) => fits[index] ?? 0,
    recordFit: () => undefined,
    startEntry: (index, page) => {
      // Same code, same input: a difference means the contents would point at wrong pages.
      if (entryPages[index] !== page)
        throw new Error(`PDF layout changed between passes (entry ${index + 1}: page ${entryPages[index]} vs ${page})`);
    },
    roleDone: async () => {
      progress();
      if (++written % UNITS_PER_CACHE_TRIM === 0) trimLayoutCaches(doc);
      await bytes.settle();
      await keepUpWith(doc, out);
    },
  });
  if (canvas.pageNumber !== totalPages)
    throw new Error(`PDF layout changed between passes (${totalPages} vs ${canvas.pageNumber} pages)`);
  await bytes.finish();
  doc.end();
  await finished(out);
}

/**
 * The layout pass, in a function of its own so that nothing of its throw-away document (pages,
 * outline, fonts) stays reachable while the final pass runs.
 */
async function layOut(
  report: Report | RoleDefinitionsStream,
  measures: MeasureCache,
  progress: () => void,
): Promise<{ totalPages: number; entryPages: number[]; fits: number[] }> {
  // Not captured by the callbacks below: V8 can keep their closure context alive after this
  // function returns (optimized drawing code still on the stack, running the final pass, holds
  // it), and with it the whole throw-away document, ~40 MB at 10,000 roles. They reach it through
  // `layout`, emptied at the end.
  const layout: { doc: Doc | null } = { doc: newDocument(report, false) };
  const layoutDoc = layout.doc as Doc;
  new PdfByteWriter(layoutDoc as never, { compressOffThread: false });
  layoutDoc.on('data', () => undefined);
  const entryPages: number[] = [];
  // How compact each role had to be to fit its pages; the final pass draws it the same way.
  const fits: number[] = [];
  const layoutCanvas = new PdfCanvas(layoutDoc, { ...frameTexts(report), totalPages: null, layoutOnly: true }, measures);
  let units = 0;
  await draw(layoutCanvas, report, {
    entryPage: () => null,
    startEntry: (index, page) => {
      entryPages[index] = page;
    },
    fitOf: () => null,
    recordFit: (index, fit) => {
      fits[index] = fit;
    },
    roleDone: async () => {
      progress();
      if (++units % UNITS_PER_CACHE_TRIM === 0 && layout.doc) trimLayoutCaches(layout.doc);
      // pdfkit pushes every line it writes into the document's readable buffer; the listener
      // above only starts taking them once the event loop turns, which a chain of awaits never
      // lets it do. Without this the whole throw-away document (about 13 KB a role in small
      // chunks) stayed in memory until the layout pass ended.
      if (units % UNITS_PER_LAYOUT_YIELD === 0) await new Promise((resolve) => setImmediate(resolve));
    },
  });
  layoutDoc.end();
  layout.doc = null;
  return { totalPages: layoutCanvas.pageNumber, entryPages, fits };
}

function newDocument(report: Report | RoleDefinitionsStream, compress: boolean): Doc {
  const { header } = report;
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: PAGE.size,
    compress,
    info: {
      Title: `${header.title}: ${header.organizationName}`,
      Subject: header.scopeLabel,
      Author: 'rolemap',
      Creator: 'rolemap',
      // The snapshot's date, not the clock: the same report gives the same file.
      CreationDate: new Date(`${header.asOf}T00:00:00Z`),
    },
    displayTitle: true,
  });
  registerReportFonts(doc);
  layOutWordsFaster(doc);
  return doc;
}

function frameTexts(report: Report | RoleDefinitionsStream): { runningTitle: string; footerText: string } {
  const { header } = report;
  const runningTitle = `${header.organizationName}  ·  ${header.title}`;
  return { runningTitle, footerText: `${runningTitle}  ·  Snapshot ${header.snapshotVersion}, ${header.asOf}` };
}

async function draw(canvas: PdfCanvas, report: Report | RoleDefinitionsStream, pass: PdfPass): Promise<void> {
  switch (report.kind) {
    case 'ROLE_DEFINITIONS':
      return drawRoleDefinitions(canvas, report, pass);
    case 'DELEGATION_REVIEW':
      return drawDelegationReview(canvas, report, pass);
    case 'ORGANIZATION_SUMMARY':
      return drawOrganizationSummary(canvas, report, pass);
    case 'DELEGATION_PLAN':
      return drawDelegationPlan(canvas, report, pass);
  }
}

function unitsOf(report: Report | RoleDefinitionsStream): number {
  switch (report.kind) {
    case 'ROLE_DEFINITIONS':
      return 'roleAt' in report ? report.roleCount : report.roles.length;
    case 'DELEGATION_REVIEW':
      return delegationUnits(report);
    case 'ORGANIZATION_SUMMARY':
      return ORGANIZATION_SUMMARY_UNITS;
    case 'DELEGATION_PLAN':
      return DELEGATION_PLAN_UNITS;
  }
}

/**
 * pdfkit pushes its output without regard for backpressure; once `out` is full, pipe pauses
 * the document and further pages pile up in its readable buffer. Waiting here until that
 * buffer is small again is what keeps memory bounded for a slow disk or HTTP client.
 */
async function keepUpWith(doc: Doc, out: Writable): Promise<void> {
  const buffered = () => (doc as unknown as Readable).readableLength + out.writableLength;
  while (buffered() > MAX_BUFFERED_BYTES) {
    if (out.writableNeedDrain) await waitForDrain(out);
    else await new Promise((resolve) => setImmediate(resolve));
  }
}
