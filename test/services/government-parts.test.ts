/**
 * GOV-PARTS on the write path: a summary and a department's report of one region-year stored at the same moment
 * still see each other (the region-year's lock, and a read that starts after it), and the database function that
 * takes the lock and reads holds the statement that src/db/parts-repository.ts documents.
 */
import { sql } from 'kysely'
import t from 'tap'
import { SUMMARIES_WITH_PARTS_SQL } from '../../src/db/parts-repository.js'
import { joinTransaction, ownTransaction } from '../../src/db/transactions.js'
import type { AnnualReport } from '../../src/domain/report.js'
import { reviseStoredReport, submitReport } from '../../src/services/reports.js'
import { createTestDatabase, resetDb } from '../helper.js'
import { creditCode, reportFor, WRITE_OPTIONS } from '../fixtures.js'

const { db } = await createTestDatabase(t)

t.beforeEach(async () => await resetDb(db))

const REGION = '330502'

/** A summary whose tables 三 and 四 are all 0: any department of its region-year with a request exceeds it. */
const summary: AnnualReport = (() => {
  const body = reportFor({ code: creditCode('11330502MB0000001'), name: '湖州市吴兴区人民政府', regionCode: REGION, kind: 'government' })
  const zero = (node: unknown): unknown => {
    if (typeof node === 'number') return 0
    if (node === null || typeof node !== 'object') return node
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, zero(value)]))
  }
  return { ...body, requests: zero(body.requests), reviewLitigation: zero(body.reviewLitigation) } as AnnualReport
})()
const department = reportFor({ code: creditCode('11330502MB0000011'), name: '吴兴区教育局', regionCode: REGION })

/** Advisory locks waited for in this file's database (other files' databases share the server). */
const waitingForAdvisoryLock = async (): Promise<number> => Number((await sql<{ count: string }>`
  select count(*) from pg_locks
  where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`.execute(db)).rows[0]?.count)

/**
 * Stores `first` in a transaction kept open until the write of `second`, started meanwhile, waits for the
 * region-year's lock; then commits, and lets `second` finish.
 */
async function storeAtOnce (first: AnnualReport, second: AnnualReport): Promise<void> {
  let other: Promise<unknown> | undefined
  await db.transaction().execute(async (trx) => {
    const stored = await submitReport(joinTransaction(trx), first, WRITE_OPTIONS)
    if (stored.outcome !== 'created') throw new Error(`first write was ${stored.outcome}`)
    other = submitReport(ownTransaction(db), second, WRITE_OPTIONS)
    const started = Date.now()
    while (await waitingForAdvisoryLock() === 0) {
      if (Date.now() - started > 10_000) throw new Error('the second write never waited for the region-year\'s lock')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  })
  await other
}

async function summaryState () {
  const { rows: [row] } = await sql<{ id: string, findings: string, events: string }>`
    select report.id,
      (select count(*) from finding where finding.report_id = report.id and finding.revision = report.current_revision
        and finding.rule_id = 'GOV-PARTS' and finding.status = 'failed') as findings,
      (select count(*) from report_event where report_event.report_id = report.id and report_event.type = 'findings_recomputed') as events
    from report where report.kind = 'government'`.execute(db)
  return { findings: Number(row?.findings), events: Number(row?.events) }
}

t.test('a department stored while its summary is being stored is counted in it', async (t) => {
  await storeAtOnce(department, summary)
  const state = await summaryState()
  t.ok(state.findings > 0, `the summary, read after the department committed, is exceeded by it (${state.findings} findings)`)
  t.equal(state.events, 0, 'the summary\'s own write says so in its revision_stored event')
})

t.test('a summary stored while a department is being stored is recomputed by the department\'s write', async (t) => {
  await storeAtOnce(summary, department)
  const state = await summaryState()
  t.ok(state.findings > 0, `the department's write, reading after the summary committed, recomputed it (${state.findings} findings)`)
  t.equal(state.events, 1, 'and the feed carries the recomputed result')
})

t.test('the function gov_parts_summaries reads with the statement of parts-repository', async (t) => {
  const { rows: [row] } = await sql<{ source: string }>`
    select prosrc as source from pg_proc where proname = 'gov_parts_summaries'`.execute(db)
  const words = (text: string) => text.replace(/\s+/g, ' ').trim()
  t.ok(row !== undefined, 'the migration created it')
  t.ok(words(row?.source ?? '').includes(`return query ${words(SUMMARIES_WITH_PARTS_SQL)};`),
    'a change to SUMMARIES_WITH_PARTS_SQL needs a migration that replaces the function')
  const source = row?.source ?? ''
  const lock = source.indexOf('perform pg_advisory_xact_lock(')
  t.ok(lock >= 0 && lock < source.indexOf('return query '), 'the locks are taken in a statement before the read')
})

t.test('a summary\'s revision asks for the region-year locks before it touches a summary\'s row, so it cannot deadlock with a department', async (t) => {
  const previousSummary = { ...summary, year: 2022 }
  const stored = await submitReport(ownTransaction(db), previousSummary, WRITE_OPTIONS)
  if (stored.outcome !== 'created') throw new Error(`the 2022 summary was ${stored.outcome}`)
  t.equal((await submitReport(ownTransaction(db), summary, WRITE_OPTIONS)).outcome, 'created')
  let revision: Promise<unknown> | undefined
  // The department's write holds its region-year's lock and has marked the 2023 summary changed (its row is locked).
  await db.transaction().execute(async (trx) => {
    t.equal((await submitReport(joinTransaction(trx), department, WRITE_OPTIONS)).outcome, 'created')
    // Revising the 2022 summary recomputes the 2023 one: it must wait for the lock first, holding no summary's row,
    // or, holding the 2023 row, it would ask for the lock the department's write holds while that write waits for the row.
    revision = reviseStoredReport(ownTransaction(db), stored.report.id, 'any', { ...previousSummary, sections: { ...previousSummary.sections, other: '修订' } }, WRITE_OPTIONS)
    const started = Date.now()
    while (await waitingForAdvisoryLock() === 0) {
      if (Date.now() - started > 10_000) throw new Error('the revision never waited for the region-year\'s lock')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  })
  t.match(await revision, { outcome: 'revised' })
  const { rows } = await sql<{ year: number, findings: string }>`
    select report.year, (select count(*) from finding where finding.report_id = report.id and finding.revision = report.current_revision
      and finding.rule_id = 'GOV-PARTS' and finding.status = 'failed') as findings
    from report where report.kind = 'government' order by report.year`.execute(db)
  t.equal(Number(rows[0]?.findings), 0, 'the 2022 summary has no department')
  t.ok(Number(rows[1]?.findings) > 0, 'the 2023 summary, recomputed after the department committed, is exceeded by it')
})
