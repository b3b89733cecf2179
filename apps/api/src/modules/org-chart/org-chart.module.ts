import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { OrgChartResolver } from './org-chart.resolver';
import { OrgChartService } from './org-chart.service';

@Module({ imports: [AnalysisModule, ReviewsModule], providers: [OrgChartService, OrgChartResolver], exports: [OrgChartService] })
export class OrgChartModule {}
