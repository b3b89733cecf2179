import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { graphqlMultipart } from '../graphql-multipart.middleware';
import { ReceivedUpload, safeFileName } from '../received-upload';

/** A real HTTP server with the middleware in front of a handler that echoes what it was given. */
async function startServer(maxFileBytes: number): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.use(graphqlMultipart({ maxFileBytes, maxFiles: 2 }));
  app.post('/', (req, res) => {
    const describe = (value: unknown): unknown =>
      value instanceof ReceivedUpload
        ? { fileName: value.fileName, byteSize: value.byteSize, tooLarge: value.tooLarge, text: value.data?.toString('utf8') }
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, describe(inner)]))
          : value;
    res.json(describe(req.body));
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function form(operations: unknown, map: unknown, files: [string, string, string][]): FormData {
  const body = new FormData();
  body.append('operations', JSON.stringify(operations));
  body.append('map', JSON.stringify(map));
  for (const [part, name, content] of files) body.append(part, new Blob([content]), name);
  return body;
}

describe('graphqlMultipart', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer(10);
  });
  afterAll(() => server.close());

  const post = async (body: FormData) => {
    const response = await fetch(server.url, { method: 'POST', body, signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('puts every file, read to its end, where the map says, whatever the part order', async () => {
    const operations = { query: 'mutation', variables: { people: null, responsibilities: null } };
    const { status, body } = await post(
      form(operations, { b: ['variables.responsibilities'], a: ['variables.people'] }, [
        ['b', 'r.csv', 'second'],
        ['a', 'p.csv', 'first'],
      ]),
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      query: 'mutation',
      variables: {
        people: { fileName: 'p.csv', byteSize: 5, tooLarge: false, text: 'first' },
        responsibilities: { fileName: 'r.csv', byteSize: 6, tooLarge: false, text: 'second' },
      },
    });
  });

  it('counts a file over the limit to its end and hands it on without its bytes', async () => {
    const { body } = await post(
      form({ variables: { people: null } }, { 0: ['variables.people'] }, [['0', 'big.csv', '0123456789A']]),
    );
    expect(body).toEqual({ variables: { people: { fileName: 'big.csv', byteSize: 11, tooLarge: true } } });
  });

  it('refuses map paths that reach an object prototype', async () => {
    for (const path of ['__proto__.polluted', 'variables.constructor.prototype.polluted']) {
      const { status, body } = await post(form({ variables: {} }, { 0: [path] }, [['0', 'a.csv', 'x']]));
      expect(status).toBe(400);
      expect(JSON.stringify(body)).toContain('Invalid object path');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names a file the map promises but the request lacks, and more files than allowed', async () => {
    const missing = await post(form({ variables: { people: null } }, { 0: ['variables.people'] }, []));
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('File missing in the request');
    const tooMany = await post(
      form({ variables: {} }, { 0: ['variables.a'], 1: ['variables.b'], 2: ['variables.c'] }, [['0', 'a', 'x']]),
    );
    expect(tooMany.status).toBe(413);
  });

  it('keeps only a safe base name of what the client calls the file', () => {
    expect(safeFileName('C:\\Users\\hr\\org\u0000chart.csv')).toBe('orgchart.csv');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('\u0007')).toBe('upload');
  });
});
