import { ApolloLink } from '@apollo/client';
import { type Observable, ReplaySubject } from 'rxjs';

/** How long a prefetched answer waits for the page to ask for it. */
const KEEP_MS = 5_000;

type Kept = { answer: ReplaySubject<ApolloLink.Result>; expiresAt: number };

/** Operation name and variables, with object keys sorted so the order they were written in does not matter. */
export function operationKey(operationName: string | undefined, variables: Record<string, unknown>): string {
  const sorted = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
        )
      : value;
  return `${operationName ?? ''}:${JSON.stringify(sorted(variables))}`;
}

/**
 * Lets a page's first queries leave before React has rendered the components that send them. An
 * operation sent with `context: { warmStart: 'prefetch' }` goes to the server at once and its answer
 * is kept for a few seconds; the first identical operation after it (same name and variables) is
 * answered from it instead of making a second round trip. This is for queries kept out of Apollo's
 * cache (`no-cache`, as the chart's are), which the cache cannot hand over; cached queries need no
 * help, as the cache and Apollo's de-duplication of requests in flight already share them.
 */
export class WarmStartLink extends ApolloLink {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly keepMs = KEEP_MS,
    private readonly now: () => number = () => Date.now(),
  ) {
    super();
  }

  override request(operation: ApolloLink.Operation, forward: ApolloLink.ForwardFunction): Observable<ApolloLink.Result> {
    const key = operationKey(operation.operationName, operation.variables);
    if ((operation.getContext() as { warmStart?: string }).warmStart === 'prefetch') {
      const answer = new ReplaySubject<ApolloLink.Result>();
      this.kept.set(key, { answer, expiresAt: this.now() + this.keepMs });
      // A failed prefetch is not handed on (a page already waiting for it gets the failure): the page asks again itself.
      const forget = () => {
        if (this.kept.get(key)?.answer === answer) this.kept.delete(key);
      };
      forward(operation).subscribe({
        next: (result) => {
          if ('errors' in result && result.errors?.length) forget();
          answer.next(result);
        },
        error: (error: unknown) => {
          forget();
          answer.error(error);
        },
        complete: () => answer.complete(),
      });
      return answer.asObservable();
    }
    const kept = this.kept.get(key);
    if (!kept) return forward(operation);
    this.kept.delete(key);
    return kept.expiresAt > this.now() ? kept.answer.asObservable() : forward(operation);
  }
}
