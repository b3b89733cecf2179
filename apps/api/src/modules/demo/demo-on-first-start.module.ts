import { Module } from '@nestjs/common';
import { DemoSurveyModule } from '@rolemap/server-surveys';
import { SeedDemoOnFirstStart } from './seed-demo-on-first-start';

@Module({ imports: [DemoSurveyModule], providers: [SeedDemoOnFirstStart] })
export class DemoOnFirstStartModule {}
