import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { PolicyModule } from '../policy/policy.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [ImportsModule, PolicyModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
