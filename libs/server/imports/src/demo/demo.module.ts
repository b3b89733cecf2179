import { Module } from '@nestjs/common';
import { PolicyModule } from '@rolemap/server-core';
import { ImportsModule } from '../imports/imports.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [ImportsModule, PolicyModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
