/**
 * `npm test`: runs tap against the Postgres server in DATABASE_URL, or, when it is not set, against a
 * throwaway embedded Postgres started here and removed afterwards. Test files run in parallel, each on a
 * database of its own (test/helper.ts), copied from one template database migrated here once per run:
 * copying a migrated database is much cheaper than migrating a new one in every file.
 *
 * `npm run test:corpus` (`--corpus`): the tests over the real corpus (test/corpus), which the repository does
 * not ship; when the corpus folder is missing they are skipped, and the run says so and exits 0.
 * `npm run test:unit` (`--unit`): the pure domain tests, with no database.
 * `npm run test:coverage` (`--coverage`): the whole suite with a coverage summary.
 *
 * TypeScript is compiled once per run, by esbuild, into `.test-build/run-<pid>/` (the tree of src, test, scripts,
 * migrations and bench as JavaScript, beside links to the files the tests read), and tap runs the compiled
 * files: a test process then loads plain JavaScript, without a TypeScript loader resolving and transforming
 * each of its thousand modules, which took a third of its start-up. The biggest dependencies are bundled there
 * too (BUNDLED, in `vendor/`), and the pure domain tests run one process per folder (TOGETHER) when the whole
 * suite or `--unit` runs. Test files named as arguments are run from there too, each in a process of its own. The corpus suite, whose paths lead outside the tree, runs on tsx; coverage on tap's ts-node
 * (tsx's source maps lose the statements). Other arguments are passed to tap (`--jobs`, …).
 */
import { spawn } from 'node:child_process'
import { existsSync, globSync, mkdirSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { mkdir, mkdtemp, rm, rmdir, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build, type Plugin } from 'esbuild'
import pg from 'pg'
import { createDatabase } from '../src/db/connection.js'
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../src/db/embedded.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { corpusDirectory, corpusIsPresent } from '../test/corpus/corpus.js'

const SUITES: Readonly<Record<string, readonly string[]>> = {
  '--corpus': ['test/corpus/**/*.test.ts'],
  '--unit': ['test/domain/**/*.test.ts'],
  '--coverage': ['--no-disable-coverage', '--coverage-report=text-summary']
}
/** tap's own TypeScript plugin only strips types, where tsx or the compiled suite does the loading. */
const STRIP_ONLY = '--test-env=TAP_TYPE_STRIP_ONLY=1'
const TSX = ['--node-arg=--import=tsx', STRIP_ONLY]
/** The whole suite's test files, as `include` in .taprc. */
const ALL_TESTS = 'test/**/*.test.ts'

/** The folder the suite is compiled into, for this run only; removed at the end. */
const BUILD = path.join('.test-build', `run-${process.pid}`)
/** What the tests read beside their code, linked into the build where their relative paths look for it. */
const READ_BY_TESTS = ['examples', 'openapi', 'README.md']
/** Test files, as `exclude` in .taprc: fixtures and the corpus suite are not part of the suite. */
const isSuiteFile = (file: string) => !/(^|\/)(fixtures?|dist)\//.test(file) && !file.startsWith('test/corpus/')

/**
 * Dependencies that the compiled suite loads as one bundle (BUILD/vendor), not as the hundreds of files they ship:
 * TypeBox alone is 683 modules, and a test process that loaded them one by one, each through tap's module hooks,
 * spent about 1.4 s of CPU before its first test (0.8 s with these bundled). Only packages that read no file of their
 * own beside their code; what they import from elsewhere (pino, node:*) stays outside the bundle.
 */
const BUNDLED = new Set(['typebox', 'kysely', '@fastify/type-provider-typebox', 'fastify', 'fastify-plugin', 'pg'])
/** Imported by bundled packages but kept out: pino starts its transports from files of its own; pg-native is optional. */
const NOT_BUNDLED = /^(pino|thread-stream|pg-native)(\/|$)/
const VENDOR = path.join(BUILD, 'vendor')
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
const isBare = (specifier: string) => !/^(\.|\/|node:)/.test(specifier) && !builtinModules.includes(specifier)
/** The bundle of `specifier` (`typebox/value` → BUILD/vendor/typebox~value.js). */
const vendorFile = (specifier: string) => path.join(VENDOR, `${specifier.replaceAll('/', '~')}.js`)

/**
 * Compiles each of the project's files on its own (bundle: true only to rewrite imports): imports of BUNDLED
 * packages lead to their bundle in VENDOR, every other import stays as written. Notes the bundles needed.
 */
function projectImports (needed: Set<string>): Plugin {
  return {
    name: 'project-imports',
    setup (esbuild) {
      esbuild.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined
        if (!isBare(args.path) || !BUNDLED.has(packageOf(args.path))) return { path: args.path, external: true }
        needed.add(args.path)
        const compiled = path.join(BUILD, path.relative('.', args.importer))
        return { path: path.relative(path.dirname(compiled), vendorFile(args.path)), external: true }
      })
    }
  }
}

/**
 * Bundles each needed specifier of the BUNDLED packages into VENDOR, sharing chunks between them (one TypeBox for
 * `typebox`, `typebox/value` and the Fastify type provider), with the exports Node gives an `import` of it.
 */
async function bundleDependencies (specifiers: readonly string[]): Promise<void> {
  const entries: Record<string, string> = {}
  for (const specifier of specifiers) {
    const names = Object.keys(await import(specifier) as object)
    const named = names.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default')
    // A CommonJS package (Node names its `module.exports`): its exports as Node's import gives them.
    entries[specifier] = names.includes('module.exports')
      ? `const m = require(${JSON.stringify(specifier)})\nexport default m\nexport const { ${named.join(', ')} } = m\n`
      : `export * from ${JSON.stringify(specifier)}\n` + (names.includes('default') ? `export { default } from ${JSON.stringify(specifier)}\n` : '')
  }
  await build({
    entryPoints: specifiers.map((specifier) => ({ in: `vendor:${specifier}`, out: path.basename(vendorFile(specifier), '.js') })),
    outdir: VENDOR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    // CommonJS code in an ES module: its require() of what stays outside.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [{
      name: 'vendor',
      setup (esbuild) {
        esbuild.onResolve({ filter: /^vendor:/ }, (args) => ({ path: args.path.slice('vendor:'.length), namespace: 'vendor' }))
        esbuild.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => ({ contents: entries[args.path], resolveDir: process.cwd(), loader: 'js' }))
        esbuild.onResolve({ filter: NOT_BUNDLED }, (args) => ({ path: args.path, external: true }))
      }
    }]
  })
}

/**
 * Compiles src, test, migrations, bench and scripts into BUILD, keeping the tree, and links every other file of test/
 * and READ_BY_TESTS there, so that `new URL('../examples/…', import.meta.url)` finds what it found beside the source.
 */
async function compileSuite (): Promise<void> {
  const sources = ['src', 'test', 'migrations', 'bench', 'scripts'].flatMap((folder) => globSync(`${folder}/**/*.ts`)).filter((file) => !file.endsWith('.d.ts'))
  const needed = new Set<string>()
  await build({
    entryPoints: sources,
    outdir: BUILD,
    outbase: '.',
    bundle: true,
    plugins: [projectImports(needed)],
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning'
  })
  await bundleDependencies([...needed].sort())
  const linked = [...READ_BY_TESTS, ...globSync('test/**/*', { withFileTypes: true }).filter((entry) => entry.isFile())
    .map((entry) => path.relative('.', path.join(entry.parentPath, entry.name)))]
  for (const file of linked) {
    const target = path.join(BUILD, file)
    await mkdir(path.dirname(target), { recursive: true })
    await symlink(path.relative(path.dirname(target), file), target)
  }
}

/** A test file named as `test/….ts`, as its compiled copy; other arguments as they are. */
const compiledPath = (argument: string) => argument.endsWith('.ts') && existsSync(argument) ? path.join(BUILD, argument.replace(/\.ts$/, '.js')) : argument

const [first = '', ...rest] = process.argv.slice(2)
const suite = SUITES[first]
const compiled = first !== '--corpus' && first !== '--coverage'

/**
 * Folders of pure tests (no database, no app, no hooks on tap's root test) whose files run together, one process per
 * folder: each of their 46 files took about 0.5 s of CPU to start tap in a process of its own, for 0.3 s of testing.
 * Failures still name the test file and line they come from.
 */
const TOGETHER = ['test/domain', 'test/domain/import', 'test/domain/rules']
/** The file that runs a TOGETHER folder's test files, one after another, in one process. */
const TOGETHER_FILE = 'all-files.test.js'

/** `files`, those of each TOGETHER folder replaced by a file in BUILD that imports their compiled copies. */
function runTogether (files: readonly string[]): string[] {
  const result: string[] = []
  for (const file of files) {
    const folder = path.dirname(file)
    if (!TOGETHER.includes(folder)) {
      result.push(compiledPath(file))
      continue
    }
    const runner = path.join(BUILD, folder, TOGETHER_FILE)
    if (result.includes(runner)) continue
    const members = files.filter((member) => path.dirname(member) === folder).map((member) => `./${path.basename(member, '.ts')}.js`)
    writeFileSync(runner, `// ${folder}/*.test.ts in one process (scripts/test.ts, TOGETHER).\n` +
      members.map((member) => `await import(${JSON.stringify(member)})\n`).join(''))
    result.push(runner)
  }
  return result
}

/**
 * The files that take longest (measured), started first: tap starts files in the order of their paths, and one of
 * these started late in the run ran on alone while the other jobs sat idle.
 */
const SLOW_FIRST = ['test/layouts/layouts.test.ts', 'test/routes/bulk.test.ts', 'test/routes/import-readers.test.ts',
  'test/access/faults.test.ts', 'test/server.test.ts', 'test/cli/import.test.ts', 'test/routes/government-parts.test.ts']

/**
 * `files` (compiled paths), each of SLOW_FIRST replaced by a file under BUILD/slow-first that imports it: that path
 * sorts before BUILD/test, and the file runs as it would on its own (its tests report its own name and lines).
 */
function slowFirst (files: readonly string[]): string[] {
  return files.map((file) => {
    const source = SLOW_FIRST.find((slow) => compiledPath(slow) === file)
    if (source === undefined) return file
    const runner = path.join(BUILD, 'slow-first', source.replace(/\.ts$/, '.js'))
    mkdirSync(path.dirname(runner), { recursive: true })
    writeFileSync(runner, `// ${source}, started first (scripts/test.ts, SLOW_FIRST).\n` +
      `await import(${JSON.stringify(path.relative(path.dirname(runner), file))})\n`)
    return runner
  })
}

const tapArguments = (): string[] => {
  if (!compiled) return [...(first === '--coverage' ? [] : TSX), ...(suite === undefined ? process.argv.slice(2) : [...suite, ...rest])]
  const given = first === '--unit' ? rest : process.argv.slice(2)
  const files = given.some((argument) => argument.endsWith('.ts'))
    ? []
    : globSync(suite ?? [ALL_TESTS]).filter(isSuiteFile).sort()
  return [STRIP_ONLY, ...slowFirst(runTogether(files)), ...given.map(compiledPath)]
}

if (first === '--corpus' && !corpusIsPresent()) {
  console.log(`# corpus suite SKIPPED: no corpus folder at ${corpusDirectory()} ` +
    '(it sits beside the repository as shared/corpus/reports, or set CORPUS_DIR to it)')
  process.exit(0)
}

async function runTap (env: NodeJS.ProcessEnv): Promise<number> {
  // Ctrl-C reaches tap too: wait for it to end, then clean up.
  process.on('SIGINT', () => {})
  if (compiled) await compileSuite()
  try {
    const tap = spawn(path.resolve('node_modules/.bin/tap'), tapArguments(), { stdio: 'inherit', env })
    return await new Promise<number>((resolve) => tap.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal === null ? 1 : 128))))
  } finally {
    if (compiled) {
      // tap keeps each file's output under .tap/test-results by path: this run's paths are never seen again.
      for (const folder of [BUILD, path.join('.tap', 'test-results', BUILD)]) await rm(folder, { recursive: true, force: true })
      // .test-build itself goes too once no other run is using it.
      await rmdir(path.dirname(BUILD)).catch(() => {})
    }
  }
}

if (first === '--unit') {
  process.exitCode = await runTap(process.env)
  process.exit()
}

async function adminQuery (serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

function databaseUrl (serverUrl: string, name: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.href
}

/** Makes and migrates the database every test file copies; its name carries this process's id. */
async function createTemplate (serverUrl: string): Promise<string> {
  const name = `reports_test_template_${process.pid}`
  await adminQuery(serverUrl, `drop database if exists ${name}`)
  await adminQuery(serverUrl, `create database ${name}`)
  const db = createDatabase({ url: databaseUrl(serverUrl, name), poolMax: 1 })
  try {
    await migrateToLatest(db)
  } finally {
    // A template must have no connection open while it is copied.
    await db.destroy()
  }
  return name
}

const env = { ...process.env }
let embedded: EmbeddedDatabase | undefined
let dataDir: string | undefined
if (env.DATABASE_URL === undefined || env.DATABASE_URL === '') {
  dataDir = await mkdtemp(path.join(tmpdir(), 'reports-test-'))
  const started = Date.now()
  // Durability is pointless for a database deleted after the run.
  embedded = await startEmbeddedPostgres({ dataDir, postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] })
  console.log(`# embedded Postgres ready in ${Date.now() - started} ms`)
  env.DATABASE_URL = embedded.url
} else {
  console.log('# testing against DATABASE_URL')
}
const serverUrl = env.DATABASE_URL
const template = await createTemplate(serverUrl)
env.TEST_DATABASE_TEMPLATE = template

const code = await runTap(env)
await adminQuery(serverUrl, `drop database if exists ${template} with (force)`)
await embedded?.stop()
if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true })
process.exitCode = code
