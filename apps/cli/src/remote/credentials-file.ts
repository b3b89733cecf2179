import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where `rolemap login` keeps its API tokens: readable by the user alone. */
export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir =
    env.ROLEMAP_CONFIG_DIR?.trim() || path.join(env.XDG_CONFIG_HOME?.trim() || path.join(os.homedir(), '.config'), 'rolemap');
  return path.join(dir, 'credentials.json');
}

interface Credentials {
  servers: Record<string, { token: string; savedAt: string }>;
}

/** The server's origin, so `http://host:3000/` and `http://host:3000` are one entry. */
export function serverKey(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new Error(`--server must be a URL such as http://localhost:3000 (got "${server}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`--server must be an http or https URL (got "${server}")`);
  return url.origin;
}

function read(file: string): Credentials {
  if (!fs.existsSync(file)) return { servers: {} };
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Credentials;
}

export function savedToken(server: string, file = credentialsPath()): string | null {
  return read(file).servers[serverKey(server)]?.token ?? null;
}

export function saveToken(server: string, token: string, file = credentialsPath()): void {
  const credentials = read(file);
  credentials.servers[serverKey(server)] = { token, savedAt: new Date().toISOString() };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written whole under another name and renamed: never a half-written file, never readable by others.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  fs.renameSync(temporary, file);
}
