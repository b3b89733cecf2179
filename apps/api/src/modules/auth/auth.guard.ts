import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type OrganizationRole } from '@rolemap/domain';
import {
  type Caller,
  ForbiddenOrganizationError,
  type OrganizationReference,
  organizationOf,
  roleIn,
} from '@rolemap/server-core';
import type { Request } from 'express';
import type { GraphQLResolveInfo } from 'graphql';
import { DataSource } from 'typeorm';
import type { GraphqlContext } from '../../common/graphql-context';
import { ACCESS_RULE, type AccessRule } from './access-rule.decorator';
import { RequestCallers } from './request-callers';

export const SIGN_IN_FIRST =
  'Sign in first: the web app signs you in with a session cookie; scripts and the CLI send Authorization: Bearer <API token>';

/**
 * The one guard in front of every GraphQL operation and REST route: it builds the caller, refuses
 * anonymous requests unless the route is @Public(), and checks the operation's declared roles in
 * the organization its arguments name. An operation without a rule is refused (fail closed).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly callers: RequestCallers,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = this.requestOf(context);
    // Built here rather than in the GraphQL context, so a request refused by the limits costs no SQL.
    const caller = await this.callers.of(request.req);
    if (request.graphql) request.graphql.context.caller = caller;
    if (rule?.kind === 'PUBLIC') return true;
    if (!caller) throw new DomainError('UNAUTHENTICATED', SIGN_IN_FIRST);
    if (!rule) throw new Error(`${context.getClass().name}.${context.getHandler().name} has no access rule`);
    if (rule.kind === 'SIGNED_IN') return true;
    const roles = await this.checkRoles(caller, rule.roles, rule.organizationFrom, request.args);
    if (request.graphql && roles.length === 1) request.graphql.context.roleByRootField.set(request.graphql.rootField, roles[0]);
    return true;
  }

  /** The caller's role in each organization the arguments name; refuses when one is not allowed. */
  private async checkRoles(
    caller: Caller,
    allowed: readonly OrganizationRole[],
    organizationFrom: Readonly<Record<string, OrganizationReference>>,
    args: Record<string, unknown>,
  ): Promise<OrganizationRole[]> {
    const roles: OrganizationRole[] = [];
    for (const [name, reference] of Object.entries(organizationFrom)) {
      const organizationId = await organizationOf(this.dataSource.manager, reference, valueAt(args, name));
      // Naming nothing: the service answers NOT_FOUND (or, for an import, decides whether it may create it).
      if (!organizationId) continue;
      const role = roleIn(caller, organizationId);
      if (!role) throw new ForbiddenOrganizationError(organizationId);
      if (!allowed.includes(role)) {
        throw new DomainError('FORBIDDEN', `This needs the role ${allowed.join(' or ')} in the organization; you are ${role}`);
      }
      if (!roles.includes(role)) roles.push(role);
    }
    return roles;
  }

  private requestOf(context: ExecutionContext): {
    req: Request;
    args: Record<string, unknown>;
    graphql?: { context: GraphqlContext; rootField: string };
  } {
    if (context.getType<GqlContextType>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const graphqlContext = gql.getContext<GraphqlContext>();
      const info = gql.getInfo<GraphQLResolveInfo>();
      return {
        req: graphqlContext.req,
        args: gql.getArgs(),
        graphql: { context: graphqlContext, rootField: String(info.path.key) },
      };
    }
    const req = context.switchToHttp().getRequest<Request>();
    return { req, args: { ...(req.query as Record<string, unknown>), ...req.params } };
  }
}

/** `filter.leaderPositionId` style paths reach into input objects. */
function valueAt(args: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
      args,
    );
}
