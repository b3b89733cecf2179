import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { TenantsService } from './tenants.service';

@Module({
  imports: [AccountsModule],
  providers: [TenantsService],
  exports: [TenantsService],
})
export class TenantsModule {}
