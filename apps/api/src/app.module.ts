import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { getDataSourceToken } from '@nestjs/typeorm';
import {
  type AppConfig,
  type DatabaseObservers,
  type DatabaseTarget,
  PositionScopeService,
  ServerCoreModule,
} from '@rolemap/server-core';
import { JobsModule } from '@rolemap/server-jobs';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { type GraphqlContext, createRequestLoaders } from './common/graphql-context';
import { formatGraphqlError } from './common/graphql-errors';
import { graphqlLimitOptions } from './common/graphql-limits/graphql-limits';
import { RequestDeadline } from './common/graphql-limits/request-deadline';
import { AuditHttpModule } from './modules/audit/audit-http.module';
import { AuthModule } from './modules/auth/auth.module';
import { RequestCallers } from './modules/auth/request-callers';
import { DemoOnFirstStartModule } from './modules/demo/demo-on-first-start.module';
import { DictionaryHttpModule } from './modules/dictionary/dictionary-http.module';
import { SurveyTemplateHttpModule } from './modules/surveys/survey-template-http.module';
import { HealthModule } from './modules/health/health.module';
import { PrivacyHttpModule } from './modules/privacy/privacy-http.module';
import { ReportsHttpModule } from './modules/reports/reports-http.module';
import { ResolversModule } from './schema/resolvers.module';

/**
 * The API: the server core's services (the same modules the CLI boots), with GraphQL, the REST
 * endpoints and the first-start demo on top.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseTarget, observers: DatabaseObservers = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServerCoreModule.forRoot({ config, database, observers }),
        // Every replica runs queued jobs (unless ROLEMAP_JOB_CONCURRENCY=0).
        JobsModule.forRoot({ work: true }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [getDataSourceToken(), PositionScopeService, RequestCallers],
          useFactory: (dataSource: DataSource, scope: PositionScopeService, callers: RequestCallers) => ({
            autoSchemaFile: true,
            sortSchema: true,
            // Depth, alias, field-count, token and complexity limits, the deadline, introspection.
            ...graphqlLimitOptions(config.graphql),
            // Multipart uploads carry this header; Apollo's CSRF guard still blocks simple cross-site posts.
            csrfPrevention: { requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'x-rolemap-client'] },
            formatError: formatGraphqlError,
            // Errors get their codes in one place (common/client-errors.ts), not also here.
            autoTransformHttpErrors: false,
            context: ({ req }: { req: Request }): GraphqlContext => {
              const deadline = new RequestDeadline(config.graphql.timeoutMs);
              return {
                req,
                // Set by the auth guard before the first resolver runs.
                caller: null,
                roleByRootField: new Map(),
                deadline,
                // Positions outside the caller's scope never come out of the loaders.
                // (The caller is the one the guard built: RequestCallers keeps one per request.)
                loaders: createRequestLoaders(dataSource, deadline, async (snapshotId) => {
                  const caller = await callers.of(req);
                  return caller ? scope.visibleInSnapshot(caller, snapshotId) : new Set<string>();
                }),
                memo: new Map(),
              };
            },
          }),
        }),
        AuthModule,
        ResolversModule,
        ReportsHttpModule,
        AuditHttpModule,
        PrivacyHttpModule,
        DictionaryHttpModule,
        SurveyTemplateHttpModule,
        HealthModule,
        DemoOnFirstStartModule,
      ],
    };
  }
}
