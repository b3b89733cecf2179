import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ImportService } from './import.service';
import { ImportsResolver } from './imports.resolver';

@Module({
  imports: [OrganizationsModule],
  providers: [ImportService, ImportsResolver],
  exports: [ImportService],
})
export class ImportsModule {}
