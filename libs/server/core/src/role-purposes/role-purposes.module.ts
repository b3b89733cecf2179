import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { RolePurposesService } from './role-purposes.service';

@Module({ imports: [OrganizationsModule, AuditModule], providers: [RolePurposesService], exports: [RolePurposesService] })
export class RolePurposesModule {}
