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
