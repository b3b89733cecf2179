import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { baseUrl, demoOrg, openBrowser, type DemoOrg, type Session } from './support/browser';

/**
 * A pass-through proxy in front of the real server that cuts report downloads halfway, as a
 * restart of the server would: the headers (with Content-Length) arrive, half the body, then the
 * connection is destroyed.
 */
async function startCuttingProxy(): Promise<{ url: string; cut: string[]; close: () => Promise<void> }> {
  const target = new URL(baseUrl());
  const cut: string[] = [];
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        const length = Number(answer.headers['content-length']);
        if (!req.url?.includes('/reports/') || !length) {
          answer.pipe(res);
          return;
        }
        const half = Math.floor(length / 2);
        let sent = 0;
        answer.on('data', (chunk: Buffer) => {
          if (sent >= half) return;
          const part = chunk.subarray(0, half - sent);
          sent += part.length;
          res.write(part);
          if (sent >= half) {
            cut.push(req.url!);
            answer.destroy();
            setTimeout(() => res.socket?.destroy(), 50);
          }
        });
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cut,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('hardening seen from the browser', () => {
  let session: Session;
  let demo: DemoOrg;

  beforeAll(async () => {
    demo = await demoOrg();
    session = await openBrowser();
  });
  afterAll(() => session?.close());

  it('serves the app under a strict Content-Security-Policy that it runs under without violations', async () => {
    const { page } = session;
    const response = await page.goto(`${baseUrl()}/org/${demo.orgId}/overview`);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-powered-by']).toBeUndefined();
    await page.getByRole('tree', { name: 'Organization chart' }).waitFor();
    // The session's close() fails the test on any CSP violation the page reported.
  });

  it('reports a report download cut mid-stream as failed and saves nothing', async () => {
    const proxy = await startCuttingProxy();
    const { page } = session;
    const downloads: string[] = [];
    const onDownload = (download: { suggestedFilename(): string }) => downloads.push(download.suggestedFilename());
    page.on('download', onDownload);
    try {
      await page.goto(`${proxy.url}/org/${demo.orgId}/overview`);
      const group = page.getByRole('group', { name: 'Organization summary report downloads' });
      await group.getByRole('link', { name: 'Download organization summary as PDF' }).click();
      await group
        .getByRole('alert')
        .filter({ hasText: /The download was cut off after .* of .* Nothing was saved; try again\./ })
        .waitFor();
      expect(proxy.cut).toHaveLength(1);
      await page.waitForTimeout(500);
      expect(downloads).toEqual([]);
    } finally {
      page.off('download', onDownload);
      await proxy.close();
    }
  });

  it('saves the whole report when nothing cuts it', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/org/${demo.orgId}/overview`);
    const group = page.getByRole('group', { name: 'Organization summary report downloads' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      group.getByRole('link', { name: 'Download organization summary as PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`northwind-robotics-v${demo.snapshotVersion}-summary.pdf`);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const pdf = Buffer.concat(chunks);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/);
  });
});
