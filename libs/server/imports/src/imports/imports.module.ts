import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { ImportParser } from '@rolemap/importers';
import { APP_CONFIG, type AppConfig, AuditModule, OrganizationsModule } from '@rolemap/server-core';
import { ImportJobs } from './import-jobs.service';
import { ImportService } from './import.service';

/** Worker heap per MB of upload: reading 36 MB of CSV (100k people, 320k responsibilities) peaks near 400 MB. */
const HEAP_MB_PER_UPLOAD_MB = 24;

/**
 * Files and records become snapshots. Imported as it is (the CLI, the demo seed) files are read on
 * the calling thread; the API imports `ImportsModule.withWorkerParser()`, so uploads are read on
 * worker threads with a deadline and a heap limit and no file can stall other users.
 */
@Module({
  imports: [OrganizationsModule, AuditModule],
  providers: [ImportService],
  exports: [ImportService],
})
export class ImportsModule {
  static withWorkerParser(): DynamicModule {
    return {
      module: ImportsModule,
      providers: [
        {
          // ImportService closes it when the application stops.
          provide: ImportParser,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            new ImportParser({
              maxMemoryMb: Math.max(768, Math.ceil((config.maxUploadBytes / (1024 * 1024)) * HEAP_MB_PER_UPLOAD_MB)),
            }),
        },
      ],
    };
  }
}

/**
 * Imports through the background-job queue (needs JobsModule): the API's commitImport and
 * `rolemap import --no-wait`, on top of the imports module as the app configures it (the API
 * passes `ImportsModule.withWorkerParser()`). Apart, so commands that only import start no queue.
 */
@Module({})
export class ImportJobsModule {
  static on(imports: Type | DynamicModule = ImportsModule): DynamicModule {
    return {
      module: ImportJobsModule,
      imports: [imports, OrganizationsModule],
      providers: [ImportJobs],
      exports: [ImportJobs, imports],
    };
  }
}
