import { ApolloLink } from '@apollo/client';
import { type Observable, catchError, from, mergeMap, of } from 'rxjs';
import type { EarlyAnswers } from './early-requests';
import { operationKey } from './operation-key';

/** How long an early answer waits for the page to ask for it. */
const KEEP_MS = 10_000;

/**
 * Hands the app's first operations the answers of the requests sent before it loaded
 * (sendEarlyRequests): the first operation with the same name and variables takes the answer,
 * once; everything else goes to the server, and so does an operation whose early request failed,
 * was answered with errors (signed out then, perhaps signed in since) or was sent too long ago.
 */
export class WarmStartLink extends ApolloLink {
  constructor(
    private readonly early: EarlyAnswers,
    private readonly keepMs = KEEP_MS,
    private readonly now: () => number = () => Date.now(),
  ) {
    super();
  }

  override request(operation: ApolloLink.Operation, forward: ApolloLink.ForwardFunction): Observable<ApolloLink.Result> {
    const key = operationKey(operation.operationName, operation.variables);
    const kept = this.early.get(key);
    if (!kept) return forward(operation);
    this.early.delete(key);
    if (this.now() - kept.sentAt > this.keepMs) return forward(operation);
    return from(kept.answer as Promise<ApolloLink.Result>).pipe(
      mergeMap((result) => ('errors' in result && result.errors?.length ? forward(operation) : of(result))),
      catchError(() => forward(operation)),
    );
  }
}
