import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module';
import { OverridesModule } from '../overrides/overrides.module';
import { ReviewQueueService } from './review-queue.service';

@Module({
  imports: [AnalysisModule, OverridesModule],
  providers: [ReviewQueueService],
  exports: [ReviewQueueService],
})
export class ReviewQueueModule {}
