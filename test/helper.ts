/**
 * Test support: a fresh, migrated database per test file on the server in DATABASE_URL (which
 * `npm test` provides), and the app built on it, closed when the test ends. All requests go through `inject`.
 * Files run in parallel; nothing here is shared between them but the server.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { type Kysely, sql } from 'kysely'
import pg from 'pg'
import type { Test } from 'tap'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { createDatabase } from '../src/db/connection.js'
import type { Database } from '../src/db/database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { SCOPES } from '../src/domain/access.js'
import type { AnnualReport } from '../src/domain/report.js'
import { createKey } from '../src/services/api-keys.js'

/** Tests send many requests a minute from one address; the rate limits have tests of their own. */
const TEST_ENV = { LOG_LEVEL: 'silent', RATE_LIMIT_PER_IP: '1000000', RATE_LIMIT_PER_KEY: '1000000', AUTH_FAILURES_PER_IP: '1000000' }

export const testConfig = loadConfig(TEST_ENV)

/** A fixed "today" for tests: after the seed's deadline, in a known year. */
export const TODAY = new Date('2026-11-27T08:00:00Z')

const SEED_JSON = readFileSync(new URL('../examples/seed-2023.json', import.meta.url), 'utf8')

/** A fresh copy of the seed report (湖州市吴兴区发改经信局, 2023), safe to modify. */
export function seedReport (): AnnualReport {
  return JSON.parse(SEED_JSON) as AnnualReport
}

/** The raw seed fixture text, as a client would send it. */
export const seedJson = SEED_JSON

function serverUrl (): string {
  const url = process.env.DATABASE_URL
  if (url === undefined || url === '') {
    throw new Error('DATABASE_URL is not set: run the tests with `npm test`, which starts a Postgres when none is given')
  }
  return url
}

async function adminQuery (text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

export interface TestDatabase {
  readonly url: string
  readonly db: Kysely<Database>
}

/** Creates a database of its own for this test file, empty or copied from `template`; drops it at teardown. */
async function createOwnDatabase (t: Test, template?: string): Promise<TestDatabase> {
  const name = `reports_test_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(template === undefined ? `create database ${name}` : `create database ${name} template ${template}`)
  // A throwaway database needs no durable commits: its sessions skip waiting for the WAL flush at each one (the
  // embedded Postgres of `npm test` runs without fsync anyway). What a query sees is the same.
  await adminQuery(`alter database ${name} set synchronous_commit = off`)
  const url = new URL(serverUrl())
  url.pathname = `/${name}`
  const db = createDatabase({ url: url.href, poolMax: 4 })
  t.teardown(async () => {
    await db.destroy()
    await adminQuery(`drop database if exists ${name} with (force)`)
  })
  return { url: url.href, db }
}

/** Creates an empty database of its own for this test file; drops it at teardown. */
export async function createEmptyDatabase (t: Test): Promise<TestDatabase> {
  return await createOwnDatabase(t)
}

/**
 * Creates a migrated database of its own for this test file; drops it at teardown. Under `npm test` it is a
 * copy of the template database that scripts/test.ts migrated once for the run (TEST_DATABASE_TEMPLATE); a
 * file run by tap alone migrates its own.
 */
export async function createTestDatabase (t: Test): Promise<TestDatabase> {
  const template = process.env.TEST_DATABASE_TEMPLATE
  if (template !== undefined && template !== '') return await createOwnDatabase(t, template)
  const database = await createOwnDatabase(t)
  await migrateToLatest(database.db)
  return database
}

/** Empties the app's tables between tests (never the migration bookkeeping). */
export async function resetDb (db: Kysely<Database>): Promise<void> {
  await sql`truncate idempotency_record, audit_entry, report_figures, finding_review, report_event, finding, report_analysis, report_revision, report, agency restart identity cascade`.execute(db)
}

/** Every province's prefix: a test key may write for any agency. */
const ALL_PROVINCES = Array.from({ length: 90 }, (_, index) => String(index + 10))

const tokens = new WeakMap<object, string>()

/** The API key `build` made for this app (all scopes, every region). */
export function tokenOf (app: object): string {
  const token = tokens.get(app)
  if (token === undefined) throw new Error('this app was built without a key')
  return token
}

/** The secret part of a key `gdr_<12-character lookup id>_<secret>` (the secret itself may contain `_`). */
export function secretOf (token: string): string {
  return token.slice('gdr_'.length + 12 + 1)
}

/** Makes an API key directly in the database, as the keys CLI does. */
export async function makeKey (db: Kysely<Database>, grant: { scopes: string[], agencyCodes?: string[], regionPrefixes?: string[], name?: string }) {
  return await createKey(db, { name: grant.name ?? 'test key', scopes: grant.scopes, agencyCodes: grant.agencyCodes ?? [], regionPrefixes: grant.regionPrefixes ?? [] }, { keyId: null, requestId: null })
}

export interface BuildOptions {
  readonly now?: () => Date
  /** Environment settings on top of the tests' own (e.g. `READ_ACCESS`). */
  readonly env?: Readonly<Record<string, string>>
  /**
   * By default every injected request carries an API key with every scope, so that tests of other
   * features need not repeat it; tests of keys themselves pass false and send their own.
   */
  readonly authenticated?: boolean
}

/** The app on the given database, with a fixed clock; closed when `t` ends. */
export async function build (t: Test, databaseUrl: string, options: BuildOptions = {}) {
  const config = options.env === undefined ? testConfig : loadConfig({ ...TEST_ENV, ...options.env })
  const app = await buildApp({ config, databaseUrl, now: options.now ?? (() => TODAY) })
  t.teardown(async () => await app.close())
  if (options.authenticated === false) return app
  const { token } = await makeKey(app.db, { name: 'test suite', scopes: [...SCOPES], regionPrefixes: ALL_PROVINCES })
  tokens.set(app, token)
  const inject = app.inject.bind(app) as (options: InjectOptions) => Promise<LightMyRequestResponse>
  app.inject = ((injectOptions: InjectOptions) =>
    inject({ ...injectOptions, headers: { authorization: `Bearer ${token}`, ...injectOptions.headers } })) as typeof app.inject
  return app
}
