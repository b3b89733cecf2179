import busboy from 'busboy';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ReceivedUpload, formatLimit, safeFileName } from './received-upload';

export interface GraphqlMultipartOptions {
  /** Largest file accepted; larger ones are counted to the end and handed on as too large. */
  maxFileBytes: number;
  maxFiles: number;
  /** Largest `operations` or `map` field. */
  maxFieldBytes?: number;
}

const SPEC = 'https://github.com/jaydenseric/graphql-multipart-request-spec';

class MultipartError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'MultipartError';
  }
}

/**
 * GraphQL multipart requests (the graphql-multipart-request-spec) with every file read to its
 * end, in the order the parts arrive, before the operation runs. Reading parts in the order the
 * resolver asks for them instead deadlocks as soon as the first part is larger than the socket
 * buffers: the client cannot send the second part until the first is consumed, and the resolver
 * waits for the second. Files over the limit are not cut short silently: they are counted to
 * their end, their bytes dropped, and they reach the resolver marked too large.
 */
export function graphqlMultipart(options: GraphqlMultipartOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.is('multipart/form-data')) return next();
    readMultipart(req, options).then(
      (operations) => {
        req.body = operations;
        next();
      },
      (error: unknown) => {
        if (res.headersSent || req.socket.destroyed) return; // the client is gone
        const status = error instanceof MultipartError ? error.status : 400;
        const message = error instanceof Error ? error.message : String(error);
        res
          .status(status)
          .json({ errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
      },
    );
  };
}

function readMultipart(req: Request, options: GraphqlMultipartOptions): Promise<unknown> {
  const maxFieldBytes = options.maxFieldBytes ?? 1024 * 1024;
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fieldSize: maxFieldBytes, fields: 2, files: options.maxFiles },
      });
    } catch (error) {
      reject(new MultipartError(`Invalid multipart request: ${(error as Error).message}`, 400));
      return;
    }
    let settled = false;
    let operations: unknown = undefined;
    let map: Map<string, string[]> | null = null;
    const received = new Map<string, ReceivedUpload>();
    let filesInFlight = 0;
    let parserClosed = false;

    const fail = (message: string, status = 400) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      parser.removeAllListeners();
      parser.on('error', () => undefined);
      parser.destroy();
      // Drain the rest of the body so the error response reaches the client.
      req.resume();
      reject(new MultipartError(message, status));
    };

    const finish = () => {
      if (settled || !parserClosed || filesInFlight > 0) return;
      if (operations === undefined) return fail(`Missing multipart field 'operations' (${SPEC}).`);
      if (map === null) return fail(`Missing multipart field 'map' (${SPEC}).`);
      for (const [part, paths] of map) {
        const upload = received.get(part);
        if (!upload) return fail(`File missing in the request: part "${part}" (${paths.join(', ')}).`);
        for (const path of paths) {
          const problem = placeAt(operations, path, upload);
          if (problem) return fail(`Invalid object path "${path}" in the 'map' multipart field: ${problem} (${SPEC}).`);
        }
      }
      settled = true;
      resolve(operations);
    };

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(`The '${name}' multipart field is larger than ${formatLimit(maxFieldBytes)}.`, 413);
      if (name === 'operations') {
        try {
          operations = JSON.parse(value);
        } catch {
          return fail(`Invalid JSON in the 'operations' multipart field (${SPEC}).`);
        }
        if (typeof operations !== 'object' || operations === null) {
          return fail(`Invalid type for the 'operations' multipart field (${SPEC}).`);
        }
      } else if (name === 'map') {
        if (operations === undefined) return fail(`Misordered multipart fields; 'map' should follow 'operations' (${SPEC}).`);
        const problem = parseMap(value, options.maxFiles);
        if (typeof problem === 'string') return fail(problem, problem.includes('at most') ? 413 : 400);
        map = problem;
      }
    });

    parser.on('file', (name, stream, info) => {
      if (settled) {
        stream.resume();
        return;
      }
      if (map === null) {
        stream.resume();
        return fail(`Misordered multipart fields; files should follow 'map' (${SPEC}).`);
      }
      if (!map.has(name) || received.has(name)) {
        stream.resume(); // not referenced by the map: ignored, as the spec allows
        return;
      }
      filesInFlight++;
      const chunks: Buffer[] = [];
      let byteSize = 0;
      stream.on('data', (chunk: Buffer) => {
        byteSize += chunk.length;
        if (byteSize <= options.maxFileBytes) chunks.push(chunk);
        else chunks.length = 0; // over the limit: keep counting, keep nothing
      });
      stream.on('error', (error: Error) => fail(`The upload of "${safeFileName(info.filename)}" failed: ${error.message}`));
      stream.on('end', () => {
        filesInFlight--;
        const data = byteSize <= options.maxFileBytes ? Buffer.concat(chunks, byteSize) : null;
        received.set(name, new ReceivedUpload(safeFileName(info.filename), byteSize, data, options.maxFileBytes));
        finish();
      });
    });

    parser.on('filesLimit', () => fail(`A request carries at most ${options.maxFiles} files.`, 413));
    parser.on('fieldsLimit', () => fail(`Unexpected multipart fields; only 'operations' and 'map' are read (${SPEC}).`));
    parser.on('error', (error: Error) => fail(`Invalid multipart request: ${error.message}`));
    parser.on('close', () => {
      parserClosed = true;
      finish();
    });
    req.on('close', () => {
      if (!req.readableEnded) fail('The request was cut off while its files were being sent.', 499);
    });
    req.pipe(parser);
  });
}

function parseMap(value: string, maxFiles: number): Map<string, string[]> | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return `Invalid JSON in the 'map' multipart field (${SPEC}).`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return `Invalid type for the 'map' multipart field (${SPEC}).`;
  }
  const entries = Object.entries(parsed);
  if (entries.length > maxFiles) return `A request carries at most ${maxFiles} files.`;
  const map = new Map<string, string[]>();
  for (const [part, paths] of entries) {
    if (!Array.isArray(paths) || paths.some((path) => typeof path !== 'string' || !path.trim())) {
      return `Invalid 'map' multipart field entry "${part}": expected an array of object paths (${SPEC}).`;
    }
    map.set(part, paths as string[]);
  }
  return map;
}

/** Keys that would reach an object's prototype instead of one of its values. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Puts `value` at a dotted path such as `variables.people` or `0.variables.files.1`; returns a problem or null. */
function placeAt(root: unknown, path: string, value: unknown): string | null {
  const keys = path.split('.');
  let target = root;
  for (const [index, key] of keys.entries()) {
    if (FORBIDDEN_KEYS.has(key)) return `"${key}" is not allowed`;
    if (typeof target !== 'object' || target === null) return 'it leads outside the operation';
    const container = target as Record<string, unknown>;
    if (index === keys.length - 1) {
      container[key] = value;
      return null;
    }
    if (!Object.prototype.hasOwnProperty.call(container, key)) return `"${key}" is not in the operation`;
    target = container[key];
  }
  return 'it is empty';
}
