import { constants, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

/**
 * Files built to hurt a reader, generated in memory by the tests that need them (nothing of the
 * kind is committed). Each is small to send and cheap to build, however large it unpacks to.
 */

/** One header row of `columns` cells ("c1,c2,…"): a million columns is about 7 MB, so a run of "a," is used. */
export function csvWithOneWideRow(columns: number): Buffer {
  return Buffer.from(`${'a,'.repeat(columns - 1)}a\n`);
}

/** A valid people file with a NUL character in one name and one title. */
export function csvWithNul(): Buffer {
  return Buffer.from(
    [
      'employee_id,name,title,manager_id',
      'E1,Ada Root,Chief Executive Officer,',
      'E2,Grace\u0000Hopper,VP Engineering,E1',
      'E3,Alan Turing,Engi\u0000neer,E2',
    ].join('\n'),
  );
}

/** A small people workbook with one more cell, far to the right in column XFD. */
export async function xlsxWithValueInColumnXfd(options: { valueInXfd: boolean } = { valueInXfd: true }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('People');
  sheet.addRow(['employee_id', 'name', 'title', 'manager_id']);
  sheet.addRow(['E1', 'Ada Root', 'Chief Executive Officer', null]);
  sheet.addRow(['E2', 'Grace Hopper', 'VP Engineering', 'E1']);
  const far = sheet.getCell('XFD3');
  if (options.valueInXfd) far.value = 'stray note';
  else far.style = { font: { bold: true } }; // formatted, empty: takes no width
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A workbook whose one sheet repeats `unit` `times` times after a header row, packed at almost
 * no cost: deflate blocks ended by a full flush do not refer back, so one block can be repeated.
 * `declaredBytes` puts another unpacked size in the zip directory, as a tampered file would.
 */
export function xlsxRepeatingSheet(unit: string, times: number, options: { declaredBytes?: number } = {}): Buffer {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>employee_id</t></is></c></row>',
  );
  const tail = Buffer.from('</sheetData></worksheet>');
  const block = deflateRawSync(Buffer.from(unit), { finishFlush: constants.Z_FULL_FLUSH });
  const headBlock = deflateRawSync(head, { finishFlush: constants.Z_FULL_FLUSH });
  const tailBlock = deflateRawSync(tail);
  const unitBytes = Buffer.from(unit);
  let crc = crc32(head);
  for (let index = 0; index < times; index++) crc = crc32(unitBytes, crc);
  crc = crc32(tail, crc);
  const sheet: ZipPart = {
    name: 'xl/worksheets/sheet1.xml',
    packed: Buffer.concat([headBlock, ...new Array<Buffer>(times).fill(block), tailBlock]),
    size: head.length + unitBytes.length * times + tail.length,
    crc,
  };
  if (options.declaredBytes !== undefined) sheet.size = options.declaredBytes;
  return zipOf([...workbookSkeleton(), sheet]);
}

interface ZipPart {
  name: string;
  packed: Buffer;
  size: number;
  crc: number;
}

function packedPart(name: string, text: string): ZipPart {
  const data = Buffer.from(text);
  return { name, packed: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

function workbookSkeleton(): ZipPart[] {
  return [
    packedPart(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    ),
    packedPart(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ),
    packedPart(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        '<sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    packedPart(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '</Relationships>',
    ),
  ];
}

/** A plain zip (deflated parts, no data descriptors). */
function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.packed.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.packed.length, 20);
    central.writeUInt32LE(part.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.packed);
    directory.push(central, name);
    offset += local.length + name.length + part.packed.length;
  }
  const size = directory.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}
