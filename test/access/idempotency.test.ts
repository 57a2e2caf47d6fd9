/**
 * Replays and races: retried POSTs with an Idempotency-Key get the first answer and never store
 * twice, and two editors revising with the same ETag cannot both win.
 */
import { sql } from 'kysely'
import t from 'tap'
import { deleteExpiredAnswers } from '../../src/db/idempotency-repository.js'
import { build, createTestDatabase, resetDb, seedReport } from '../helper.js'
import { reportFor } from '../fixtures.js'

const { url, db } = await createTestDatabase(t)
const app = await build(t, url)
t.beforeEach(async () => await resetDb(db))

async function counts () {
  const { rows } = await sql<{ reports: string, revisions: string, audited: string }>`
    select (select count(*) from report) as reports, (select count(*) from report_revision) as revisions,
           (select count(*) from audit_entry) as audited`.execute(db)
  return { reports: Number(rows[0]?.reports), revisions: Number(rows[0]?.revisions), audited: Number(rows[0]?.audited) }
}

const postWithKey = async (key: string, body: unknown) =>
  await app.inject({ method: 'POST', url: '/v1/reports', headers: { 'idempotency-key': key }, payload: body as object })

t.test('N parallel identical POSTs with one Idempotency-Key: one revision, and every answer is the first', async (t) => {
  const answers = await Promise.all(Array.from({ length: 12 }, async () => await postWithKey('9a7c1e3e-0f4e-4c8e-8d5b-3f1f2b9e0c11', seedReport())))
  t.same(answers.map((answer) => answer.statusCode), Array(12).fill(201), 'all answer 201 Created, as the first did')
  t.equal(new Set(answers.map((answer) => answer.body)).size, 1, 'with the same body')
  t.equal(new Set(answers.map((answer) => answer.headers.etag)).size, 1, 'and the same ETag')
  t.equal(answers.filter((answer) => answer.headers['idempotent-replayed'] === 'true').length, 11, 'all but the first are replays')
  t.equal(answers.find((answer) => answer.headers['idempotent-replayed'] === 'true')?.headers.location, '/v1/reports/1')
  t.same(await counts(), { reports: 1, revisions: 1, audited: 1 })
})

t.test('N parallel identical POSTs without a key still store one revision (the natural key)', async (t) => {
  const answers = await Promise.all(Array.from({ length: 12 }, async () =>
    await app.inject({ method: 'POST', url: '/v1/reports', payload: seedReport() })))
  t.same(answers.map((answer) => answer.statusCode).sort(), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
  t.same(await counts(), { reports: 1, revisions: 1, audited: 1 })
})

t.test('racing retries of different reports under different keys each store once', async (t) => {
  const bodies = [2019, 2020, 2021, 2022].map((year) => reportFor({ year }))
  const answers = await Promise.all(bodies.flatMap((body, index) =>
    Array.from({ length: 4 }, async () => await postWithKey(`retry-${index}`, body))))
  t.ok(answers.every((answer) => answer.statusCode === 201))
  t.same(await counts(), { reports: 4, revisions: 4, audited: 4 })
})

t.test('a key reused for another request is refused; a failed request can be retried', async (t) => {
  t.equal((await postWithKey('k-1', seedReport())).statusCode, 201)
  const reused = await postWithKey('k-1', { ...seedReport(), kind: 'government' })
  t.equal(reused.statusCode, 422)
  t.match(reused.json(), { code: 'IDEMPOTENCY_KEY_REUSED', type: '/problems/idempotency-key-reused' })

  const invalid = await postWithKey('k-2', { ...seedReport(), year: 'twenty' })
  t.equal(invalid.statusCode, 400)
  const strict = await app.inject({
    method: 'POST',
    url: '/v1/reports?strict=true',
    headers: { 'idempotency-key': 'k-3' },
    payload: { ...reportFor({ year: 2022 }), requests: { ...seedReport().requests, carriedForward: { ...seedReport().requests.carriedForward, total: 999 } } }
  })
  t.equal(strict.statusCode, 422, 'an inconsistent report under strict is refused')
  t.equal((await postWithKey('k-3', reportFor({ year: 2022 }))).statusCode, 201, 'refusals are not stored, so the key can carry the corrected request')
  t.same(await counts(), { reports: 2, revisions: 2, audited: 2 })

  const malformed = await app.inject({ method: 'POST', url: '/v1/reports', headers: { 'idempotency-key': 'tab\there' }, payload: seedReport() })
  t.equal(malformed.statusCode, 400)
  t.match(malformed.json().errors, [{ pointer: '/idempotency-key', location: 'headers' }])
})

t.test('an answer is replayed for 24 hours; after that the key is free and expired answers are deleted', async (t) => {
  t.equal((await postWithKey('k-day', seedReport())).statusCode, 201)
  await sql`update idempotency_record set created_at = now() - interval '25 hours'`.execute(db)
  const later = await postWithKey('k-day', { ...seedReport(), kind: 'government' })
  t.equal(later.statusCode, 201, 'an expired key carries a new request')
  t.notOk(later.headers['idempotent-replayed'])
  await sql`update idempotency_record set created_at = now() - interval '25 hours'`.execute(db)
  t.equal(await deleteExpiredAnswers(db, 24), 1)
  const { rows } = await sql<{ count: string }>`select count(*) from idempotency_record`.execute(db)
  t.equal(Number(rows[0]?.count), 0)
})

t.test('two PUTs with the same ETag: one 200, one 412, one new revision', async (t) => {
  await app.inject({ method: 'POST', url: '/v1/reports', payload: seedReport() })
  const edit = (text: string) => ({ ...seedReport(), sections: { ...seedReport().sections, other: text } })
  const [first, second] = await Promise.all([
    app.inject({ method: 'PUT', url: '/v1/reports/1', headers: { 'if-match': '"1.1"' }, payload: edit('甲的修改') }),
    app.inject({ method: 'PUT', url: '/v1/reports/1', headers: { 'if-match': '"1.1"' }, payload: edit('乙的修改') })
  ])
  t.same([first?.statusCode, second?.statusCode].sort(), [200, 412])
  const winner = first?.statusCode === 200 ? first : second
  const stored = await app.inject({ url: '/v1/reports/1' })
  t.equal(stored.json().revision, 2)
  t.same(stored.json().report, winner?.json().report, 'the stored revision is the one answered 200')
  t.same(await counts(), { reports: 1, revisions: 2, audited: 2 })
})
