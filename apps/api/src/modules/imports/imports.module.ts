import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ImportService } from './import.service';

@Module({
  imports: [OrganizationsModule],
  providers: [ImportService],
  exports: [ImportService],
})
export class ImportsModule {}
