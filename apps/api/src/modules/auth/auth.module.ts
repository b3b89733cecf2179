import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { RequestCallers } from './request-callers';
import { SsoController } from './sso.controller';

/** Sign-in routes and the one guard every GraphQL operation and REST route passes. */
@Global()
@Module({
  controllers: [AuthController, SsoController],
  providers: [RequestCallers, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [RequestCallers],
})
export class AuthModule {}
