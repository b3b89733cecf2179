import { Module } from '@nestjs/common';
import { SurveysModule } from '@rolemap/server-surveys';
import { SurveyTemplateController } from './survey-template.controller';

@Module({ imports: [SurveysModule], controllers: [SurveyTemplateController] })
export class SurveyTemplateHttpModule {}
