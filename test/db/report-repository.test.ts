import t from 'tap'
import { sql } from 'kysely'
import { findReportAtRevision } from '../../src/db/report-repository.js'
import { joinTransaction, ownTransaction } from '../../src/db/transactions.js'
import type { AnnualReport } from '../../src/domain/report.js'
import { reviseStoredReport, submitReport } from '../../src/services/reports.js'
import { WRITE_OPTIONS } from '../fixtures.js'
import { build, createTestDatabase, resetDb, seedReport } from '../helper.js'

const { url, db } = await createTestDatabase(t)

t.beforeEach(async () => await resetDb(db))

const submit = async (body: AnnualReport) => await submitReport(ownTransaction(db), body, WRITE_OPTIONS)

async function count (table: 'report' | 'report_revision' | 'agency'): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)
  return Number(rows[0]?.n)
}

t.test('racing identical creates store exactly one report with one revision', async (t) => {
  const outcomes = await Promise.all(Array.from({ length: 8 }, async () => await submit(seedReport())))
  t.same(outcomes.map((o) => o.outcome).sort(), ['created', ...Array(7).fill('replayed')])
  t.same(new Set(outcomes.map((o) => o.report.id)).size, 1)
  t.equal(await count('report'), 1)
  t.equal(await count('report_revision'), 1)
})

t.test('racing different creates of one key: one is stored, the others conflict', async (t) => {
  const bodies = Array.from({ length: 6 }, (_, index) => ({ ...seedReport(), sections: { ...seedReport().sections, other: `版本 ${index}` } }))
  const outcomes = await Promise.all(bodies.map(submit))
  t.same(outcomes.map((o) => o.outcome).sort(), ['conflict', 'conflict', 'conflict', 'conflict', 'conflict', 'created'])
  const winner = outcomes.findIndex((o) => o.outcome === 'created')
  t.same(JSON.parse((await findReportAtRevision(db, 1, 1))?.revision?.bodyText ?? 'null'), bodies[winner], 'the stored body is the winner\'s')
})

t.test('racing revisions from the same read: exactly one succeeds', async (t) => {
  await submit(seedReport())
  const edits = Array.from({ length: 5 }, (_, index) => ({ ...seedReport(), sections: { ...seedReport().sections, problems: `修改 ${index}` } }))
  const outcomes = await Promise.all(edits.map(async (body) => await reviseStoredReport(ownTransaction(db), 1, [1], body, WRITE_OPTIONS)))
  t.same(outcomes.map((o) => o.outcome).sort(), ['revised', 'stale', 'stale', 'stale', 'stale'])
  t.equal(await count('report_revision'), 2)
})

t.test('racing PUTs with the same ETag over HTTP: one 200, the rest 412', async (t) => {
  const app = await build(t, url)
  await app.inject({ method: 'POST', url: '/v1/reports', payload: seedReport() })
  const responses = await Promise.all(Array.from({ length: 4 }, async (_, index) => await app.inject({
    method: 'PUT',
    url: '/v1/reports/1',
    headers: { 'if-match': '"1.1"' },
    payload: { ...seedReport(), sections: { ...seedReport().sections, other: `并发修改 ${index}` } }
  })))
  t.same(responses.map((r) => r.statusCode).sort(), [200, 412, 412, 412])
})

t.test('a write that fails part-way leaves nothing behind', async (t) => {
  await t.rejects(db.transaction().execute(async (trx) => {
    await submitReport(joinTransaction(trx), seedReport(), WRITE_OPTIONS)
    throw new Error('failure after the report rows were written')
  }))
  t.same([await count('agency'), await count('report'), await count('report_revision')], [0, 0, 0])
})

t.test('text Postgres cannot store is a 400, and nothing is stored', async (t) => {
  const app = await build(t, url)
  const seed = seedReport()
  const res = await app.inject({ method: 'POST', url: '/v1/reports', payload: { ...seed, sections: { ...seed.sections, problems: 'a\u0000b' } } })
  t.equal(res.statusCode, 400)
  t.same(res.json().errors, [{ pointer: '/sections/problems', location: 'body', detail: 'must not contain the NUL character (U+0000)' }])
  t.equal(await count('report'), 0)
})
