import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';

export const DEADLINE_CODE = 'REQUEST_TIMEOUT';

/**
 * A request's time limit. Resolvers check it before they start, DataLoader batches before they
 * query, and pending work is raced against it, so a slow request answers with a clear error at
 * the limit and stops starting new work instead of holding memory and connections.
 */
export class RequestDeadline {
  expiresAt: number;
  /** Rejects when the time is up; every pending resolver races it. */
  readonly expired: Promise<never>;
  private readonly timer: NodeJS.Timeout;
  private cachedError?: GraphQLError;

  constructor(readonly limitMs: number) {
    this.expiresAt = Date.now() + limitMs;
    let expire!: (error: GraphQLError) => void;
    this.expired = new Promise<never>((_resolve, reject) => (expire = reject));
    this.expired.catch(() => undefined); // settled by the races; never an unhandled rejection
    this.timer = setTimeout(() => expire(this.error()), limitMs);
    this.timer.unref();
  }

  get exceeded(): boolean {
    return Date.now() >= this.expiresAt;
  }

  throwIfExceeded(): void {
    if (this.exceeded) throw this.error();
  }

  race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.expired]);
  }

  /**
   * Takes the limit off (a mutation: see requestDeadlinePlugin). A write stopped half-way would
   * answer "stopped" while its transaction still commits, so writes run to their end or fail
   * whole; what they read is bounded by their own limits (upload size, parse deadline).
   */
  lift(): void {
    clearTimeout(this.timer);
    this.expiresAt = Number.POSITIVE_INFINITY;
  }

  /** The request has answered: nothing waits for the timer any more. */
  dispose(): void {
    clearTimeout(this.timer);
  }

  /**
   * One error for every field the deadline stops. It carries a path already, so GraphQL reports
   * this very object for each field instead of building (and capturing a stack for) thousands.
   */
  error(): GraphQLError {
    if (!this.cachedError) {
      const limit = this.limitMs >= 1000 ? `${(this.limitMs / 1000).toLocaleString('en-US')} s` : `${this.limitMs} ms`;
      this.cachedError = new GraphQLError(
        `The request ran past its ${limit} time limit and was stopped. Ask for less (fewer fields, smaller pages) or try again later.`,
        { path: [], extensions: { code: DEADLINE_CODE } },
      );
    }
    return this.cachedError;
  }
}

interface WithDeadline {
  deadline?: RequestDeadline;
}

/**
 * Wraps every resolver the application defines (plain property reads stay as they are, so large
 * lists of scalars cost nothing extra): past the deadline a field fails at once, and a field still
 * waiting when the deadline passes fails then, which lets the whole response settle.
 */
export function enforceDeadline(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as GraphQLFieldResolver<unknown, WithDeadline> | undefined;
      if (!resolve) continue;
      field.resolve = (source, args, context, info) => {
        const deadline = context?.deadline;
        if (!deadline) return resolve(source, args, context, info);
        deadline.throwIfExceeded();
        const result = resolve(source, args, context, info);
        return isPromiseLike(result) ? deadline.race(Promise.resolve(result)) : result;
      };
    }
  }
  return schema;
}

/**
 * Clears the request's timer when it answers, and reports a deadline once: every field that was
 * stopped fails with the same error object, and formatting thousands of copies of one message
 * would cost more time than the deadline saved.
 */
export function requestDeadlinePlugin(): ApolloServerPlugin<WithDeadline & Record<string, unknown>> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'mutation') contextValue.deadline?.lift();
        },
        async didEncounterErrors({ errors }) {
          // Apollo formats this very array next, so it is thinned in place.
          const first = errors.findIndex((error) => error.extensions?.code === DEADLINE_CODE);
          if (first === -1) return;
          const kept = errors.filter((error, index) => index === first || error.extensions?.code !== DEADLINE_CODE);
          (errors as GraphQLError[]).splice(0, errors.length, ...kept);
        },
        async willSendResponse({ contextValue, response }) {
          contextValue.deadline?.dispose();
          if (response.body.kind !== 'single') return;
          // The shared error's path is empty; the message speaks for the whole request.
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === DEADLINE_CODE) delete (error as { path?: unknown }).path;
          }
        },
      };
    },
  };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
