import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module';
import { ResponsibilitiesResolver } from './responsibilities.resolver';

@Module({ imports: [AnalysisModule], providers: [ResponsibilitiesResolver] })
export class ResponsibilitiesModule {}
