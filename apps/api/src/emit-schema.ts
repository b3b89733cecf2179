import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { findRepoRoot } from '@rolemap/server-core';
import { RESOLVERS } from './schema/resolvers';
import { schemaText } from './schema/print-schema';

/** Writes apps/api/schema.gql from the resolvers, without a database. */
async function emitSchema(): Promise<void> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
  const target = path.join(findRepoRoot(), 'apps/api/schema.gql');
  fs.writeFileSync(target, schemaText(schema));
  await app.close();
  console.log(`Wrote ${path.relative(process.cwd(), target)}`);
}

emitSchema().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
