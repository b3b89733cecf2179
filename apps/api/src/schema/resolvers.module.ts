import { Module } from '@nestjs/common';
import { ImportJobsModule, ImportsModule } from '@rolemap/server-imports';
import { ReanalysisJobsModule } from '@rolemap/server-jobs';
import { SurveyJobsModule } from '@rolemap/server-surveys';
import { RESOLVERS } from './resolvers';

/** Every GraphQL resolver: thin translations onto the server core's services (global), and the imports' and surveys'. */
@Module({
  imports: [ImportJobsModule.on(ImportsModule.withWorkerParser()), SurveyJobsModule.register(), ReanalysisJobsModule.register()],
  providers: RESOLVERS,
})
export class ResolversModule {}
