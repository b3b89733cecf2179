import type { FileFormat } from '../types';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export type FormatDecision = { format: FileFormat } | { unsupported: string };

/**
 * Decides the format from the content first (an .csv that is really an Excel file is
 * common after "Save as"), then from the extension.
 */
export function detectFormat(fileName: string, head: Buffer): FormatDecision {
  const extension = (/\.([^./\\]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  if (startsWith(head, ZIP_MAGIC)) {
    if (['xlsx', 'xlsm', 'csv', 'txt', ''].includes(extension)) return { format: 'xlsx' };
    return { unsupported: `${fileName} is a ZIP archive (${extension || 'no extension'}), not an .xlsx workbook.` };
  }
  if (startsWith(head, OLE_MAGIC)) {
    return { unsupported: `${fileName} is an old Excel 97-2003 (.xls) workbook; save it as .xlsx or CSV and upload again.` };
  }
  if (extension === 'json' || looksLikeJson(head)) return { format: 'json' };
  if (['xlsx', 'xlsm'].includes(extension)) {
    return { unsupported: `${fileName} has an .${extension} extension but is not an Excel workbook (no ZIP header).` };
  }
  if (['csv', 'tsv', 'txt', 'tab', 'psv', 'dat', ''].includes(extension)) return { format: 'csv' };
  if (looksLikeText(head)) return { format: 'csv' };
  return {
    unsupported: `${fileName}: unsupported file type ".${extension}". Upload CSV/TSV/TXT, XLSX or JSON.`,
  };
}

function startsWith(head: Buffer, magic: number[]): boolean {
  return magic.every((byte, index) => head[index] === byte);
}

function looksLikeJson(head: Buffer): boolean {
  const text = head
    .subarray(0, 256)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return text.startsWith('[{') || text.startsWith('{') || /^\[\s*\{/.test(text);
}

/** Control bytes other than tab/CR/LF mean binary, unless the text is UTF-16. */
function looksLikeText(head: Buffer): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  let control = 0;
  for (const byte of head.subarray(0, 4096)) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control === 0;
}
