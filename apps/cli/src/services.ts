import type { DataSource } from 'typeorm';
import type { DatabaseTarget } from '../../api/src/database/data-source';
import { AnalysisService } from '../../api/src/modules/analysis/analysis.service';
import { DemoSeedService } from '../../api/src/modules/demo/demo-seed.service';
import { ImportService } from '../../api/src/modules/imports/import.service';
import { OrganizationsService } from '../../api/src/modules/organizations/organizations.service';
import { ClassificationOverridesService } from '../../api/src/modules/overrides/classification-overrides.service';
import { PolicyService } from '../../api/src/modules/policy/policy.service';
import { ReviewsService } from '../../api/src/modules/reviews/reviews.service';
import { SnapshotsService } from '../../api/src/modules/snapshots/snapshots.service';
import type { AppConfig } from '../../api/src/config/app-config';

/**
 * The API's services wired by hand: the CLI needs a handful of them and no HTTP server,
 * and plain construction starts in milliseconds.
 */
export function cliServices(dataSource: DataSource, database: DatabaseTarget, config: AppConfig) {
  const organizations = new OrganizationsService(dataSource);
  const snapshots = new SnapshotsService(dataSource);
  const imports = new ImportService(dataSource, database, organizations);
  const policies = new PolicyService(dataSource, organizations);
  const demo = new DemoSeedService(dataSource, imports, policies, config);
  const overrides = new ClassificationOverridesService(dataSource, organizations);
  const analysis = new AnalysisService(dataSource, snapshots, policies, overrides);
  const reviews = new ReviewsService(dataSource);
  return { organizations, snapshots, policies, imports, demo, analysis, reviews };
}
