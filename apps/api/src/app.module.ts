import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request } from 'express';
import { APP_CONFIG, DATABASE_TARGET } from './app.module.tokens';
import { LOCAL_OPERATOR } from './common/caller';
import { CommonModule } from './common/common.module';
import { DataLoadersFactory } from './common/data-loaders';
import type { GraphqlContext } from './common/graphql-context';
import { formatGraphqlError } from './common/graphql-errors';
import { graphqlLimitOptions } from './common/graphql-limits/graphql-limits';
import { RequestDeadline } from './common/graphql-limits/request-deadline';
import type { AppConfig } from './config/app-config';
import { type DatabaseObservers, type DatabaseTarget, dataSourceOptions } from './database/data-source';
import { AnalysisModule } from './modules/analysis/analysis.module';
import { DemoModule } from './modules/demo/demo.module';
import { HealthModule } from './modules/health/health.module';
import { ImportsModule } from './modules/imports/imports.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { PeopleModule } from './modules/people/people.module';
import { PositionsModule } from './modules/positions/positions.module';
import { ReportsModule } from './modules/reports/reports.module';
import { ResponsibilitiesModule } from './modules/responsibilities/responsibilities.module';
import { SnapshotsModule } from './modules/snapshots/snapshots.module';

export { APP_CONFIG, DATABASE_TARGET } from './app.module.tokens';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseTarget, observers: DatabaseObservers = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(database, observers), migrationsRun: true }),
        CommonModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [DataLoadersFactory],
          useFactory: (loaders: DataLoadersFactory) => ({
            autoSchemaFile: true,
            sortSchema: true,
            // Depth, alias, field-count, token and complexity limits, the deadline, introspection.
            ...graphqlLimitOptions(config.graphql),
            // Multipart uploads carry this header; Apollo's CSRF guard still blocks simple cross-site posts.
            csrfPrevention: { requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'x-rolemap-client'] },
            formatError: formatGraphqlError,
            context: ({ req }: { req: Request }): GraphqlContext => {
              const deadline = new RequestDeadline(config.graphql.timeoutMs);
              return { req, caller: LOCAL_OPERATOR, deadline, loaders: loaders.create(deadline), memo: new Map() };
            },
          }),
        }),
        OrganizationsModule,
        SnapshotsModule,
        PositionsModule,
        PeopleModule,
        ResponsibilitiesModule,
        ImportsModule,
        AnalysisModule,
        ReportsModule,
        DemoModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_TARGET, useValue: database },
      ],
      exports: [APP_CONFIG, DATABASE_TARGET],
      global: true,
    };
  }
}
