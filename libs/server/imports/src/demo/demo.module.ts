import { Module } from '@nestjs/common';
import { AccountsModule, DictionaryModule, PolicyModule } from '@rolemap/server-core';
import { ImportsModule } from '../imports/imports.module';
import { DemoAccountsService } from './demo-accounts.service';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [ImportsModule, PolicyModule, AccountsModule, DictionaryModule],
  providers: [DemoSeedService, DemoAccountsService],
  exports: [DemoSeedService, DemoAccountsService],
})
export class DemoModule {}
