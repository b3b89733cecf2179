import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AccountsService } from './accounts.service';

@Module({ imports: [AuditModule], providers: [AccountsService], exports: [AccountsService] })
export class AccountsModule {}
