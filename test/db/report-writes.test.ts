/**
 * A report's write takes at most four round trips to Postgres, BEGIN and COMMIT included: the locks and every read in
 * one (`report_write_prepare`), every write and the report read back in one (`report_write_store`). Counted on real
 * connections, at pg's client, in every outcome of `submitReport` and `reviseStoredReport`; and the write's database
 * function stores the figures columns src/db/figure-columns.ts lists, in its order.
 */
import { sql } from 'kysely'
import pg from 'pg'
import t from 'tap'
import { FIGURE_COLUMN_TYPES } from '../../src/db/figure-columns.js'
import { ownTransaction } from '../../src/db/transactions.js'
import type { AnnualReport } from '../../src/domain/report.js'
import { reviseStoredReport, submitReport } from '../../src/services/reports.js'
import { createTestDatabase, resetDb } from '../helper.js'
import { creditCode, reportFor, WRITE_OPTIONS } from '../fixtures.js'

const { db } = await createTestDatabase(t)

t.beforeEach(async () => await resetDb(db))

const REGION = '330502'
const department = (year: number, serial = '11'): AnnualReport =>
  reportFor({ code: creditCode(`11330502MB00000${serial}`), name: `吴兴区教育局${serial}`, regionCode: REGION, year })
/** A summary whose tables 三 and 四 are ten times a department's: the departments stored stay within it. */
const summary = (year: number): AnnualReport => {
  const body = reportFor({ code: creditCode('11330502MB0000001'), name: '湖州市吴兴区人民政府', regionCode: REGION, year, kind: 'government' })
  const scaled = (node: unknown): unknown => {
    if (typeof node === 'number') return node * 10
    if (node === null || typeof node !== 'object') return node
    return Array.isArray(node) ? node.map(scaled) : Object.fromEntries(Object.entries(node).map(([key, value]) => [key, scaled(value)]))
  }
  return { ...body, requests: scaled(body.requests), reviewLitigation: scaled(body.reviewLitigation) } as AnnualReport
}

/** The statements pg's clients send (each one round trip) while `work` runs, and what it returned. */
async function roundTrips<T> (work: () => Promise<T>): Promise<{ count: number, texts: string[], result: T }> {
  const texts: string[] = []
  const query = pg.Client.prototype.query
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first] = args
    texts.push(typeof first === 'string' ? first : String((first as { text?: string }).text))
    return (query as (...rest: unknown[]) => unknown).apply(this, args)
  } as typeof query
  try {
    const result = await work()
    return { count: texts.length, texts, result }
  } finally {
    pg.Client.prototype.query = query
  }
}

const submit = async (body: AnnualReport) => await roundTrips(async () => await submitReport(ownTransaction(db), body, WRITE_OPTIONS))
const revise = async (id: number, versions: readonly number[] | 'any', body: AnnualReport) =>
  await roundTrips(async () => await reviseStoredReport(ownTransaction(db), id, versions, body, WRITE_OPTIONS))

t.test('every outcome of a write takes four round trips or fewer', async (t) => {
  // Warm the pool's connection: its first statements also prepare them.
  await submitReport(ownTransaction(db), department(2020, '99'), WRITE_OPTIONS)

  const created = await submit(department(2022))
  t.equal(created.result.outcome, 'created')
  t.same(created.texts.map((text) => text.trim().split(/\s+/).slice(0, 2).join(' ')),
    ['begin', 'select report_write_prepare($1::text[],', 'select *', 'commit'], 'BEGIN, the locks and reads, the writes, COMMIT')

  const before = await submit(department(2021))
  t.equal(before.result.outcome, 'created', 'the year before: the next year is recomputed in the same round trip')
  t.ok(before.count <= 4, `${before.count} round trips`)

  const between = await submit(department(2023))
  t.ok(between.count <= 4, `with both neighbours stored: ${between.count} round trips`)

  t.equal((await submit(department(2023))).count, 4, 'a replay: the locks and reads, the report read back')
  const conflict = await submit({ ...department(2023), sections: { ...department(2023).sections, other: '另一份' } })
  t.equal(conflict.result.outcome, 'conflict')
  t.equal(conflict.count, 4)

  if (created.result.outcome !== 'created') throw new Error('not created')
  const id = created.result.report.id
  const revised = await revise(id, 'any', { ...department(2022), sections: { ...department(2022).sections, other: '修订' } })
  t.equal(revised.result.outcome, 'revised')
  t.ok(revised.count <= 4, `a revision: ${revised.count} round trips`)
  const unchanged = await revise(id, 'any', { ...department(2022), sections: { ...department(2022).sections, other: '修订' } })
  t.equal(unchanged.result.outcome, 'unchanged')
  t.ok(unchanged.count <= 4)
  const stale = await revise(id, [1], department(2022))
  t.equal(stale.result.outcome, 'stale')
  t.ok(stale.count <= 4)
  const missing = await revise(id + 1000, 'any', department(2022))
  t.equal(missing.result.outcome, 'not_found')
  t.ok(missing.count <= 3, 'not found: BEGIN, the look-up, COMMIT')
})

t.test('a department written into a county whose summary is stored: GOV-PARTS in the same round trips', async (t) => {
  await submitReport(ownTransaction(db), summary(2023), WRITE_OPTIONS)
  await submitReport(ownTransaction(db), department(2023, '12'), WRITE_OPTIONS)
  const written = await submit(department(2023))
  t.equal(written.result.outcome, 'created')
  t.equal(written.count, 4, `the summary's GOV-PARTS read, and its results unchanged, within the write's round trip (${written.count})`)
  const { rows: [parts] } = await sql<{ findings: string }>`
    select count(*) as findings from finding join report on report.id = finding.report_id
    where report.kind = 'government' and finding.rule_id = 'GOV-PARTS' and finding.status = 'failed'`.execute(db)
  t.equal(Number(parts?.findings), 0, 'the departments stay within the summary')
  const { rows } = await sql<{ events: string }>`
    select count(*) as events from report_event join report on report.id = report_event.report_id
    where report.kind = 'government' and report_event.type = 'findings_recomputed'`.execute(db)
  t.equal(Number(rows[0]?.events), 2, 'each department stored recomputes the summary, in the feed')
})

t.test('the write stores the figures columns the service sends, in their order', async (t) => {
  const { rows } = await sql<{ definition: string }>`select pg_get_functiondef('report_write_store(jsonb)'::regprocedure) as definition`.execute(db)
  t.ok(rows[0]?.definition.includes(`insert into report_figures (${FIGURE_COLUMN_TYPES.map(([column]) => column).join(', ')})`),
    'the columns of src/db/figure-columns.ts')
})
