/** A DevTools trace as `browser.stopTracing()` returns it (the JSON object form). */
export interface Trace {
  traceEvents: Array<{ name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: any }>;
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink'];

/** What each top-level task's children are called in DevTools' "Summary", and the rest. */
const KIND_BY_EVENT: Record<string, string> = {
  EvaluateScript: 'script',
  'v8.evaluateModule': 'script',
  FunctionCall: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  'V8.CompileCode': 'compile',
  'v8.parseOnBackground': 'compile',
  ParseHTML: 'parse HTML',
  ParseAuthorStyleSheet: 'parse CSS',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  CompositeLayers: 'paint',
  Commit: 'paint',
  GCEvent: 'gc',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'BlinkGC.AtomicPhase': 'gc',
};

/**
 * The page's main thread from the request for `url` until `untilMs` later: the time inside tasks, split by the
 * kind of work of the outermost known event (a layout forced by script counts as layout).
 */
export function summariseTrace(trace: Trace, url: string, untilMs: number): string {
  const events = trace.traceEvents;
  // The page's renderer is the one that sent the request for its document.
  const navigation = events.find((event) => event.name === 'ResourceSendRequest' && event.args?.data?.url === url);
  const main =
    navigation &&
    events.find((event) => event.name === 'thread_name' && event.pid === navigation.pid && event.args?.name === 'CrRendererMain');
  if (!navigation || !main) return `  trace: no renderer asked for ${url}`;
  const start = navigation.ts;
  const end = start + untilMs * 1000;
  const complete = events
    .filter(
      (event) =>
        event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur && event.ts >= start && event.ts < end,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Self time by kind: walk the nesting, charging each microsecond to the innermost event of a known kind.
  const byKind = new Map<string, number>();
  let busy = 0;
  const stack: Array<{ end: number; kind: string | undefined; childTime: number; dur: number }> = [];
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const done = stack.pop()!;
      const self = done.dur - done.childTime;
      const kind = done.kind ?? 'other';
      byKind.set(kind, (byKind.get(kind) ?? 0) + self);
      if (stack.length) stack[stack.length - 1].childTime += done.dur;
    }
  };
  for (const event of complete) {
    close(event.ts);
    const parent = stack[stack.length - 1];
    if (!parent && event.name !== 'RunTask') continue;
    if (!parent) busy += event.dur!;
    const kind = KIND_BY_EVENT[event.name] ?? parent?.kind;
    const dur = parent ? Math.min(event.dur!, parent.end - event.ts) : event.dur!;
    stack.push({ end: event.ts + dur, kind, childTime: 0, dur });
  }
  close(Number.POSITIVE_INFINITY);
  const ms = (us: number) => `${(us / 1000).toFixed(1)} ms`;
  return [
    `  main thread until the first card (${untilMs.toFixed(0)} ms): busy ${ms(busy)}`,
    ...[...byKind].sort((a, b) => b[1] - a[1]).map(([kind, us]) => `    ${ms(us).padStart(10)}  ${kind}`),
  ].join('\n');
}
