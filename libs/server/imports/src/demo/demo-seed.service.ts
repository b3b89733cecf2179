import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_DEMO_AS_OF, generateDemoOrg } from '@rolemap/demo-data';
import { type Caller, DictionaryService, OrganizationEntity, PolicyService } from '@rolemap/server-core';
import { DataSource } from 'typeorm';
import { ImportService } from '../imports/import.service';

export interface DemoSeedResult {
  organization: string;
  organizationId: string | null;
  snapshotVersion: number | null;
  people: number;
  created: boolean;
}

export const DEMO_MAX_LAYERS = 4;

/** The demo organization, so a new user sees a real chart on first start. */
@Injectable()
export class DemoSeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly imports: ImportService,
    private readonly policies: PolicyService,
    private readonly dictionary: DictionaryService,
  ) {}

  /** Seeds the demo only into an empty database: never next to someone's real data. Null when not empty. */
  async seedIfEmpty(caller: Caller): Promise<DemoSeedResult | null> {
    if ((await this.dataSource.getRepository(OrganizationEntity).count()) > 0) return null;
    return this.seed(caller);
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
    // The demo gets its own copy of the starter dictionary to browse and edit (kept on a re-seed).
    if (outcome.organization.id) await this.dictionary.copyStarter(caller, outcome.organization.id);
    return {
      organization: demo.name,
      organizationId: outcome.organization.id,
      snapshotVersion: outcome.snapshot?.version ?? outcome.duplicateOf?.version ?? null,
      people: demo.people.filter((person) => !person.vacant).length,
      created: outcome.snapshot !== null,
    };
  }
}
