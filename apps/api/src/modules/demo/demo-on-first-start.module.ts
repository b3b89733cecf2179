import { Module } from '@nestjs/common';
import { DemoModule } from '@rolemap/server-imports';
import { SeedDemoOnFirstStart } from './seed-demo-on-first-start';

@Module({ imports: [DemoModule], providers: [SeedDemoOnFirstStart] })
export class DemoOnFirstStartModule {}
