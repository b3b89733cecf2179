import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { GradeTiersService } from './grade-tiers.service';

@Module({ imports: [OrganizationsModule, AuditModule], providers: [GradeTiersService], exports: [GradeTiersService] })
export class GradesModule {}
