import t from 'tap'
import { sql } from 'kysely'
import { build, createTestDatabase, resetDb, seedReport } from '../helper.js'
import { creditCode, reportFor } from '../fixtures.js'

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

  const { rows } = await sql<{ id: string }>`select id from report_event order by id`.execute(db)
  const stored = rows.map((row) => Number(row.id))
  t.equal(stored.length, writers * perWriter, 'one revision_stored event per write (each agency has one report)')
  t.same(seen, stored, 'the reader saw every event once, in order')
  t.same(seen, [...new Set(seen)].sort((a, b) => a - b))
})
