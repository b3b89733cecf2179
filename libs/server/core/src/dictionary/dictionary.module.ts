import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { DictionaryService } from './dictionary.service';

@Module({ imports: [OrganizationsModule, AuditModule], providers: [DictionaryService], exports: [DictionaryService] })
export class DictionaryModule {}
