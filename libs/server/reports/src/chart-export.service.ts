import { Injectable } from '@nestjs/common';
import { type ChartExport, type ChartExportRequest, buildChartExport } from '@rolemap/reports';
import { AuditLogService, type Caller, type OrgSnapshotEntity, OrgChartService } from '@rolemap/server-core';

/**
 * The org chart as printed: every position the caller may see (a leader, their subtree), laid
 * out with the browser's own layout code as the web describes what it shows.
 */
@Injectable()
export class ChartExportService {
  constructor(
    private readonly orgChart: OrgChartService,
    private readonly audit: AuditLogService,
  ) {}

  async build(
    caller: Caller,
    snapshot: OrgSnapshotEntity,
    organizationName: string,
    request: ChartExportRequest,
    format: string,
  ): Promise<ChartExport> {
    const nodes = await this.orgChart.nodes(caller, snapshot.id);
    const chart = buildChartExport(
      nodes.map((node) => ({ ...node, actualMix: { ...node.actualMix }, expectedMix: { ...node.expectedMix } })),
      request,
      { organizationName, snapshotVersion: snapshot.version, asOf: snapshot.asOf },
    );
    await this.audit.record(caller, {
      action: 'export',
      organizationId: snapshot.organizationId,
      target: `org chart, snapshot v${snapshot.version}`,
      details: {
        kind: 'chart',
        format,
        snapshotVersion: snapshot.version,
        cards: chart.layout.nodes.length,
        layout: request.compact ? 'compact' : 'normal',
        paper: request.paper,
      },
    });
    return chart;
  }
}
