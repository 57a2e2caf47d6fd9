/**
 * `npm test`: runs tap against the Postgres server in DATABASE_URL, or, when it is not set, against a
 * throwaway embedded Postgres started here and removed afterwards. Each test file makes its own
 * database on that server (test/helper.ts). Arguments are passed to tap.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.js'

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

const tap = spawn(path.resolve('node_modules/.bin/tap'), process.argv.slice(2), { stdio: 'inherit', env })
const code = await new Promise<number>((resolve) => tap.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal === null ? 1 : 128))))
await embedded?.stop()
if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true })
process.exitCode = code
