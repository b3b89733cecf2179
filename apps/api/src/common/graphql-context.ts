import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Caller } from './caller';
import type { DataLoaders } from './data-loaders';
import type { RequestDeadline } from './graphql-limits/request-deadline';

export interface GraphqlContext {
  req: Request;
  caller: Caller;
  /** The request's time limit; work past it fails with a clear error instead of running on. */
  deadline: RequestDeadline;
  loaders: DataLoaders;
  /** Values computed once per request (e.g. a snapshot's analysis), shared by every field. */
  memo: Map<string, Promise<unknown>>;
}

/** Runs `compute` once per request for `key`; every later field of the request reuses it. */
export function oncePerRequest<T>(context: GraphqlContext, key: string, compute: () => Promise<T>): Promise<T> {
  let value = context.memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    context.memo.set(key, value);
  }
  return value;
}

export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller => GqlExecutionContext.create(context).getContext<GraphqlContext>().caller,
);

export const Loaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext): DataLoaders =>
    GqlExecutionContext.create(context).getContext<GraphqlContext>().loaders,
);
