import { spawnSync } from 'node:child_process';
import os from 'node:os';

export interface ProcessRun {
  ms: number;
  cpuMs: number;
  rssMb: number;
  /** The one-minute load average as the process started. */
  load: number;
}

/** One whole process under GNU time (/usr/bin/time): wall, CPU (user + system), peak RSS. */
export function timedProcess(command: string, args: string[], env: NodeJS.ProcessEnv): ProcessRun {
  const load = os.loadavg()[0];
  const result = spawnSync('/usr/bin/time', ['-f', 'ROLEMAP_TIME %e %M %U %S', command, ...args], {
    env,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const match = /ROLEMAP_TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(result.stderr);
  if (result.status !== 0 || !match) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}: ${result.stderr.slice(-2000)}`);
  }
  return {
    ms: Number(match[1]) * 1000,
    rssMb: Number(match[2]) / 1024,
    cpuMs: (Number(match[3]) + Number(match[4])) * 1000,
    load,
  };
}
