/** A V8 CPU profile as Chromium's `Profiler.stop` and `node --cpu-prof` give it. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }>;
  samples: number[];
  timeDeltas: number[];
}

const fileOf = (url: string) => url.split('/').pop() || url;

/**
 * Where a profile's time went: self time by script and the functions with the most self time.
 * A sample's time is the delta to the next one (V8 records the delta before each sample).
 */
export function summariseCpuProfile(profile: CpuProfile, { top = 20 } = {}): string {
  const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByNode = new Map<number, number>();
  let totalUs = 0;
  for (let index = 0; index < profile.samples.length; index++) {
    const us = profile.timeDeltas[index + 1] ?? 0;
    totalUs += us;
    selfByNode.set(profile.samples[index], (selfByNode.get(profile.samples[index]) ?? 0) + us);
  }
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of selfByNode) {
    const { functionName, url, lineNumber, columnNumber } = nodeById.get(id)!.callFrame;
    const script = url ? fileOf(url) : functionName || '(anonymous)';
    byScript.set(script, (byScript.get(script) ?? 0) + us);
    const name = url ? `${functionName || '(anonymous)'} ${script}:${lineNumber + 1}:${columnNumber + 1}` : script;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  const ms = (us: number) => `${(us / 1000).toFixed(1)} ms`;
  const rows = (entries: Map<string, number>, count: number) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, us]) => `    ${ms(us).padStart(10)}  ${name}`)
      .join('\n');
  return [
    `  CPU profile, ${ms(totalUs)} sampled; self time by script:`,
    rows(byScript, 12),
    `  functions with the most self time:`,
    rows(byFunction, top),
  ].join('\n');
}
