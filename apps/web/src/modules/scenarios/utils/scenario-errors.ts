/** The parts of an Apollo error the scenario pages read (a GraphQL error list, or a plain Error). */
type GraphQLishError = { message?: string; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

export type ScenarioProblem = { message: string; conflict: boolean };

/**
 * A failed change in words. A version conflict (someone else saved the scenario since it was
 * loaded) is told apart, so the page can offer to reload instead of just showing the text.
 */
export function scenarioProblem(error: unknown): ScenarioProblem {
  const value = (error ?? {}) as GraphQLishError;
  const first = value.errors?.[0];
  const message = first?.message ?? value.message ?? String(error);
  const conflict = first?.extensions?.code === 'CONFLICT' && /changed by someone else/.test(message);
  return { message, conflict: conflict || /changed by someone else/.test(message) };
}
