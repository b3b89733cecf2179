import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ClassificationOverridesService } from './classification-overrides.service';
import { OverridesResolver } from './overrides.resolver';

@Module({
  imports: [OrganizationsModule],
  providers: [ClassificationOverridesService, OverridesResolver],
  exports: [ClassificationOverridesService],
})
export class OverridesModule {}
