import { Module } from '@nestjs/common';
import { ImportJobsModule, ImportsModule } from '@rolemap/server-imports';
import { ReanalysisJobsModule } from '@rolemap/server-jobs';
import { ReportsModule } from '@rolemap/server-reports';
import { SurveyJobsModule, SurveysModule } from '@rolemap/server-surveys';
import { RESOLVERS } from './resolvers';

/** Every GraphQL resolver: thin translations onto the server core's services (global), and the imports', surveys' and reports'. */
@Module({
  imports: [
    ImportJobsModule.on(ImportsModule.withWorkerParser()),
    SurveysModule,
    SurveyJobsModule.register(),
    ReanalysisJobsModule.register(),
    ReportsModule,
  ],
  providers: RESOLVERS,
})
export class ResolversModule {}
