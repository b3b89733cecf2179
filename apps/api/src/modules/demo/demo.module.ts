import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [ImportsModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
