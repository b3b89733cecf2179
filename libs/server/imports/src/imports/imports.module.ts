import { Module } from '@nestjs/common';
import { OrganizationsModule } from '@rolemap/server-core';
import { ImportService } from './import.service';

@Module({
  imports: [OrganizationsModule],
  providers: [ImportService],
  exports: [ImportService],
})
export class ImportsModule {}
