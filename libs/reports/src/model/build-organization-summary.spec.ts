import { demoInputs } from '../testing/report-fixtures';
import { buildOrganizationSummary, spanBands, TOP_RISK_COUNT } from './build-organization-summary';

const demo = demoInputs();
const report = buildOrganizationSummary(demo.snapshot, demo.analysis, demo.policy, demo.options);

describe('buildOrganizationSummary', () => {
  it('counts findings per kind and per department as the analysis does', () => {
    expect(report.headline.findings).toBe(demo.analysis.findings.length);
    expect(report.findingsByKind.reduce((sum, row) => sum + row.count, 0)).toBe(demo.analysis.findings.length);
    expect(report.findingsByKind.find((row) => row.kind === 'DELEGATION_GAP')?.count).toBe(
      demo.analysis.findings.filter((finding) => finding.kind === 'DELEGATION_GAP').length,
    );
    expect(report.findingsByDepartment.reduce((sum, row) => sum + row.total, 0)).toBe(demo.analysis.findings.length);
    expect(report.findingsByDepartment[0].department).toBe('Engineering');
  });

  it('describes spans and layers of the chart', () => {
    const managers = demo.snapshot.positions.filter((position) =>
      demo.snapshot.positions.some((p) => p.reportsToId === position.id),
    ).length;
    expect(report.spans.managers).toBe(managers);
    expect(report.spans.distribution.reduce((sum, band) => sum + band.managers, 0)).toBe(managers);
    expect(report.spans.widestSpan).toBe(14);
    expect(report.spans.findings.map((finding) => finding.kind)).toEqual(['SPAN_OF_CONTROL', 'SPAN_OF_CONTROL']);
    expect(report.layers.positionsByLevel.reduce((sum, row) => sum + row.positions, 0)).toBe(demo.snapshot.positions.length);
    expect(report.layers.positionsByLevel[0]).toEqual({ level: 1, positions: 1 });
    expect(report.layers.levels).toBe(report.layers.deepestLayers + 1);
  });

  it('ranks top risks by severity and the most tactical leaders by excess', () => {
    expect(report.topRisks).toHaveLength(TOP_RISK_COUNT);
    expect(report.topRisks[0].severity).toBe(Math.max(...demo.analysis.findings.map((finding) => finding.severity)));
    const severities = report.topRisks.map((finding) => finding.severity);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    expect(report.tacticalLeaders[0].leader.employeeId).toBe('E0011');
    expect(report.tacticalLeaders.every((row) => row.tier !== 'IC' && row.excessPoints > 0)).toBe(true);
  });
});

describe('spanBands', () => {
  it('puts the policy limits on band edges', () => {
    expect(spanBands(2, 12).map((band) => [band.label, band.outsidePolicy])).toEqual([
      ['1', true],
      ['2–5', false],
      ['6–9', false],
      ['10–12', false],
      ['13–24', true],
      ['25+', true],
    ]);
    expect(spanBands(1, 3).map((band) => band.label)).toEqual(['1', '2', '3', '4–6', '7+']);
  });
});
