import type { ImportIssue } from '@rolemap/domain';
import type { ImportInput } from '../types';

/** An in-memory upload, as the API receives it. */
export function upload(fileName: string, content: string | Buffer): ImportInput {
  return { fileName, data: typeof content === 'string' ? Buffer.from(content, 'utf8') : content };
}

/** Issue codes, for compact assertions. */
export function codes(issues: readonly ImportIssue[]): string[] {
  return issues.map((issue) => issue.code);
}

export function issueWith(issues: readonly ImportIssue[], code: string): ImportIssue {
  const found = issues.find((issue) => issue.code === code);
  if (!found) throw new Error(`no ${code} among ${JSON.stringify(issues.map((issue) => `${issue.code}: ${issue.message}`))}`);
  return found;
}
