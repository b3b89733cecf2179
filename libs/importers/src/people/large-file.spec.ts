import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parsePeopleFile } from './parse-people-file';

/** A 100k-row CSV written to disk and streamed from its path, as the CLI does. */
describe('a 100,000-row file', () => {
  const rows = 100_000;
  let directory: string;
  let file: string;

  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'rolemap-large-'));
    file = path.join(directory, 'people.csv');
    const lines = ['Employee ID,Name,Title,Manager ID,Department,Hire Date,FTE'];
    for (let index = 1; index <= rows; index++) {
      // A wide, shallow tree: everyone reports to someone earlier.
      const manager = index === 1 ? '' : `E${Math.floor(index / 8) || 1}`;
      lines.push(
        `E${index},"Person ${index}, Jr.",Engineer,${manager},Dept ${index % 40},2015-03-${String((index % 28) + 1).padStart(2, '0')},1`,
      );
    }
    writeFileSync(file, lines.join('\r\n'));
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('parses every row once, streaming from disk', async () => {
    let lastProgress = { rowsRead: 0, bytesRead: 0, totalBytes: 0 };
    const result = await parsePeopleFile(
      { fileName: 'people.csv', path: file },
      { onProgress: (progress) => (lastProgress = progress) },
    );
    expect(result.errors).toEqual([]);
    expect(result.rowCount).toBe(rows);
    expect(result.records).toHaveLength(rows);
    expect(result.records[rows - 1]).toMatchObject({
      rowNumber: rows + 1,
      employeeId: `E${rows}`,
      name: `Person ${rows}, Jr.`,
      managerId: `E${rows / 8}`,
    });
    expect(lastProgress.rowsRead).toBe(rows + 1);
    expect(lastProgress.bytesRead).toBe(lastProgress.totalBytes);
  });
});
