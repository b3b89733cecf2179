#!/usr/bin/env node
// The web app's typed GraphQL client (apps/web/src/gql) is generated from apps/api/schema.gql and
// the queries in apps/web/src; it is committed, like schema.gql. This regenerates it in memory
// with the same codegen config and fails when the committed files differ, so a changed query or
// schema without `npx nx run web:codegen` cannot pass.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const configFilePath = path.join(root, 'apps/web/codegen.ts');

async function main() {
  const { loadCodegenConfig, generate } = require(require.resolve('@graphql-codegen/cli', { paths: [root] }));
  const { config } = await loadCodegenConfig({ configFilePath });
  const outputs = await generate({ ...config, cwd: root, silent: true }, false);
  const problems = [];
  const generatedDirs = new Set();
  for (const { filename, content } of outputs) {
    const file = path.resolve(root, filename);
    generatedDirs.add(path.dirname(file));
    if (!fs.existsSync(file)) problems.push(`${filename} is missing`);
    else if (fs.readFileSync(file, 'utf8') !== content) problems.push(`${filename} differs from what codegen writes`);
  }
  const generated = new Set(outputs.map(({ filename }) => path.resolve(root, filename)));
  for (const dir of generatedDirs) {
    for (const name of fs.readdirSync(dir)) {
      if (!generated.has(path.join(dir, name))) problems.push(`${path.relative(root, path.join(dir, name))} is not generated`);
    }
  }
  if (problems.length) {
    console.error(`The generated web GraphQL client is stale:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    console.error('Run `npx nx run web:codegen` (after `npm run schema` if resolvers changed) and commit the result.');
    return 1;
  }
  console.log(`The web GraphQL client matches the schema and queries (${outputs.length} files).`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
