import { AccessModule } from '../access/access.module';
import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { FindingsService } from './findings.service';

@Module({
  imports: [AccessModule, AnalysisModule, ReviewsModule],
  providers: [FindingsService],
  exports: [FindingsService],
})
export class FindingsModule {}
