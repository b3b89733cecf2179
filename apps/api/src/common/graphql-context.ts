import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Caller } from './caller';
import type { DataLoaders } from './data-loaders';

export interface GraphqlContext {
  req: Request;
  caller: Caller;
  loaders: DataLoaders;
}

export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller => GqlExecutionContext.create(context).getContext<GraphqlContext>().caller,
);

export const Loaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext): DataLoaders =>
    GqlExecutionContext.create(context).getContext<GraphqlContext>().loaders,
);
