import { AccessModule } from '../access/access.module';
import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { OrgChartService } from './org-chart.service';

@Module({ imports: [AccessModule, AnalysisModule, ReviewsModule], providers: [OrgChartService], exports: [OrgChartService] })
export class OrgChartModule {}
