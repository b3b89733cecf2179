import { Module } from '@nestjs/common';
import { PositionScopeService } from './position-scope.service';

@Module({ providers: [PositionScopeService], exports: [PositionScopeService] })
export class AccessModule {}
