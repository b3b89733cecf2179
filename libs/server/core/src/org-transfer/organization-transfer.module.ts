import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganizationTransferService } from './organization-transfer.service';

@Module({ imports: [AuditModule], providers: [OrganizationTransferService], exports: [OrganizationTransferService] })
export class OrganizationTransferModule {}
