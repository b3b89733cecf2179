import { PassThrough, Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ARCHIVE_FORMAT, ArchiveReader, ArchiveWriter } from './organization-archive';

const header = {
  format: ARCHIVE_FORMAT as typeof ARCHIVE_FORMAT,
  version: 1,
  exportedAt: '2026-12-02T00:00:00.000Z',
  migrations: ['InitialSchema1764028800000'],
  organization: { id: 'o1', name: 'Acme' },
};

async function written(): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = new ArchiveWriter(out);
  await writer.header(header);
  await writer.startTable('organization', [
    { name: 'id', type: 'uuid' },
    { name: 'name', type: 'text' },
  ]);
  await writer.row(['o1', 'Acme "Ltd"\nnewline']);
  await writer.startTable('position', [{ name: 'id', type: 'uuid' }]);
  await writer.row(['p1']);
  await writer.row([null]);
  expect(await writer.end()).toEqual({ organization: 1, position: 2 });
  return Buffer.concat(chunks);
}

async function read(bytes: Buffer) {
  const entries = [];
  for await (const entry of new ArchiveReader(Readable.from([bytes]), 'acme.gz').entries()) entries.push(entry);
  return entries;
}

const lines = async () =>
  gunzipSync(await written())
    .toString('utf8')
    .trimEnd()
    .split('\n');
const regzip = (text: string[]) => gzipSync(`${text.join('\n')}\n`);

describe('organization archives', () => {
  it('reads back what was written, values exactly', async () => {
    const entries = await read(await written());
    expect(entries[0]).toEqual(header);
    expect(entries.slice(1)).toEqual([
      { kind: 'table', table: 'organization', columns: expect.any(Array), line: 2 },
      { kind: 'row', table: 'organization', values: ['o1', 'Acme "Ltd"\nnewline'], line: 3 },
      { kind: 'table', table: 'position', columns: [{ name: 'id', type: 'uuid' }], line: 4 },
      { kind: 'row', table: 'position', values: ['p1'], line: 5 },
      { kind: 'row', table: 'position', values: [null], line: 6 },
    ]);
  });

  it('refuses a file cut short, naming it and the line', async () => {
    const text = await lines();
    await expect(read(regzip(text.slice(0, -2)))).rejects.toThrow(
      'acme.gz: line 5: the file ends before its end line (cut short?)',
    );
  });

  it('refuses rows that do not match the end line or their table', async () => {
    const text = await lines();
    await expect(read(regzip([...text.slice(0, 5), ...text.slice(6)]))).rejects.toThrow(
      'acme.gz: line 6: the end line counts 2 row(s) of position, the file holds 1',
    );
    const wide = [...text];
    wide[4] = '["p1", "extra"]';
    await expect(read(regzip(wide))).rejects.toThrow('acme.gz: line 5: a row of position must be 1 strings or nulls');
  });

  it('refuses what is not an archive: other JSON, other versions, not gzip', async () => {
    await expect(read(regzip(['{"hello": 1}']))).rejects.toThrow('acme.gz: line 1: not a rolemap organization archive');
    await expect(read(regzip([JSON.stringify({ ...header, version: 9 })]))).rejects.toThrow('archive version 9');
    await expect(read(Buffer.from('employee_id,name\n1,Ada\n'))).rejects.toThrow('acme.gz: not a readable gzip archive');
    await expect(read(gzipSync(''))).rejects.toThrow('acme.gz: line 0: the file is empty');
  });
});
