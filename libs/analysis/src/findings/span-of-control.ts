import type { SpanOfControlFinding } from '@rolemap/domain';
import type { AnalysisContext } from '../context/analysis-context';
import { clamp01 } from '../mix/position-mix';
import type { PositionNode } from '../snapshot/snapshot-index';
import { type AnalysisFinding, findingBase, subjectWithTitle } from './finding-text';

/** Span findings are about shape, not people: informational, never above this. */
export const SPAN_MAX_SEVERITY = 0.4;

/**
 * A leader with some reports but fewer than `spanMin` (one report with the default policy),
 * or more than `spanMax`. Vacant posts count: they are part of the team being led.
 * Severity: 0.2 for a narrow span; 0.2 to 0.4 for a wide one, reaching 0.4 at twice spanMax.
 */
export function spanOfControlFor(node: PositionNode, context: AnalysisContext): AnalysisFinding<SpanOfControlFinding> | null {
  const reports = node.children.length;
  const { spanMin, spanMax } = context.policy.thresholds;
  if (reports === 0) return null;
  const vacant = node.children.filter((child) => child.position.vacant).length;
  const vacantNote = vacant > 0 ? ` (${vacant} of them vacant)` : '';
  const who = subjectWithTitle(node);

  if (reports < spanMin) {
    const explanation =
      `${who} has ${reports} direct report${reports === 1 ? '' : 's'}${vacantNote}, fewer than the ${spanMin} the policy expects. ` +
      'A layer this narrow adds a hand-off without spreading the work; consider merging the team into the one above or widening it.';
    return { ...findingBase('SPAN_OF_CONTROL', node, 0.2, explanation), directReports: reports, limit: spanMin };
  }
  if (reports > spanMax) {
    const severity = Math.min(SPAN_MAX_SEVERITY, 0.2 + 0.2 * clamp01((reports - spanMax) / Math.max(spanMax, 1)));
    const explanation =
      `${who} has ${reports} direct reports${vacantNote}, ${reports - spanMax} more than the ${spanMax} one leader can usually support well. ` +
      'Consider adding a team lead or splitting the team.';
    return { ...findingBase('SPAN_OF_CONTROL', node, severity, explanation), directReports: reports, limit: spanMax };
  }
  return null;
}

export function spanOfControlFindings(context: AnalysisContext): AnalysisFinding<SpanOfControlFinding>[] {
  const findings: AnalysisFinding<SpanOfControlFinding>[] = [];
  for (const node of context.index.nodes) {
    const finding = spanOfControlFor(node, context);
    if (finding) findings.push(finding);
  }
  return findings;
}
