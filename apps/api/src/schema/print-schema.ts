import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

export const SCHEMA_HEADER = '# Generated from the code-first resolvers by `npm run schema`. Do not edit.\n\n';

/** The committed schema.gql text: sorted so diffs show real changes only. */
export function schemaText(schema: GraphQLSchema): string {
  return SCHEMA_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}
