#!/usr/bin/env node
// Proves the static checks bite: plants forbidden imports (as in-memory files placed inside the
// real projects) and a badly formatted file, and fails unless ESLint and Prettier reject every one.
// A lint configuration that silently skips its rules (no project graph, a wildcard constraint)
// would let these through, so this runs in `npm test` right after lint itself.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const PLANTED_IMPORTS = [
  {
    file: 'libs/domain/src/__planted__.ts',
    code: "import { parsePeopleFile } from '@rolemap/importers';",
    why: 'domain → importers',
  },
  {
    file: 'libs/domain/src/__planted__.ts',
    code: "import { demoOrganization } from '@rolemap/demo-data';",
    why: 'domain → util',
  },
  {
    file: 'libs/analysis/src/__planted__.ts',
    code: "import { writeReport } from '@rolemap/reports';",
    why: 'analysis → reports',
  },
  {
    file: 'libs/analysis/src/__planted__.ts',
    code: "import { parsePeopleFile } from '@rolemap/importers';",
    why: 'analysis → importers',
  },
  {
    file: 'libs/importers/src/__planted__.ts',
    code: "import { analyzeSnapshot } from '@rolemap/analysis';",
    why: 'importers → analysis',
  },
  {
    file: 'libs/demo-data/src/__planted__.ts',
    code: "import { analyzeSnapshot } from '@rolemap/analysis';",
    why: 'util → feature',
  },
  {
    file: 'libs/web/org-chart/src/__planted__.ts',
    code: "import { parsePeopleFile } from '@rolemap/importers';",
    why: 'ui → feature',
  },
  {
    file: 'libs/analysis/src/__planted__.ts',
    code: "import { OrgChart } from '@rolemap/web-org-chart';",
    why: 'shared → frontend',
  },
  { file: 'libs/analysis/src/__planted__.ts', code: "import { Injectable } from '@nestjs/common';", why: 'framework in a lib' },
  { file: 'libs/reports/src/__planted__.ts', code: "import { DataSource } from 'typeorm';", why: 'ORM in a lib' },
  { file: 'libs/domain/src/__planted__.ts', code: "import React from 'react';", why: 'React in a shared lib' },
  {
    file: 'libs/analysis/src/__planted__.ts',
    code: "import { detectColumns } from '../../importers/src/index';",
    why: 'relative import across projects',
  },
  { file: 'apps/web/src/__planted__.ts', code: "import { runCli } from '../../cli/src/main';", why: 'app → app' },
  { file: 'apps/web/src/__planted__.ts', code: "import { createApp } from '../../api/src/create-app';", why: 'app → app' },
  {
    file: 'apps/cli/src/__planted__.ts',
    code: "import { createApp } from '../../api/src/create-app';",
    why: 'CLI → API app (it boots the server libs instead)',
  },
  {
    file: 'apps/cli/src/commands/__planted__.ts',
    code: "import { AnalysisResolver } from '../../../api/src/modules/analysis/analysis.resolver';",
    why: 'CLI reaching into apps/api by a relative path',
  },
  { file: 'apps/cli/src/__planted__.ts', code: "import { Resolver } from '@nestjs/graphql';", why: 'GraphQL on the CLI path' },
  {
    file: 'libs/server/core/src/__planted__.ts',
    code: "import { ObjectType } from '@nestjs/graphql';",
    why: 'GraphQL in the server core',
  },
  { file: 'libs/server/imports/src/__planted__.ts', code: "import express from 'express';", why: 'HTTP in a server lib' },
  {
    file: 'libs/server/core/src/__planted__.ts',
    code: "import { ImportService } from '@rolemap/server-imports';",
    why: 'server core → a lib built on it (a cycle)',
  },
  {
    file: 'libs/analysis/src/__planted__.ts',
    code: "import { AnalysisService } from '@rolemap/server-core';",
    why: 'shared → backend',
  },
  {
    file: 'apps/web/src/__planted__.ts',
    code: "import { OrganizationsService } from '@rolemap/server-core';",
    why: 'frontend → backend',
  },
];

const eslint = new ESLint({ cwd: root });
const failures = [];
for (const planted of PLANTED_IMPORTS) {
  const code = `${planted.code}\nexport const planted = [${planted.code.match(/import \{?\s*(\w+)/)[1]}];\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(root, planted.file) });
  const errors = result.messages.filter((message) => message.severity === 2);
  if (errors.length === 0) failures.push(`lint accepted ${planted.why} (${planted.file}: ${planted.code})`);
}

const badlyFormatted = 'const  x = {a:1,b:"two"}\n';
const options = await prettier.resolveConfig(path.join(root, 'libs/domain/src/__planted__.ts'));
if (await prettier.check(badlyFormatted, { ...options, filepath: path.join(root, 'libs/domain/src/__planted__.ts') })) {
  failures.push('prettier accepted a badly formatted file');
}

if (failures.length) {
  console.error(`The static checks do not enforce what they claim:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log(`lint rejected all ${PLANTED_IMPORTS.length} planted imports; prettier rejected a badly formatted file`);
