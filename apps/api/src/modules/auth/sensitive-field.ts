import type { FieldMiddleware, MiddlewareContext } from '@nestjs/graphql';
import { SENSITIVE_READERS } from '@rolemap/domain';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphqlContext } from '../../common/graphql-context';

/**
 * Field-level protection of performance ratings, findings, review notes and pigeonholing flags:
 * the field resolves only when the caller's role in the organization of the top-level field it
 * sits under (as the guard found it) may read it; otherwise it is `hidden` (null, [] or 0). A
 * field under a top-level field without a role (none was checked) is hidden too: fail closed.
 * Leaders only ever reach positions of their own subtree (the scope), so "outside a leader's
 * subtree" needs nothing more here.
 */
export function sensitive(hidden: null | [] | 0): { middleware: FieldMiddleware[] } {
  const hideUnlessAllowed: FieldMiddleware = async ({ context, info }: MiddlewareContext<unknown, GraphqlContext>, next) => {
    const role = context.roleByRootField.get(rootFieldOf(info));
    return role && SENSITIVE_READERS.includes(role) ? next() : hidden;
  };
  return { middleware: [hideUnlessAllowed] };
}

function rootFieldOf(info: GraphQLResolveInfo | null | undefined): string {
  if (!info) return '';
  let path = info.path;
  while (path.prev) path = path.prev;
  return String(path.key);
}
