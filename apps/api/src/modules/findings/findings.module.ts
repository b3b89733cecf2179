import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { PositionAnalysisResolver } from '../analysis/analysis.resolver';
import { FindingsResolver } from './findings.resolver';
import { FindingsService } from './findings.service';

@Module({
  imports: [AnalysisModule, ReviewsModule],
  providers: [FindingsService, FindingsResolver, PositionAnalysisResolver],
  exports: [FindingsService],
})
export class FindingsModule {}
