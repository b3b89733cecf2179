import { Module } from '@nestjs/common';
import { ResponsibilitiesResolver } from './responsibilities.resolver';

@Module({ providers: [ResponsibilitiesResolver] })
export class ResponsibilitiesModule {}
