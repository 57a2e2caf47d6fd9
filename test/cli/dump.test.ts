/**
 * `npm run db:dump` against DATABASE_URL: the dump, restored with psql into a freshly migrated database,
 * gives back every row of every table, the identity counters, and the same answers from the API.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { type Kysely, sql } from 'kysely'
import t from 'tap'
import { entryPointArgs } from '../entry-point.js'
import type { Database } from '../../src/db/database.js'
import { build, createTestDatabase, seedReport, tokenOf } from '../helper.js'
import { reportFor } from '../fixtures.js'

const run = promisify(execFile)
const source = await createTestDatabase(t)
const target = await createTestDatabase(t)
const app = await build(t, source.url)
const folder = await mkdtemp(path.join(tmpdir(), 'reports-dump-'))
t.teardown(async () => await rm(folder, { recursive: true, force: true }))

async function dump (file: string): Promise<{ code: number, stdout: string, stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...entryPointArgs('src/cli/dump.ts'), file], { env: { ...process.env, DATABASE_URL: source.url } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number, stdout: string, stderr: string }
    return failed
  }
}

/** Every table's rows, in a canonical order, as JSON text. */
async function contents (db: Kysely<Database>): Promise<Record<string, string[]>> {
  const { rows: tables } = await sql<{ name: string }>`
    select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'
      and relname not like 'kysely_migration%' order by relname`.execute(db)
  const result: Record<string, string[]> = {}
  for (const { name } of tables) {
    const { rows } = await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(name)} t order by 1`.execute(db)
    result[name] = rows.map((row) => row.row)
  }
  return result
}

const post = async (target: typeof app, body: unknown) => await target.inject({
  method: 'POST', url: '/v1/reports', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(target)}` }, payload: JSON.stringify(body)
})

t.test('a dump restored with psql into a migrated database gives back every row, the counters and the same answers', async (t) => {
  t.equal((await post(app, seedReport())).statusCode, 201)
  t.equal((await post(app, reportFor({ year: 2022 }))).statusCode, 201, 'the prior year recomputes the first report')
  const finding = (await app.inject({ url: '/v1/reports/1/findings?status=failed' })).json().items[0]
  const review = await app.inject({
    method: 'PATCH',
    url: `/v1/findings/${finding.id}`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(app)}` },
    payload: { decision: 'dismissed', reason: '上年报告数字有误' }
  })
  t.equal(review.statusCode, 200)

  const file = path.join(folder, 'reports.sql')
  const dumped = await dump(file)
  t.equal(dumped.code, 0, dumped.stderr)
  t.match(dumped.stdout, /^wrote \d+ rows of \d+ tables to .*reports\.sql \(schema at \d{4}_/)
  t.match(await readFile(file, 'utf8'), /^-- gov-disclosure-reports/)

  await run('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-f', file, target.url])
  const before = await contents(source.db)
  t.ok((before.report?.length ?? 0) === 2 && (before.finding_review?.length ?? 0) === 1 && (before.api_key?.length ?? 0) >= 1, 'the source has reports, a review and a key')
  t.same(await contents(target.db), before, 'every row of every table is back')

  const restored = await build(t, target.url, { authenticated: false })
  const read = async (server: typeof app) => (await server.inject({ url: '/v1/reports/1' }))
  const [original, copy] = [await read(app), await read(restored)]
  t.equal(copy.body, original.body, 'the restored report reads the same, byte for byte')
  t.equal(copy.headers.etag, original.headers.etag)
  const page = await restored.inject({ url: '/v1/reports/1', headers: { accept: 'text/html' } })
  t.match(page.body, /gdr-dismissed/, 'the review is there')
  const next = await post(app, reportFor({ year: 2021 }))
  const { rows: [counter] } = await sql<{ next: string }>`select nextval(pg_get_serial_sequence('report', 'id')) as next`.execute(target.db)
  t.equal(Number(counter?.next), next.json().id, 'the identity counters continue where they were')

  t.same(await dump(file).then((result) => ({ code: result.code, stderr: result.stderr.trim() })),
    { code: 1, stderr: `${file} exists; choose another file (a dump never overwrites one)` })
})

t.test('a dump refuses a database migrated to another schema', async (t) => {
  const file = path.join(folder, 'other-schema.sql')
  t.equal((await dump(file)).code, 0)
  const stale = await createTestDatabase(t)
  await sql`delete from kysely_migration where name = (select max(name) from kysely_migration)`.execute(stale.db)
  const restore = await run('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-f', file, stale.url]).then(() => undefined, (error: { stderr: string }) => error.stderr)
  t.match(restore, /this dump needs a database migrated to \d{4}_\S+: run npm run db:migrate/)
  t.same((await contents(stale.db)).report, [], 'nothing was restored')
})
