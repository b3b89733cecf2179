import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export type UploadProgress = { loaded: number; total: number };

type Options = {
  url?: string;
  onProgress?: (progress: UploadProgress) => void;
  /** Called once every byte is sent; the server is then reading and checking the files. */
  onUploaded?: () => void;
  signal?: AbortSignal;
};

export class GraphqlRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GraphqlRequestError';
  }
}

/**
 * Builds the body of a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec):
 * `operations` with the files nulled out, `map` from part name to variable path, then the files.
 * Files are taken from the top-level variables, where our upload mutations declare them.
 */
export function multipartBody(query: string, variables: Record<string, unknown>): FormData {
  const present = Object.entries(variables).filter((entry): entry is [string, File] => entry[1] instanceof Blob);
  const nulled = { ...variables, ...Object.fromEntries(present.map(([name]) => [name, null])) };
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: nulled }));
  form.append('map', JSON.stringify(Object.fromEntries(present.map(([name], index) => [String(index), [`variables.${name}`]]))));
  present.forEach(([, file], index) => form.append(String(index), file, file.name ?? 'upload'));
  return form;
}

/**
 * Sends a typed GraphQL mutation with file variables. XMLHttpRequest rather than fetch because
 * only it reports upload progress; the CSRF guard needs the x-rolemap-client header.
 */
export function postMultipart<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  { url = '/graphql', onProgress, onUploaded, signal }: Options = {},
): Promise<TData> {
  const body = multipartBody(print(document), variables);
  return new Promise<TData>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('x-rolemap-client', 'web');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.upload.onload = () => onUploaded?.();
    xhr.onerror = () => reject(new GraphqlRequestError('The server could not be reached. Check your connection and try again.'));
    xhr.onabort = () => reject(new GraphqlRequestError('The upload was cancelled.'));
    xhr.onload = () => {
      let payload: { data?: TData | null; errors?: { message: string }[] };
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        reject(new GraphqlRequestError(`The server answered ${xhr.status} ${xhr.statusText || ''}`.trim(), xhr.status));
        return;
      }
      if (payload.errors?.length)
        reject(new GraphqlRequestError(payload.errors.map((error) => error.message).join('; '), xhr.status));
      else if (!payload.data) reject(new GraphqlRequestError('The server returned no data.', xhr.status));
      else resolve(payload.data);
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
