import { Module } from '@nestjs/common';
import { ImportParser } from '@rolemap/importers';
import { APP_CONFIG } from '../../app.module.tokens';
import type { AppConfig } from '../../config/app-config';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ImportService } from './import.service';
import { ImportsResolver } from './imports.resolver';

/** Worker heap per MB of upload: reading 36 MB of CSV (100k people, 320k responsibilities) peaks near 400 MB. */
const HEAP_MB_PER_UPLOAD_MB = 24;

@Module({
  imports: [OrganizationsModule],
  providers: [
    ImportService,
    ImportsResolver,
    {
      // Uploads are read off the thread that answers every request (ImportService closes it).
      provide: ImportParser,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new ImportParser({
          maxMemoryMb: Math.max(768, Math.ceil((config.maxUploadBytes / (1024 * 1024)) * HEAP_MB_PER_UPLOAD_MB)),
        }),
    },
  ],
  exports: [ImportService],
})
export class ImportsModule {}
