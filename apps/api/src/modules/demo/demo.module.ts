import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [ImportsModule, OrganizationsModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
