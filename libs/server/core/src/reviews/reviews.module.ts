import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ReviewsService } from './reviews.service';

@Module({ imports: [AuditModule], providers: [ReviewsService], exports: [ReviewsService] })
export class ReviewsModule {}
