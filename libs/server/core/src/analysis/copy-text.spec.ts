import { Readable } from 'node:stream';
import { SAME_AS_ROW_BEFORE, copyTextBlocks, copyTextReader } from './copy-text';

/** Every row's fields as `copyTextReader` hands them over, copied (the array is reused). */
function rowsOf(blocks: Buffer[], sharing = [null, SAME_AS_ROW_BEFORE, new Map<string, string>()] as const) {
  const rows: (string | null)[][] = [];
  const read = copyTextReader((fields) => rows.push([...fields]), sharing);
  for (const block of blocks) read(block);
  return rows;
}

describe('copyTextReader', () => {
  const lines = [
    'a1\tpos-1\tPlan the roadmap',
    'a2\tpos-1\tKeep the team’s rota\\tweekly',
    'a3\tpos-2\t\\N',
    'a4\tpos-2\tΟλυμπία — 検証 Zoë',
    'a5\tpos-2\tback\\\\slash',
    'a6\tpos-3\t\\\\N',
    'a7\tpos-3\t\\N',
    'a8\tpos-3\tx\\ty',
    'a9\tpos-3\tx\\ty',
  ];

  it('reads ASCII and other lines alike, undoing escapes, with SQL NULL as null', () => {
    expect(rowsOf([Buffer.from(`${lines.join('\n')}\n`)])).toEqual([
      ['a1', 'pos-1', 'Plan the roadmap'],
      ['a2', 'pos-1', 'Keep the team’s rota\tweekly'],
      ['a3', 'pos-2', null],
      ['a4', 'pos-2', 'Ολυμπία — 検証 Zoë'],
      ['a5', 'pos-2', 'back\\slash'],
      ['a6', 'pos-3', '\\N'],
      ['a7', 'pos-3', null],
      ['a8', 'pos-3', 'x\ty'],
      ['a9', 'pos-3', 'x\ty'],
    ]);
  });

  it('gives the same rows whichever lines the blocks hold, and keeps the row before’s string for a repeated value', () => {
    const whole = rowsOf([Buffer.from(`${lines.join('\n')}\n`)]);
    const split = rowsOf(lines.map((line) => Buffer.from(`${line}\n`)));
    expect(split).toEqual(whole);
    const shared: (string | null)[] = [];
    copyTextReader((fields) => shared.push(fields[1]), [null, SAME_AS_ROW_BEFORE])(Buffer.from('x\tsame-id\ny\tsame-id\n'));
    expect(shared).toEqual(['same-id', 'same-id']);
  });
});

describe('copyTextBlocks', () => {
  it('cuts the stream into blocks of whole lines, however the chunks fall', async () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `row ${i}\tvalue ’${i}’`).join('\n') + '\n';
    const bytes = Buffer.from(text);
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 7_777) chunks.push(bytes.subarray(at, at + 7_777));
    const blocks: Buffer[] = [];
    await copyTextBlocks(Readable.from(chunks), (block) => blocks.push(Buffer.from(block)));
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) expect(block[block.length - 1]).toBe(0x0a);
    expect(Buffer.concat(blocks).toString()).toBe(text);
  });

  it('refuses text that ends inside a row', async () => {
    await expect(copyTextBlocks(Readable.from([Buffer.from('a\tb\nc\t')]), () => undefined)).rejects.toThrow(/inside a row/);
  });
});
