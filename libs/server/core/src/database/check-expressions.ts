/** `column IN ('A', 'B')` for a CHECK constraint, from the domain's list of allowed values. */
export function oneOf(column: string, values: readonly string[]): string {
  return `${column} IN (${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ')})`;
}
