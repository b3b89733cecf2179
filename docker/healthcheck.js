#!/usr/bin/env node
// The container's health check: GET /api/health (the server and its database) with a deadline.
// Docker marks a container "unhealthy" but, outside swarm, never restarts it. So after
// HEALTHCHECK_MAX_FAILURES failed checks in a row (default 3) this asks the server to stop
// (SIGTERM to HEALTHCHECK_PID, default 1: the server is the container's first process); it shuts
// down cleanly and `restart: unless-stopped` (or systemd's Restart=) starts a fresh one.
// Plain CommonJS with no dependencies, so it runs from any checkout or image.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const port = process.env.PORT || '3000';
const url = process.env.HEALTHCHECK_URL || `http://127.0.0.1:${port}/api/health`;
const targetPid = Number(process.env.HEALTHCHECK_PID || 1);
const maxFailures = Number(process.env.HEALTHCHECK_MAX_FAILURES || 3);
const timeoutMs = Number(process.env.HEALTHCHECK_TIMEOUT_MS || 5000);
const stateFile = process.env.HEALTHCHECK_STATE_FILE || path.join(os.tmpdir(), 'rolemap-health-failures');

async function main() {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    fs.rmSync(stateFile, { force: true });
    return 0;
  } catch (error) {
    const failures = readFailures() + 1;
    fs.writeFileSync(stateFile, String(failures));
    console.error(`rolemap health check failed (${failures} in a row): ${error.message}`);
    if (failures >= maxFailures) {
      console.error(`rolemap: ${failures} failed health checks in a row; stopping process ${targetPid} so it is restarted`);
      fs.rmSync(stateFile, { force: true });
      try {
        process.kill(targetPid, 'SIGTERM');
      } catch (killError) {
        console.error(`rolemap: could not signal process ${targetPid}: ${killError.message}`);
      }
    }
    return 1;
  }
}

function readFailures() {
  try {
    return Number(fs.readFileSync(stateFile, 'utf8')) || 0;
  } catch {
    return 0;
  }
}

main().then((code) => {
  process.exitCode = code;
});
