// Module boundaries are checked, not just written down: libs stay framework-free and
// each scope only depends on what it may (see the tags in every project.json).
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'react', 'react-dom', '@apollo/*', 'express'];
// The transport of the API: the server libs and the CLI never load it (the CLI starts in a blink,
// and whatever the services check applies to every caller, not only to GraphQL's).
const GRAPHQL_AND_HTTP = [
  '@nestjs/graphql',
  '@nestjs/apollo',
  '@nestjs/platform-express',
  '@apollo/*',
  'graphql',
  'graphql-*',
  'express',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.nx/**',
      'apps/web/src/gql/**',
      'bench/.out/**',
      'tmp/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          depConstraints: [
            // Scopes: shared code runs anywhere, so it depends on nothing backend- or frontend-only.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:backend', onlyDependOnLibsWithTags: ['scope:shared', 'scope:backend'] },
            { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:shared', 'scope:frontend'] },
            // Types: the domain is the bottom layer; features build on it; apps sit on top of everything.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:feature', 'type:data-access'],
            },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:feature'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:ui'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:feature', 'type:data-access', 'type:ui'],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
            // Among the features: importers and analysis stand alone; reports present what analysis found.
            { sourceTag: 'lib:importers', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
            { sourceTag: 'lib:analysis', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
            // Surveys read their offline team templates with the importers' guarded reader.
            {
              sourceTag: 'lib:surveys',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'lib:importers', 'lib:reports'],
            },
            { sourceTag: 'lib:reports', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'lib:analysis'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts', 'libs/web/**/*.tsx', 'libs/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@rolemap/importers',
              message: 'The browser imports @rolemap/importers/fields: the main entry pulls in the file parsers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'libs/domain/**/*.ts',
      'libs/analysis/**/*.ts',
      'libs/importers/**/*.ts',
      'libs/reports/**/*.ts',
      'libs/demo-data/**/*.ts',
      'libs/dictionary/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: FRAMEWORKS, message: 'libs/ are plain TypeScript: no framework imports.' }] },
      ],
    },
  },
  {
    files: ['libs/server/**/*.ts', 'apps/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: GRAPHQL_AND_HTTP,
              message: 'GraphQL and HTTP belong to apps/api; the server libs and the CLI stay transport-free.',
            },
          ],
        },
      ],
    },
  },
];
