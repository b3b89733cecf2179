import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PolicyService } from './policy.service';

@Module({ imports: [OrganizationsModule, AuditModule], providers: [PolicyService], exports: [PolicyService] })
export class PolicyModule {}
