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
 * each of its thousand modules, which took a third of its start-up. Test files named as arguments are run
 * from there too. The corpus suite, whose paths lead outside the tree, runs on tsx; coverage on tap's ts-node
 * (tsx's source maps lose the statements). Other arguments are passed to tap (`--jobs`, …).
 */
import { spawn } from 'node:child_process'
import { existsSync, globSync } from 'node:fs'
import { mkdir, mkdtemp, rm, rmdir, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
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
 * Compiles src, test, migrations, bench and scripts into BUILD, keeping the tree, and links every other file of test/
 * and READ_BY_TESTS there, so that `new URL('../examples/…', import.meta.url)` finds what it found beside the source.
 */
async function compileSuite (): Promise<void> {
  const sources = ['src', 'test', 'migrations', 'bench', 'scripts'].flatMap((folder) => globSync(`${folder}/**/*.ts`)).filter((file) => !file.endsWith('.d.ts'))
  await build({ entryPoints: sources, outdir: BUILD, outbase: '.', format: 'esm', platform: 'node', target: 'node20', sourcemap: 'inline', logLevel: 'warning' })
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
const tapArguments = (): string[] => {
  if (!compiled) return [...(first === '--coverage' ? [] : TSX), ...(suite === undefined ? process.argv.slice(2) : [...suite, ...rest])]
  const given = first === '--unit' ? rest : process.argv.slice(2)
  const files = given.some((argument) => argument.endsWith('.ts'))
    ? []
    : globSync(suite ?? [ALL_TESTS]).filter(isSuiteFile).sort()
  return [STRIP_ONLY, ...[...files, ...given].map(compiledPath)]
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
