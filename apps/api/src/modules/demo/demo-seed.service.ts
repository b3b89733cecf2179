import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_DEMO_AS_OF, generateDemoOrg } from '@rolemap/demo-data';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../app.module.tokens';
import { type Caller, LOCAL_OPERATOR } from '../../common/caller';
import type { AppConfig } from '../../config/app-config';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ImportService } from '../imports/import.service';
import { PolicyService } from '../policy/policy.service';

export interface DemoSeedResult {
  organization: string;
  snapshotVersion: number | null;
  people: number;
  created: boolean;
}

export const DEMO_MAX_LAYERS = 4;

/** The demo organization, so a new user sees a real chart on first start. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly imports: ImportService,
    private readonly policies: PolicyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    // Only an empty database gets the demo: never add it next to someone's real data.
    if ((await this.dataSource.getRepository(OrganizationEntity).count()) > 0) return;
    const result = await this.seed(LOCAL_OPERATOR);
    // Printed, not logged: the server runs with Nest's log level at warnings, and this line is for the user.
    console.log(`Seeded the demo organization "${result.organization}" (${result.people} people).`);
  }

  /** Imports the demo organization; a second call finds the identical snapshot and adds nothing. */
  async seed(caller: Caller): Promise<DemoSeedResult> {
    const demo = generateDemoOrg();
    const outcome = await this.imports.importRecords(caller, {
      organizationName: demo.name,
      people: demo.people,
      responsibilities: demo.responsibilities,
      asOf: DEFAULT_DEMO_AS_OF,
      label: 'Demo organization',
      sourceFileName: null,
    });
    if (outcome.snapshot && outcome.organization.id) {
      // Six levels for 150 people is deep: with spans of 6-8 four layers under the CEO suffice,
      // so the demo's policy says so and the chart shows what a LAYERS finding looks like.
      await this.policies.updatePolicy(caller, outcome.organization.id, { thresholds: { maxLayers: DEMO_MAX_LAYERS } });
    }
    return {
      organization: demo.name,
      snapshotVersion: outcome.snapshot?.version ?? outcome.duplicateOf?.version ?? null,
      people: demo.people.filter((person) => !person.vacant).length,
      created: outcome.snapshot !== null,
    };
  }
}
