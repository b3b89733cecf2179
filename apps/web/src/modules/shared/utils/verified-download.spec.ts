import { createHash } from 'node:crypto';
import { type DownloadResponse, fetchVerifiedDownload, fileNameOf } from './verified-download';

const sha256 = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');

/** A response whose body yields `chunks`, then either ends or fails (a cut connection). */
function response(
  chunks: Uint8Array[],
  headers: Record<string, string>,
  options: { cut?: boolean; status?: number; text?: string } = {},
): DownloadResponse {
  let index = 0;
  return {
    ok: (options.status ?? 200) < 400,
    status: options.status ?? 200,
    headers: { get: (name) => headers[name.toLowerCase()] ?? null },
    text: async () => options.text ?? '',
    body: {
      getReader: () => ({
        read: async () => {
          if (index < chunks.length) return { done: false, value: chunks[index++] };
          if (options.cut) throw new TypeError('network error');
          return { done: true };
        },
      }),
    },
  };
}

const report = new TextEncoder().encode('%PDF-1.7 the whole report, every page of it');
const whole = (bytes: Uint8Array) => ({
  'content-length': String(bytes.length),
  'content-digest': `sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`,
  'content-type': 'application/pdf',
  'content-disposition': 'attachment; filename="northwind-robotics-v1-role.pdf"',
});

describe('fetchVerifiedDownload', () => {
  it('hands over a whole report with its file name', async () => {
    const result = await fetchVerifiedDownload('/r', {
      sha256,
      fetchImpl: async () => response([report.slice(0, 10), report.slice(10)], whole(report)),
    });
    expect(result.bytes).toBe(report.length);
    expect(result.fileName).toBe('northwind-robotics-v1-role.pdf');
    expect(result.blob.size).toBe(report.length);
  });

  it('fails a download whose connection was cut mid-stream, saying how much arrived', async () => {
    const big = new Uint8Array(3 * 1024 * 1024);
    await expect(
      fetchVerifiedDownload('/r', {
        sha256,
        fetchImpl: async () => response([big.slice(0, 1024 * 1024)], whole(big), { cut: true }),
      }),
    ).rejects.toThrow(
      'The download was cut off after 1.0 MB of 3.0 MB (the server may have restarted). Nothing was saved; try again.',
    );
  });

  it('fails a body that ends early without an error, and one whose bytes do not match the checksum', async () => {
    await expect(
      fetchVerifiedDownload('/r', { sha256, fetchImpl: async () => response([report.slice(0, 20)], whole(report)) }),
    ).rejects.toThrow(/cut off after 20 B of 43 B/);
    const damaged = report.slice();
    damaged[5] ^= 1;
    await expect(
      fetchVerifiedDownload('/r', { sha256, fetchImpl: async () => response([damaged], whole(report)) }),
    ).rejects.toThrow(/checksum does not match/);
  });

  it('checks the length alone where the browser cannot compute SHA-256', async () => {
    const result = await fetchVerifiedDownload('/r', {
      sha256: async () => null,
      fetchImpl: async () => response([report], whole(report)),
    });
    expect(result.bytes).toBe(report.length);
  });

  it('refuses a response without a length, and passes on the server’s reason for a refusal', async () => {
    await expect(fetchVerifiedDownload('/r', { sha256, fetchImpl: async () => response([report], {}) })).rejects.toThrow(
      /did not say how large/,
    );
    await expect(
      fetchVerifiedDownload('/r', {
        sha256,
        fetchImpl: async () => response([], {}, { status: 404, text: '{"message":"No position with employee id NOBODY"}' }),
      }),
    ).rejects.toThrow('The report could not be made: No position with employee id NOBODY');
    await expect(
      fetchVerifiedDownload('/r', {
        sha256,
        fetchImpl: async () => {
          throw new TypeError('Failed to fetch');
        },
      }),
    ).rejects.toThrow(/could not be reached/);
  });

  it('reads the file name from Content-Disposition', () => {
    expect(fileNameOf('attachment; filename="a-v2-summary.xlsx"')).toBe('a-v2-summary.xlsx');
    expect(fileNameOf(null)).toBeNull();
  });
});
