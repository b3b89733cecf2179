import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PrivacyService } from './privacy.service';

@Module({ imports: [OrganizationsModule, AuditModule], providers: [PrivacyService], exports: [PrivacyService] })
export class PrivacyModule {}
