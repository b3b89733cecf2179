import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { SingleSignOnService } from './single-sign-on.service';

/** Single sign-on through OpenID Connect (off unless ROLEMAP_OIDC_ISSUER is set). */
@Module({
  imports: [AccountsModule],
  providers: [SingleSignOnService],
  exports: [SingleSignOnService],
})
export class SsoModule {}
