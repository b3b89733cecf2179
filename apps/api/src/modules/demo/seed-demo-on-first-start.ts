import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, LOCAL_OPERATOR } from '@rolemap/server-core';
import { DemoSeedService } from '@rolemap/server-imports';

/** The server's first start on an empty database shows a real chart (ROLEMAP_SEED_DEMO). The CLI never seeds unasked. */
@Injectable()
export class SeedDemoOnFirstStart implements OnApplicationBootstrap {
  constructor(
    private readonly demo: DemoSeedService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const result = await this.demo.seedIfEmpty(LOCAL_OPERATOR);
    // Printed, not logged: the server runs with Nest's log level at warnings, and this line is for the user.
    if (result) console.log(`Seeded the demo organization "${result.organization}" (${result.people} people).`);
  }
}
