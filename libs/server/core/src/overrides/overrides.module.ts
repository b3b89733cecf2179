import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ClassificationOverridesService } from './classification-overrides.service';

@Module({
  imports: [OrganizationsModule, AuditModule],
  providers: [ClassificationOverridesService],
  exports: [ClassificationOverridesService],
})
export class OverridesModule {}
