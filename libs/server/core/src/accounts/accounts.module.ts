import { Module } from '@nestjs/common';
import { AuditAccountEvents } from '../audit/audit-account-events';
import { AuditModule } from '../audit/audit.module';
import { AccountsService } from './accounts.service';
import { MembersService } from './members.service';
import { SIGN_IN_OBSERVER } from './sign-in-observer';

/** Accounts, with sign-ins, refusals and role changes recorded in the audit log. */
@Module({
  imports: [AuditModule],
  providers: [AccountsService, MembersService, { provide: SIGN_IN_OBSERVER, useClass: AuditAccountEvents }],
  exports: [AccountsService, MembersService],
})
export class AccountsModule {}
