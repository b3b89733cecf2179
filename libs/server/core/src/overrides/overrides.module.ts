import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ClassificationOverridesService } from './classification-overrides.service';

@Module({
  imports: [OrganizationsModule],
  providers: [ClassificationOverridesService],
  exports: [ClassificationOverridesService],
})
export class OverridesModule {}
