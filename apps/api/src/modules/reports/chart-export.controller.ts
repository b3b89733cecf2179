import { BadRequestException, Controller, Get, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { CHART_PAPERS, type ChartExportRequest, type ChartPaper, writeChartPdf } from '@rolemap/reports';
import { OrganizationsService, SnapshotsService, isUuid } from '@rolemap/server-core';
import { ChartExportService } from '@rolemap/server-reports';
import type { Request, Response } from 'express';
import { HR_AND_LEADERS, RequireRole } from '../auth/access-rule.decorator';
import { RequestCallers } from '../auth/request-callers';
import { sendReportFile, writeDownloadFile } from './report-file';

interface ChartQuery {
  format?: string;
  snapshot?: string;
  snapshotId?: string;
  layout?: string;
  paper?: string;
  depth?: string;
  open?: string | string[];
  closed?: string | string[];
}

/**
 * The org chart as a vector PDF, written out in full and sent like every report (Content-Length,
 * Content-Digest):
 * GET /api/organizations/:organizationId/reports/chart?format=pdf&(snapshot=N | snapshotId=…)
 *   &layout=normal|compact &paper=a4|letter &depth=N|all &open=id,… &closed=id,…
 * `depth`, `open` and `closed` say what the web chart shows: the levels, the cards opened beyond
 * them and those closed within them. Registered before the reports controller, whose `:kind`
 * would otherwise take the path.
 */
@Controller('api/organizations/:organizationId/reports/chart')
export class ChartExportController {
  constructor(
    private readonly charts: ChartExportService,
    private readonly organizations: OrganizationsService,
    private readonly snapshots: SnapshotsService,
    private readonly callers: RequestCallers,
  ) {}

  @RequireRole(HR_AND_LEADERS, { organizationId: 'organization' })
  @Get()
  async download(
    @Req() req: Request,
    @Param('organizationId') organizationId: string,
    @Query() query: ChartQuery,
    @Res() res: Response,
  ): Promise<void> {
    const caller = (await this.callers.of(req))!;
    if (!isUuid(organizationId)) throw new NotFoundException(`No organization with id ${organizationId}`);
    const format = query.format ?? 'pdf';
    if (format !== 'pdf') {
      throw new BadRequestException(
        `Unknown format "${format}" for the org chart; use pdf (the PNG is made in the browser: Export PNG above the chart)`,
      );
    }
    const request = chartRequest(query);
    const version = query.snapshot ? Number(query.snapshot) : null;
    if (version !== null && (!Number.isInteger(version) || version < 1))
      throw new BadRequestException('snapshot must be a version number');
    const organization = await this.organizations.get(caller, organizationId);
    const snapshot = query.snapshotId
      ? await this.snapshots.get(caller, query.snapshotId)
      : await this.snapshots.byVersion(caller, organizationId, version);
    if (snapshot.organizationId !== organization.id) throw new NotFoundException('That snapshot belongs to another organization');
    const chart = await this.charts.build(caller, snapshot, organization.name, request, format);
    const gone = new AbortController();
    const onClose = () => gone.abort();
    res.on('close', onClose);
    let file;
    try {
      file = await writeDownloadFile('pdf', (out) => writeChartPdf(chart, out), gone.signal);
    } finally {
      res.off('close', onClose);
    }
    await sendReportFile(res, file, 'application/pdf', `${slug(organization.name)}-v${snapshot.version}-org-chart.pdf`);
  }
}

export function chartRequest(query: ChartQuery): ChartExportRequest {
  const layout = query.layout ?? 'normal';
  if (layout !== 'normal' && layout !== 'compact')
    throw new BadRequestException(`layout must be normal or compact (got "${layout}")`);
  const paper = (query.paper ?? 'a4').toLowerCase();
  if (!(CHART_PAPERS as readonly string[]).includes(paper)) {
    throw new BadRequestException(`paper must be a4 or letter (got "${query.paper}")`);
  }
  let depth: number | null = null;
  if (query.depth !== undefined && query.depth !== 'all') {
    depth = Number(query.depth);
    if (!/^\d+$/.test(query.depth)) throw new BadRequestException(`depth must be a whole number or all (got "${query.depth}")`);
  }
  // `open=a,b` or `open=a&open=b`.
  const ids = (value: string | string[] | undefined) =>
    [value ?? []]
      .flat()
      .flatMap((part) => String(part).split(','))
      .map((id) => id.trim())
      .filter(Boolean);
  return { depth, open: ids(query.open), closed: ids(query.closed), compact: layout === 'compact', paper: paper as ChartPaper };
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'organization'
  );
}
