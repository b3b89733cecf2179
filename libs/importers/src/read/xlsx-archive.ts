import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { type ReadLimits, count } from './read-limits';
import { ReadError } from './read-error';

/** Excel's own limit; a row with more cells than this is not a worksheet Excel wrote. */
export const XLSX_MAX_COLUMNS = 16_384;
/** A real workbook has a few dozen parts. */
const MAX_PARTS = 10_000;
/** Parts smaller than this unpacked are not checked for their compression ratio. */
const RATIO_GRACE_BYTES = 1024 * 1024;

export interface WorksheetPart {
  /** The sheet's name as Excel shows it, when the workbook says; else its part path. */
  name: string;
  path: string;
  xmlBytes: number;
  rows: number;
  cells: number;
}

export interface WorkbookInspection {
  /**
   * The workbook rebuilt from the checked parts only, with fresh headers agreeing with its
   * directory: a zip can carry data its directory does not list (read by streaming readers) or
   * headers that disagree with it, and neither reaches the spreadsheet reader this way.
   */
  archive: Buffer;
  worksheets: WorksheetPart[];
  sharedStringsBytes: number;
  cells: number;
}

type PartKind = 'worksheet' | 'sharedStrings' | 'workbook' | 'workbookRels' | 'other';

interface CheckedPart {
  entry: Entry;
  raw: Buffer;
}

/**
 * Checks a workbook before any spreadsheet code unpacks it: every part's unpacked size against
 * its limit and its compression ratio (from the zip directory, which the unpacking here holds
 * each part to, byte for byte), and every worksheet's rows and cells, counted from its XML as
 * it streams by. A zip bomb or a sheet of millions of rows is refused in well under a second,
 * with nothing but a counter in memory.
 */
export async function inspectWorkbook(data: Buffer, fileName: string, limits: ReadLimits): Promise<WorkbookInspection> {
  const zip = await openZip(data, fileName);
  try {
    const entries = await listEntries(zip, fileName);
    checkDeclaredSizes(entries, fileName, limits);
    // The sheet names come first, so messages can name a sheet the way Excel shows it.
    const texts = new Map<PartKind, string>();
    for (const entry of entries) {
      const kind = partKind(entry.fileName);
      if (kind !== 'workbook' && kind !== 'workbookRels') continue;
      const chunks: Buffer[] = [];
      await readEntry(zip, entry, true, fileName, (chunk) => chunks.push(chunk));
      texts.set(kind, Buffer.concat(chunks).toString('utf8'));
    }
    const names = sheetNames(texts.get('workbook') ?? '', texts.get('workbookRels') ?? '');
    const parts: CheckedPart[] = [];
    const worksheets: WorksheetPart[] = [];
    const total = { cells: 0 };
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const sheet =
        partKind(entry.fileName) === 'worksheet'
          ? { name: names.get(entry.fileName) ?? entry.fileName, path: entry.fileName, xmlBytes: entry.uncompressedSize }
          : null;
      const counter = sheet ? new SheetTagCounter(fileName, sheet.name, limits, total) : null;
      // Every part is unpacked once here, held to its declared size, before a reader may trust that size.
      await readEntry(zip, entry, true, fileName, (chunk) => counter?.push(chunk));
      if (sheet && counter) worksheets.push({ ...sheet, rows: counter.rows, cells: counter.cells });
      const raw: Buffer[] = [];
      await readEntry(zip, entry, false, fileName, (chunk) => raw.push(chunk));
      parts.push({ entry, raw: Buffer.concat(raw) });
    }
    const sharedStrings = entries.find((entry) => partKind(entry.fileName) === 'sharedStrings');
    return {
      archive: repack(parts),
      worksheets,
      sharedStringsBytes: sharedStrings?.uncompressedSize ?? 0,
      cells: total.cells,
    };
  } finally {
    zip.close();
  }
}

function partKind(path: string): PartKind {
  const lower = path.toLowerCase();
  if (/^xl\/worksheets\/[^/]+\.xml$/.test(lower)) return 'worksheet';
  if (lower === 'xl/sharedstrings.xml') return 'sharedStrings';
  if (lower === 'xl/workbook.xml') return 'workbook';
  if (lower === 'xl/_rels/workbook.xml.rels') return 'workbookRels';
  return 'other';
}

function checkDeclaredSizes(entries: Entry[], fileName: string, limits: ReadLimits): void {
  let total = 0;
  for (const entry of entries) {
    const kind = partKind(entry.fileName);
    const limit =
      kind === 'worksheet'
        ? limits.maxSheetXmlBytes
        : kind === 'sharedStrings'
          ? limits.maxSharedStringsBytes
          : limits.maxWorkbookPartBytes;
    const what =
      kind === 'worksheet' ? 'a worksheet' : kind === 'sharedStrings' ? 'its shared strings' : `part ${entry.fileName}`;
    if (entry.isEncrypted()) {
      throw new ReadError('UNREADABLE_FILE', `${fileName} is password-protected; save it without a password and upload again.`);
    }
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new ReadError(
        'UNREADABLE_FILE',
        `${fileName} could not be opened as an Excel workbook: ${entry.fileName} uses compression method ${entry.compressionMethod}.`,
      );
    }
    if (entry.uncompressedSize > limit) {
      throw new ReadError(
        'WORKBOOK_TOO_LARGE',
        `${fileName} unpacks to more than ${megabytes(limit)} in ${what} (${megabytes(entry.uncompressedSize)}); ` +
          'save a copy with only the table to import, or export it as CSV.',
      );
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_GRACE_BYTES && ratio > limits.maxCompressionRatio) {
      throw new ReadError(
        'WORKBOOK_TOO_LARGE',
        `${fileName} is not read: ${what} unpacks ${Math.round(ratio).toLocaleString('en')} times its packed size ` +
          `(${megabytes(entry.uncompressedSize)}), as zip bombs do; spreadsheets pack at most ${limits.maxCompressionRatio} times. Export it again, or as CSV.`,
      );
    }
    total += entry.uncompressedSize;
    if (total > limits.maxWorkbookBytes) {
      throw new ReadError(
        'WORKBOOK_TOO_LARGE',
        `${fileName} unpacks to more than ${megabytes(limits.maxWorkbookBytes)}; save a copy with only the table to import, or export it as CSV.`,
      );
    }
  }
}

/**
 * Counts `<row>` and `<c>` elements (any namespace prefix) in worksheet XML as it streams by.
 * In XML every `<` opens markup, so no parser is needed to find them.
 */
class SheetTagCounter {
  rows = 0;
  cells = 0;
  private cellsInRow = 0;
  private carry: Buffer | null = null;

  constructor(
    private readonly fileName: string,
    private readonly sheetName: string,
    private readonly limits: ReadLimits,
    private readonly total: { cells: number },
  ) {}

  push(chunk: Buffer): void {
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    let position = 0;
    for (;;) {
      const open = data.indexOf(0x3c, position);
      if (open === -1) return;
      let end = open + 1;
      while (end < data.length && end - open <= 32 && isNameByte(data[end])) end++;
      if (end >= data.length) {
        this.carry = Buffer.from(data.subarray(open)); // the name continues in the next chunk
        return;
      }
      this.tag(data, open + 1, end);
      position = end;
    }
  }

  private tag(data: Buffer, start: number, end: number): void {
    let nameStart = start;
    for (let index = start; index < end; index++) if (data[index] === 0x3a) nameStart = index + 1; // after a prefix:
    const length = end - nameStart;
    if (length === 3 && data[nameStart] === 0x72 && data[nameStart + 1] === 0x6f && data[nameStart + 2] === 0x77) {
      this.rows++;
      this.cellsInRow = 0;
      // Checked here as well as at the end: counting on through millions of rows past the limit is wasted time.
      if (this.rows > this.limits.maxRows) {
        throw new ReadError(
          'TOO_MANY_ROWS',
          `${this.fileName}: sheet "${this.sheetName}" has more than ${count(this.limits.maxRows)} rows; split it into smaller files.`,
        );
      }
    } else if (length === 1 && data[nameStart] === 0x63) {
      this.cells++;
      this.total.cells++;
      if (++this.cellsInRow > XLSX_MAX_COLUMNS) {
        throw new ReadError(
          'TOO_MANY_COLUMNS',
          `${this.fileName}: sheet "${this.sheetName}" has a row with more than ${count(XLSX_MAX_COLUMNS)} cells, more than Excel allows; the file is damaged or was not written by a spreadsheet program.`,
        );
      }
      if (this.total.cells > this.limits.maxCells) {
        throw new ReadError(
          'TOO_MANY_CELLS',
          `${this.fileName} has more than ${count(this.limits.maxCells)} cells; split it into smaller files or export only the columns rolemap reads.`,
        );
      }
    }
  }
}

/** Bytes of an element name: anything but whitespace, `>` and `/`. */
function isNameByte(byte: number): boolean {
  return byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x3e && byte !== 0x2f;
}

/** Sheet names by worksheet part path, from workbook.xml and its relationships. */
function sheetNames(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const match of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attribute(match[1], 'Id');
    const target = attribute(match[1], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attribute(match[1], 'name');
    const id = attribute(match[1], '(?:\\w+:)?id');
    const path = id ? targets.get(id) : undefined;
    if (name && path) names.set(path, name);
  }
  return names;
}

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attributes);
  if (!match) return null;
  return (match[2] ?? match[3])
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A fresh zip of the checked parts, their packed bytes copied as they are. */
function repack(parts: CheckedPart[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { entry, raw } of parts) {
    const name = Buffer.from(entry.fileName, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names, no data descriptor
    local.writeUInt16LE(entry.compressionMethod, 8);
    local.writeUInt16LE(entry.lastModFileTime, 10);
    local.writeUInt16LE(entry.lastModFileDate, 12);
    local.writeUInt32LE(entry.crc32, 14);
    local.writeUInt32LE(raw.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.compressionMethod, 10);
    central.writeUInt16LE(entry.lastModFileTime, 12);
    central.writeUInt16LE(entry.lastModFileDate, 14);
    central.writeUInt32LE(entry.crc32, 16);
    central.writeUInt32LE(raw.length, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, raw);
    directory.push(central, name);
    offset += local.length + name.length + raw.length;
  }
  const directoryBytes = directory.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

function unreadable(fileName: string, error: Error): ReadError {
  return new ReadError('UNREADABLE_FILE', `${fileName} could not be opened as an Excel workbook: ${error.message}`);
}

function openZip(data: Buffer, fileName: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) reject(unreadable(fileName, error ?? new Error('not a zip archive')));
      else resolve(zip);
    });
  });
}

function listEntries(zip: ZipFile, fileName: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      if (entries.length > MAX_PARTS) {
        reject(
          new ReadError(
            'UNREADABLE_FILE',
            `${fileName} has more than ${count(MAX_PARTS)} parts; it is not a workbook to import.`,
          ),
        );
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(unreadable(fileName, error)));
    zip.readEntry();
  });
}

/** Streams one part through `onChunk`, unpacked (held to its declared size by yauzl) or as stored. */
function readEntry(
  zip: ZipFile,
  entry: Entry,
  decompress: boolean,
  fileName: string,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, decompress ? {} : { decompress: false }, (error, stream) => {
      if (error || !stream) {
        reject(unreadable(fileName, error ?? new Error(`cannot read ${entry.fileName}`)));
        return;
      }
      stream.on('data', (chunk: Buffer) => {
        try {
          onChunk(chunk);
        } catch (failure) {
          stream.destroy();
          reject(failure);
        }
      });
      stream.on('error', (failure: Error) =>
        reject(
          /too many bytes|not enough bytes/.test(failure.message)
            ? new ReadError(
                'UNREADABLE_FILE',
                `${fileName} is not read: ${entry.fileName} unpacks to a different size than its zip directory says, as tampered files do.`,
              )
            : unreadable(fileName, failure),
        ),
      );
      stream.on('end', () => resolve());
    });
  });
}
