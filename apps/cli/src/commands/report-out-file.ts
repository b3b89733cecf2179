import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { CliError, EXIT } from '../cli-context';

/**
 * Checks `--out` before any work: it must name a file in a folder that exists. `example` is a
 * file name to suggest when it names a folder.
 */
export function checkOutPath(out: string, example: string): string {
  const target = path.resolve(out);
  const stat = statOf(target);
  if (stat && stat !== 'not-a-folder' && stat.isDirectory()) {
    throw new CliError(
      `--out ${out} is a folder; give the file to write, e.g. --out ${path.join(out, example)}`,
      EXIT.invalidInput,
    );
  }
  const folder = path.dirname(target);
  const parent = statOf(folder);
  if (parent === 'not-a-folder' || (parent && !parent.isDirectory())) {
    let file = folder;
    while (statOf(file) === 'not-a-folder') file = path.dirname(file);
    throw new CliError(`--out ${out}: ${file} is a file, not a folder`, EXIT.invalidInput);
  }
  if (!parent) throw new CliError(`--out ${out}: the folder ${folder} does not exist`, EXIT.invalidInput);
  return target;
}

/** A path's stat; null when nothing is there, 'not-a-folder' when part of the path is a file. */
function statOf(target: string): fs.Stats | null | 'not-a-folder' {
  try {
    return fs.statSync(target, { throwIfNoEntry: false }) ?? null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return 'not-a-folder';
    throw error;
  }
}

/**
 * Writes `target` all at once: into a hidden temporary file beside it, flushed to disk, then
 * renamed over it. A failure, a full disk or Ctrl-C leaves the previous file (or none), never
 * half a report under the real name. Resolves to the size written.
 */
export async function writeFileAtomically(
  target: string,
  write: (out: Writable) => Promise<void>,
  options: { mode?: number } = {},
): Promise<number> {
  const folder = path.dirname(target);
  const partial = path.join(folder, `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`);
  const removePartial = () => fs.rmSync(partial, { force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    removePartial();
    process.kill(process.pid, signal); // the default action, now that the listener is gone
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const stream = fs.createWriteStream(partial, { flags: 'wx', mode: options.mode ?? 0o666 });
  let streamError: unknown;
  stream.on('error', (error) => (streamError ??= error));
  try {
    await write(stream);
    if (streamError) throw streamError;
    const handle = await fs.promises.open(partial, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(partial, target);
    return (await fs.promises.stat(target)).size;
  } catch (error) {
    // Closed first, so the file cannot be (re)created after it is removed.
    if (!stream.closed) await new Promise<void>((resolve) => stream.destroy().once('close', () => resolve()));
    removePartial();
    throw writeError(error, target);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** File-system failures as one line naming the file; anything else as it was. */
function writeError(error: unknown, target: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EISDIR: 'it is a folder',
    ENOENT: 'its folder no longer exists',
    ENOTDIR: 'part of its path is not a folder',
  };
  const reason = code ? reasons[code] : undefined;
  return reason ? new CliError(`could not write ${target}: ${reason}; nothing was written`, EXIT.failure) : error;
}
