import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessModule } from './access/access.module';
import { ActionsModule } from './actions/actions.module';
import { AccountsModule } from './accounts/accounts.module';
import { AnalysisModule } from './analysis/analysis.module';
import { AuditModule } from './audit/audit.module';
import type { AppConfig } from './config/app-config';
import { DictionaryModule } from './dictionary/dictionary.module';
import { type DatabaseObservers, type DatabaseTarget, dataSourceOptions, scopedToTenants } from './database/data-source';
import { FindingsModule } from './findings/findings.module';
import { OrgChartModule } from './org-chart/org-chart.module';
import { OrganizationTransferModule } from './org-transfer/organization-transfer.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { OverridesModule } from './overrides/overrides.module';
import { PeopleModule } from './people/people.module';
import { PolicyModule } from './policy/policy.module';
import { GradesModule } from './grades/grades.module';
import { RolePurposesModule } from './role-purposes/role-purposes.module';
import { PositionsModule } from './positions/positions.module';
import { ReviewQueueModule } from './review-queue/review-queue.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ReviewsModule } from './reviews/reviews.module';
import { APP_CONFIG, DATABASE_TARGET } from './server-core.tokens';
import { ScenariosModule } from './scenarios/scenarios.module';
import { SnapshotsModule } from './snapshots/snapshots.module';
import { SsoModule } from './sso/sso.module';
import { TenantsModule } from './tenants/tenants.module';

const FEATURE_MODULES = [
  AuditModule,
  AccessModule,
  AccountsModule,
  OrganizationsModule,
  PolicyModule,
  GradesModule,
  RolePurposesModule,
  SnapshotsModule,
  PositionsModule,
  PeopleModule,
  OverridesModule,
  ReviewsModule,
  AnalysisModule,
  FindingsModule,
  OrgChartModule,
  ReviewQueueModule,
  PrivacyModule,
  TenantsModule,
  OrganizationTransferModule,
  SsoModule,
  DictionaryModule,
  ActionsModule,
  ScenariosModule,
];

export interface ServerCoreOptions {
  config: AppConfig;
  database: DatabaseTarget;
  observers?: DatabaseObservers;
  /**
   * An initialised, migrated connection to use instead of opening one (the CLI opens the
   * database itself to report the migrations it ran). Without it the schema is migrated on start.
   */
  dataSource?: DataSource;
}

/**
 * The server's services without any transport: the database and every feature's service module,
 * global, so the API (GraphQL, REST) and the CLI boot the same wiring. Nothing here knows GraphQL
 * or HTTP; the imports and reports modules (libs/server/imports, libs/server/reports) sit on top.
 */
@Module({})
export class ServerCoreModule {
  static forRoot({ config, database, observers = {}, dataSource }: ServerCoreOptions): DynamicModule {
    return {
      module: ServerCoreModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(database, observers), migrationsRun: !dataSource }),
          // Always through scopedToTenants: every connection acts in the caller's tenant.
          dataSourceFactory: async (options) => dataSource ?? scopedToTenants(new DataSource(options!)),
        }),
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_TARGET, useValue: database },
      ],
      exports: [APP_CONFIG, DATABASE_TARGET, ...FEATURE_MODULES],
    };
  }
}
