/**
 * `npm run readme:check`: runs every example of README.md, in order, against a fresh service, and fails when an
 * output no longer matches the one the README shows.
 *
 * - The service is this checkout's app on a new, empty database: a throwaway database on `DATABASE_URL` when set
 *   (dropped afterwards), else an embedded Postgres in a temporary folder. It listens on a free port, and
 *   `http://127.0.0.1:3000` in the commands is replaced by its address.
 * - Every ```sh block runs in bash (`set -eo pipefail`) from the repository root, in README order; variables a
 *   block sets (`KEY=…`) are kept for the next. A block marked ```sh no-check is not run (installing, starting
 *   the service, Docker). A failing command fails the check.
 * - A ```json, ```http or ```text block right after a command block is its expected output. In it, `…` stands
 *   for anything (the README shortens outputs there), and timestamps, UUIDs and key secrets stand for any of
 *   their kind, as they differ on every run. Everything else, ids and ETags included, must be exactly as shown:
 *   the database is new, so the ids the README shows are the ones a new user gets. Line breaks and the
 *   indentation after them are not compared (the README wraps long lines). For ```http, the status line and
 *   each header shown must be in the answer (others may be too), then the body.
 *
 * `npm run readme:check -- --print` also prints every output, to update the README from.
 */
import { spawn } from 'node:child_process'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { createDatabase } from '../src/db/connection.js'
import { startEmbeddedPostgres } from '../src/db/embedded.js'
import { migrateToLatest } from '../src/db/migrate.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const README_BASE = 'http://127.0.0.1:3000'
const OUTPUT_LANGUAGES = new Set(['json', 'http', 'text'])

interface Example {
  /** Line of the command block's opening fence, 1-based. */
  readonly line: number
  readonly commands: string
  readonly expected?: { readonly language: string, readonly text: string }
}

/** The command blocks of the README, each with the output block that follows it, if any. */
function examplesOf (readme: string): Example[] {
  const lines = readme.split('\n')
  const blocks: Array<{ line: number, info: string[], text: string, end: number }> = []
  for (let index = 0; index < lines.length; index++) {
    const open = /^```(\S.*)?$/.exec(lines[index] ?? '')
    if (open === null) continue
    const start = index
    const body: string[] = []
    for (index++; index < lines.length && lines[index] !== '```'; index++) body.push(lines[index] ?? '')
    blocks.push({ line: start + 1, info: (open[1] ?? '').trim().split(/\s+/), text: body.join('\n'), end: index })
  }
  const examples: Example[] = []
  blocks.forEach((block, position) => {
    if (block.info[0] !== 'sh' || block.info.includes('no-check')) return
    const next = blocks[position + 1]
    const adjacent = next !== undefined && lines.slice(block.end + 1, next.line - 1).every((line) => line.trim() === '')
    examples.push({
      line: block.line,
      commands: block.text,
      ...(adjacent && OUTPUT_LANGUAGES.has(next.info[0] ?? '') ? { expected: { language: next.info[0] ?? '', text: next.text } } : {})
    })
  })
  return examples
}

const PLACEHOLDERS: Array<[RegExp, string]> = [
  [/…/, '[\\s\\S]*?'],
  [/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/, '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z'],
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'],
  [/gdr_[a-z0-9]{12}_[\w-]{43}/, 'gdr_[a-z0-9]{12}_[\\w-]{43}']
]
const ANY_PLACEHOLDER = new RegExp(PLACEHOLDERS.map(([pattern]) => pattern.source).join('|'), 'g')
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Line breaks and the indentation after them are layout, not content. */
const unwrap = (text: string) => text.replace(/\r/g, '').replace(/\n[ \t]*/g, '').trim()

/** A pattern matching the actual outputs that the README's `expected` stands for. */
function patternOf (expected: string): RegExp {
  let source = ''
  let last = 0
  for (const match of expected.matchAll(ANY_PLACEHOLDER)) {
    source += escapeRegExp(expected.slice(last, match.index))
    source += PLACEHOLDERS.find(([pattern]) => new RegExp(`^(?:${pattern.source})$`).test(match[0]))?.[1] ?? ''
    last = match.index + match[0].length
  }
  return new RegExp(`^${source}${escapeRegExp(expected.slice(last))}$`)
}

const matches = (expected: string, actual: string) => patternOf(unwrap(expected)).test(unwrap(actual))

/** Status line, headers and body of `curl -i` output (the last response, after any 100 Continue). */
function splitHttp (text: string): { status: string, headers: string[], body: string } {
  const normalised = text.replace(/\r\n/g, '\n')
  const responses = normalised.split(/\n\n(?=HTTP\/)/)
  const response = responses.at(-1) ?? ''
  const gap = response.indexOf('\n\n')
  const head = gap === -1 ? response : response.slice(0, gap)
  const [status = '', ...headers] = head.split('\n')
  return { status: status.trim(), headers: headers.map((header) => header.trim()), body: gap === -1 ? '' : response.slice(gap + 2) }
}

/** Why `actual` does not show what `expected` does, or undefined when it does. */
function mismatch (language: string, expected: string, actual: string): string | undefined {
  if (language !== 'http') return matches(expected, actual) ? undefined : 'the output differs'
  const want = splitHttp(expected)
  const got = splitHttp(actual)
  if (!matches(want.status, got.status)) return `the status line is ${JSON.stringify(got.status)}`
  for (const header of want.headers) {
    const name = header.slice(0, header.indexOf(':') + 1).toLowerCase()
    if (!got.headers.some((line) => line.toLowerCase().startsWith(name) && matches(header.toLowerCase(), line.toLowerCase()))) {
      return `no header ${JSON.stringify(header)}`
    }
  }
  return matches(want.body, got.body) ? undefined : 'the body differs'
}

/** Runs one block in bash, with the variables the blocks before it left in `stateFile`. */
async function runBlock (commands: string, base: string, stateFile: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null, stdout: string, stderr: string }> {
  const script = [
    'set -a',
    `[ -f ${JSON.stringify(stateFile)} ] && . ${JSON.stringify(stateFile)}`,
    `trap 'export -p > ${JSON.stringify(stateFile)}' EXIT`,
    'set -eo pipefail',
    `cd ${JSON.stringify(ROOT)}`,
    commands.replaceAll(README_BASE, base)
  ].join('\n')
  return await new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => { stdout += String(chunk) })
    child.stderr.on('data', (chunk) => { stderr += String(chunk) })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout: stdout.replaceAll(base, README_BASE), stderr }))
  })
}

/** A new, empty, migrated database: on DATABASE_URL's server when set, else an embedded Postgres. */
async function freshDatabase (): Promise<{ url: string, drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL
  let url: string
  let drop: () => Promise<void>
  if (serverUrl !== undefined && serverUrl !== '') {
    const name = `readme_examples_${process.pid}`
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`drop database if exists ${name}`)
    await admin.query(`create database ${name}`)
    await admin.end()
    const target = new URL(serverUrl)
    target.pathname = `/${name}`
    url = target.toString()
    drop = async () => {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
    }
  } else {
    const folder = await mkdtemp(path.join(tmpdir(), 'readme-examples-'))
    // As root the embedded Postgres runs as the postgres user, who must be able to enter the folder.
    await chmod(folder, 0o755)
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(folder, 'data'), postgresFlags: ['-c', 'fsync=off'] })
    url = embedded.url
    drop = async () => { await embedded.stop(); await rm(folder, { recursive: true, force: true }) }
  }
  const db = createDatabase({ url, poolMax: 1 })
  try {
    await migrateToLatest(db)
  } finally {
    await db.destroy()
  }
  return { url, drop }
}

async function main (): Promise<number> {
  const print = process.argv.includes('--print')
  const examples = examplesOf(await readFile(path.join(ROOT, 'README.md'), 'utf8'))
  const database = await freshDatabase()
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: database.url })
  const stateDir = await mkdtemp(path.join(tmpdir(), 'readme-examples-state-'))
  const stateFile = path.join(stateDir, 'variables.sh')
  await writeFile(stateFile, '')
  let failures = 0
  try {
    await app.listen({ port: 0, host: '127.0.0.1' })
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
    // The commands' own tools (npm run keys, npm run import) work on the same fresh database.
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' }
    for (const example of examples) {
      const { code, stdout, stderr } = await runBlock(example.commands, base, stateFile, env)
      const where = `README.md:${example.line}`
      if (print) console.log(`--- ${where}\n${example.commands}\n>>>\n${stdout}`)
      let problem = code === 0 ? undefined : `the commands exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`
      if (problem === undefined && example.expected !== undefined) problem = mismatch(example.expected.language, example.expected.text, stdout)
      if (problem === undefined) {
        console.log(`ok   ${where}${example.expected === undefined ? '' : ' (output checked)'}`)
        continue
      }
      failures++
      console.log(`FAIL ${where}: ${problem}\n  commands:\n${indent(example.commands)}\n  expected:\n${indent(example.expected?.text ?? '')}\n  actual:\n${indent(stdout)}`)
    }
  } finally {
    console.log(`${examples.length - failures} passed, ${failures} failed`)
    // Every example has had its answer. Closing the app waits for its pool, which a leaked connection would hold
    // forever: say so, and drop the database anyway (dropping ends its connections).
    app.server.closeAllConnections()
    const closed = await Promise.race([app.close().then(() => true), delay(10_000).then(() => false)])
    if (!closed) console.error('the app did not close within 10 s: a database connection was not released')
    await database.drop()
    await rm(stateDir, { recursive: true, force: true })
  }
  return failures === 0 ? 0 : 1
}

const indent = (text: string) => text.trimEnd().split('\n').map((line) => `    ${line}`).join('\n')

process.exit(await main())
