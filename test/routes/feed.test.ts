import t from 'tap'
import { sql } from 'kysely'
import { build, createTestDatabase, resetDb, seedReport } from '../helper.js'
import { creditCode, reportFor } from '../fixtures.js'
import { appendEvents } from '../../src/db/feed-repository.js'
import { encodeCursor } from '../../src/http/pagination.js'

const { url, db } = await createTestDatabase(t)
const app = await build(t, url)

t.beforeEach(async () => await resetDb(db))

interface FeedPage { items: Array<{ sequence: number, type: string, reportId: number, revision: number, year: number }>, next: string, hasMore: boolean }
const read = async (path: string): Promise<FeedPage> => {
  const res = await app.inject({ url: path })
  if (res.statusCode !== 200) throw new Error(`feed answered ${res.statusCode}: ${res.body}`)
  return res.json()
}

t.test('the feed lists stored revisions and recomputed findings in order', async (t) => {
  await app.inject({ method: 'POST', url: '/v1/reports', payload: seedReport() })
  await app.inject({ method: 'POST', url: '/v1/reports', payload: reportFor({ year: 2022 }) })
  await app.inject({ method: 'PUT', url: '/v1/reports/1', headers: { 'if-match': '*' }, payload: { ...seedReport(), publication: {} } })
  const page = await read('/v1/feed')
  t.same(page.items.map((e) => [e.sequence, e.type, e.reportId, e.revision]), [
    [1, 'revision_stored', 1, 1],
    [2, 'revision_stored', 2, 1],
    [3, 'findings_recomputed', 1, 1],
    [4, 'revision_stored', 1, 2]
  ])
  t.equal(page.hasMore, false)
  t.match(page.items[0], { agencyCode: '11330524MB15359635', year: 2023, kind: 'agency', href: '/v1/reports/1?revision=1', status: String })

  const after = await read(page.next)
  t.same(after.items, [], 'nothing new yet')
  t.equal(after.next, page.next, 'polling an empty page keeps the position')

  const bad = await app.inject({ url: '/v1/feed?after=nonsense' })
  t.equal(bad.statusCode, 400)
  t.same(bad.json().errors, [{ pointer: '/after', location: 'querystring', detail: 'is not a cursor from a previous page' }])
})

t.test('a reader paging while writers commit concurrently sees every event exactly once', async (t) => {
  const writers = 4
  const perWriter = 8
  let writing = true
  const seen: number[] = []
  const reader = (async () => {
    let next = '/v1/feed?limit=3'
    for (;;) {
      const stillWriting = writing
      const page = await read(next)
      seen.push(...page.items.map((e) => e.sequence))
      next = page.next
      if (!stillWriting && !page.hasMore && page.items.length === 0) return
    }
  })()
  await Promise.all(Array.from({ length: writers }, async (_, writer) => {
    for (let index = 0; index < perWriter; index++) {
      const code = creditCode(`1133050${writer}MB${String(index).padStart(7, '0')}`)
      // Alternate years so that some writes also recompute the next year's report.
      const year = 2023 - (index % 2)
      const res = await app.inject({ method: 'POST', url: '/v1/reports', payload: reportFor({ code, year, name: `测试局${writer}-${index}` }) })
      if (res.statusCode !== 201) throw new Error(`write failed: ${res.statusCode} ${res.body}`)
    }
  }))
  writing = false
  await reader

  const { rows } = await sql<{ id: string }>`select id from report_event order by transaction_id, id`.execute(db)
  const stored = rows.map((row) => Number(row.id))
  t.equal(stored.length, writers * perWriter, 'one revision_stored event per write (each agency has one report)')
  t.same(seen, stored, 'the reader saw every event once, in feed order')
  t.equal(new Set(seen).size, seen.length, 'none twice')
})

/** Every page from `path` on until the feed has nothing more: the events' sequence numbers, and where it ended. */
const readAll = async (path: string): Promise<{ sequences: number[], next: string }> => {
  const sequences: number[] = []
  let next = path
  for (;;) {
    const page = await read(next)
    sequences.push(...page.items.map((event) => event.sequence))
    next = page.next
    if (!page.hasMore) return { sequences, next }
  }
}

t.test('a write that began earlier and commits later is neither passed nor listed twice', async (t) => {
  for (const year of [2021, 2022, 2023]) await app.inject({ method: 'POST', url: '/v1/reports', payload: reportFor({ year }) })
  const start = await readAll('/v1/feed?limit=1')
  const before = start.sequences.length
  t.same(start.sequences, Array.from({ length: before }, (_, index) => index + 1), 'one page at a time, each once')

  // The earlier transaction appends first (the lower event id) and commits last.
  const earlier = await db.startTransaction().execute()
  const later = await db.startTransaction().execute()
  try {
    await appendEvents(earlier, [{ type: 'findings_recomputed', reportId: 1, revision: 1 }])
    await appendEvents(later, [{ type: 'findings_recomputed', reportId: 2, revision: 1 }])
    await later.commit().execute()
    const whileOpen = await readAll(start.next)
    t.same(whileOpen.sequences, [], 'the later commit is held back while a transaction that began before it still writes')
    t.equal(whileOpen.next, start.next)
    await earlier.commit().execute()
  } finally {
    if (!earlier.isCommitted) await earlier.rollback().execute()
    if (!later.isCommitted) await later.rollback().execute()
  }
  const after = await readAll(start.next)
  t.same(after.sequences, [before + 1, before + 2], 'both, in the order of their transactions')
  t.same((await readAll(after.next)).sequences, [], 'and never again')

  // And the other way round: the transaction that began writing first appends its events after the other's.
  const first = await db.startTransaction().execute()
  const second = await db.startTransaction().execute()
  try {
    await sql`select pg_current_xact_id()`.execute(first)
    await appendEvents(second, [{ type: 'findings_recomputed', reportId: 3, revision: 1 }])
    await second.commit().execute()
    t.same((await readAll(after.next)).sequences, [])
    await appendEvents(first, [{ type: 'findings_recomputed', reportId: 1, revision: 1 }])
    await first.commit().execute()
  } finally {
    if (!first.isCommitted) await first.rollback().execute()
    if (!second.isCommitted) await second.rollback().execute()
  }
  const last = await readAll(after.next)
  t.same(last.sequences, [before + 4, before + 3], 'the first transaction\'s event first, though it was numbered after the other\'s')
  t.same((await readAll('/v1/feed?limit=2')).sequences, [...start.sequences, ...after.sequences, ...last.sequences], 'read from the start: the same order')

  const aborted = await db.startTransaction().execute()
  await appendEvents(aborted, [{ type: 'findings_recomputed', reportId: 1, revision: 1 }])
  await aborted.rollback().execute()
  t.same((await readAll(last.next)).sequences, [], 'an event rolled back is never listed, nor holds the feed back')
})

t.test('a transaction of another database on the server does not hold the feed back', async (t) => {
  const other = await createTestDatabase(t)
  const elsewhere = await other.db.startTransaction().execute()
  try {
    await sql`select pg_current_xact_id()`.execute(elsewhere)
    await app.inject({ method: 'POST', url: '/v1/reports', payload: seedReport() })
    t.same((await readAll('/v1/feed')).sequences, [1], 'listed while the other database\'s transaction runs')
  } finally {
    await elsewhere.rollback().execute()
  }
})

t.test('a cursor issued while events were numbered in commit order resumes where it was', async (t) => {
  for (const year of [2022, 2023]) await app.inject({ method: 'POST', url: '/v1/reports', payload: reportFor({ year }) })
  // The events stored before the migration have transaction id 0.
  await sql`update report_event set transaction_id = '0'`.execute(db)
  await app.inject({ method: 'POST', url: '/v1/reports', payload: reportFor({ year: 2021 }) })
  t.same((await readAll(`/v1/feed?after=${encodeCursor(1)}`)).sequences, [2, 3, 4], 'after event 1: the old ones, then the new')
  t.same((await readAll(`/v1/feed?after=${encodeCursor(2)}`)).sequences, [3, 4])
  for (const cursor of [encodeCursor(-1), encodeCursor('1.2.3'), encodeCursor('18446744073709551616.1'), encodeCursor('01.1')]) {
    t.equal((await app.inject({ url: `/v1/feed?after=${cursor}` })).statusCode, 400, `refuses ${cursor}`)
  }
  t.equal((await app.inject({ url: `/v1/feed?after=${encodeCursor('18446744073709551615.1')}` })).statusCode, 200)
})
