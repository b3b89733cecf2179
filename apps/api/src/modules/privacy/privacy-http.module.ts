import { Module } from '@nestjs/common';
import { PersonDataController } from './person-data.controller';

@Module({ controllers: [PersonDataController] })
export class PrivacyHttpModule {}
