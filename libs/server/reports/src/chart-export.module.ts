import { Module } from '@nestjs/common';
import { AuditModule, OrgChartModule } from '@rolemap/server-core';
import { ChartExportService } from './chart-export.service';

@Module({ imports: [OrgChartModule, AuditModule], providers: [ChartExportService], exports: [ChartExportService] })
export class ChartExportModule {}
