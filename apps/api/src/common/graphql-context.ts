import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DomainError, type OrganizationRole } from '@rolemap/domain';
import { GqlExecutionContext } from '@nestjs/graphql';
import {
  type Caller,
  type PeopleLoaders,
  type PositionLoaders,
  type ResponsibilityLoaders,
  type VisiblePositions,
  createPeopleLoaders,
  createPositionLoaders,
  createResponsibilityLoaders,
} from '@rolemap/server-core';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import type { RequestDeadline } from './graphql-limits/request-deadline';

/** Each feature's DataLoaders, made fresh for every request (they cache what they load). */
export interface RequestLoaders {
  positions: PositionLoaders;
  people: PeopleLoaders;
  responsibilities: ResponsibilityLoaders;
}

/** Past the request's deadline a batch fails before it queries, so a stopped request issues no more SQL. */
export function createRequestLoaders(
  dataSource: DataSource,
  deadline?: RequestDeadline,
  visibleIn?: VisiblePositions,
): RequestLoaders {
  const beforeBatch = deadline && (() => deadline.throwIfExceeded());
  return {
    positions: createPositionLoaders(dataSource, beforeBatch, visibleIn),
    people: createPeopleLoaders(dataSource, beforeBatch),
    responsibilities: createResponsibilityLoaders(dataSource, beforeBatch),
  };
}

export interface GraphqlContext {
  req: Request;
  /** Built by the auth module from the session cookie or API token; null when anonymous. */
  caller: Caller | null;
  /**
   * The caller's role in the organization each top-level field (by response key) works on, as the
   * guard found it; sensitive fields below that field are shown or hidden by it.
   */
  roleByRootField: Map<string, OrganizationRole>;
  /** The request's time limit; work past it fails with a clear error instead of running on. */
  deadline: RequestDeadline;
  loaders: RequestLoaders;
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

/** The signed-in caller; the guard has refused anonymous requests before any resolver asks. */
export function signedInCaller(context: GraphqlContext): Caller {
  if (!context.caller) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
  return context.caller;
}

export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller =>
    signedInCaller(GqlExecutionContext.create(context).getContext<GraphqlContext>()),
);

export const Loaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestLoaders =>
    GqlExecutionContext.create(context).getContext<GraphqlContext>().loaders,
);
