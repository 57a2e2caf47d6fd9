/**
 * The rollups kept in memory are checked against the feed version of the snapshot that asks (src/db/feed-repository.ts):
 * a write that began before another and commits after it must still make a kept rollup be computed again, although
 * the feed's newest event id was already seen.
 */
import { sql } from 'kysely'
import t from 'tap'
import { compareFeedVersions, feedVersion } from '../../src/db/feed-repository.js'
import { joinTransaction, ownTransaction } from '../../src/db/transactions.js'
import { submitReport } from '../../src/services/reports.js'
import { StatsReader } from '../../src/services/stats.js'
import { createTestDatabase, resetDb } from '../helper.js'
import { creditCode, reportFor, WRITE_OPTIONS } from '../fixtures.js'

const { db } = await createTestDatabase(t)

t.beforeEach(async () => await resetDb(db))

// Two counties of one city, so that the two writes share no lock (GOV-PARTS locks a region-year).
const first = reportFor({ code: creditCode('11330502MB0000011'), name: '吴兴区教育局', regionCode: '330502' })
const second = reportFor({ code: creditCode('11330522MB0000011'), name: '长兴县教育局', regionCode: '330522' })
const QUERY = { region: '33', year: 2023, kind: 'agency' as const, cells: [] }

t.test('a rollup kept while an earlier write was open is computed again once that write commits', async (t) => {
  let computed = 0
  const reader = new StatsReader(db, { keptCells: 100_000, heavyWork: async (work) => { computed++; return await work() } })
  t.equal((await reader.read(QUERY)).current.reports, 0)
  t.equal((await reader.read(QUERY)).current.reports, 0, 'kept')
  t.equal(computed, 1)

  const earlier = await db.startTransaction().execute()
  try {
    // The earlier write stores its report (and its feed event, with the lower id) first and commits last.
    await submitReport(joinTransaction(earlier), first, WRITE_OPTIONS)
    await submitReport(ownTransaction(db), second, WRITE_OPTIONS)
    t.equal((await reader.read(QUERY)).current.reports, 1, 'the committed write counts')
    t.equal(computed, 2)
    t.equal((await reader.read(QUERY)).current.reports, 1, 'kept while nothing else commits')
    t.equal(computed, 2)
    await earlier.commit().execute()
  } finally {
    if (!earlier.isCommitted) await earlier.rollback().execute()
  }
  t.equal((await reader.read(QUERY)).current.reports, 2, 'the earlier write counts once it commits')
  t.equal(computed, 3)
  t.equal((await reader.read(QUERY)).current.reports, 2)
  t.equal(computed, 3, 'and is kept again')
})

t.test('the feed version changes with the events a snapshot sees, not with other transactions', async (t) => {
  const before = await feedVersion(db)
  await sql`select pg_current_xact_id()`.execute(db)
  await db.transaction().execute(async (trx) => { await sql`select pg_current_xact_id()`.execute(trx) })
  t.equal(compareFeedVersions(await feedVersion(db), before), 0, 'transactions that append no event leave it as it was')
  await submitReport(ownTransaction(db), first, WRITE_OPTIONS)
  const after = await feedVersion(db)
  t.ok(compareFeedVersions(after, before) > 0, 'a write makes it newer')
  t.ok(compareFeedVersions(before, after) < 0)
})
