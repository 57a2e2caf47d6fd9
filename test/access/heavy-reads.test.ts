/**
 * Heavy reads (exports, statistics over a province or the country) run in slots of their own: when the
 * slots and their queue are full the next heavy read gets 429 with Retry-After at once, while ordinary
 * reads are answered as usual. The heavy reads are held in their slots by a lock on the table statistics
 * read, taken by the test: that is what a slow national rollup looks like to the service.
 */
import t from 'tap'
import { sql } from 'kysely'
import { ConfigError, loadConfig } from '../../src/config.js'
import { build, createTestDatabase, seedReport } from '../helper.js'

const { url, db } = await createTestDatabase(t)

/**
 * Client connections to the test database waiting for a lock: heavy reads held in their slots. An autovacuum
 * worker analysing the locked table waits too, and is not one of them.
 */
async function waitingForLock (): Promise<number> {
  const { rows } = await sql<{ count: string }>`select count(*) from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock' and backend_type = 'client backend'`.execute(db)
  return Number(rows[0]?.count)
}

/**
 * Locks the table statistics read until `release` is called; resolves once the lock is held, so that the heavy
 * reads sent next are sure to wait on it.
 */
async function lockFigures (): Promise<{ release: () => void, locked: Promise<void> }> {
  let release = () => {}
  const released = new Promise<void>((resolve) => { release = resolve })
  let held = () => {}
  const isHeld = new Promise<void>((resolve) => { held = resolve })
  const locked = db.transaction().execute(async (trx) => {
    await sql`lock table report_figures in access exclusive mode`.execute(trx)
    held()
    await released
  })
  await Promise.race([isHeld, locked])
  return { release, locked }
}

async function until (condition: () => Promise<boolean>): Promise<void> {
  while (!await condition()) await new Promise((resolve) => setTimeout(resolve, 20))
}

t.test('when the heavy-read slots and queue are full, the next heavy read gets 429 and ordinary reads still succeed', async (t) => {
  const app = await build(t, url, { env: { HEAVY_READ_CONCURRENCY: '2', HEAVY_READ_QUEUE: '1' } })
  t.equal((await app.inject({ method: 'POST', url: '/v1/reports', payload: seedReport() })).statusCode, 201)

  const { release, locked } = await lockFigures()
  // Two run (each waiting on the lock in the database), the third waits for a slot.
  const held = [
    app.inject({ url: '/v1/stats?year=2023' }),
    app.inject({ url: '/v1/stats?year=2023&region=33' }),
    app.inject({ url: '/v1/stats?year=2024' })
  ]
  await until(async () => await waitingForLock() === 2)

  for (const path of ['/v1/stats?year=2022', '/v1/exports/reports.csv', '/v1/exports/reports.ndjson?region=33']) {
    const refused = await app.inject({ url: path })
    t.equal(refused.statusCode, 429, `${path}: 429 while the slots and the queue are full`)
    t.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8')
    t.match(refused.json(), { code: 'RATE_LIMITED', status: 429 })
    t.ok(Number(refused.headers['retry-after']) > 0, 'Retry-After says when to come back')
  }
  t.equal((await app.inject({ url: '/v1/reports/1' })).statusCode, 200, 'a report is read as usual')
  t.equal((await app.inject({ url: '/v1/reports?region=33' })).statusCode, 200, 'so is a list')
  t.equal((await app.inject({ url: '/v1/stats?year=2023&region=7' })).statusCode, 400, 'a heavy read refused by validation takes no slot')
  t.equal(await waitingForLock(), 2, 'the queued heavy read has not started')
  // The same rollup as one being computed needs no slot of its own: it is answered with that one.
  const same = app.inject({ url: '/v1/stats?year=2023' })

  release()
  await locked
  const answers = await Promise.all([...held, same])
  t.same(answers.map((answer) => answer.statusCode), [200, 200, 200, 200], 'the held and the queued heavy reads are answered once the lock is gone')
  t.same(answers[3]?.json(), answers[0]?.json(), 'the request that joined has the same answer')
  const export_ = await app.inject({ url: '/v1/exports/reports.csv' })
  t.equal(export_.statusCode, 200, 'the slots are free again')
  t.equal(export_.body.trimEnd().split('\r\n').length, 2, 'a header and the one report')
})

t.test('a city\'s statistics are not a heavy read', async (t) => {
  const app = await build(t, url, { env: { HEAVY_READ_CONCURRENCY: '1', HEAVY_READ_QUEUE: '0' } })
  const { release, locked } = await lockFigures()
  const national = app.inject({ url: '/v1/stats?year=2023' })
  await until(async () => await waitingForLock() === 1)
  t.equal((await app.inject({ url: '/v1/stats?year=2023&region=32' })).statusCode, 429, 'a province\'s waits for the slot')
  const city = app.inject({ url: '/v1/stats?year=2023&region=3305' })
  await until(async () => await waitingForLock() === 2)
  t.pass('a city\'s runs at once, beside the national one')
  release()
  await locked
  t.same([(await national).statusCode, (await city).statusCode], [200, 200])
})

t.test('fifty concurrent national rollups share one computation: all are answered, none is a 5xx', async (t) => {
  const app = await build(t, url)
  const answers = await Promise.all(Array.from({ length: 50 }, async () => await app.inject({ url: '/v1/stats?year=2023' })))
  t.same([...new Set(answers.map((answer) => answer.statusCode))], [200])
  const mixed = await Promise.all(Array.from({ length: 50 }, async (_, index) => await app.inject({ url: `/v1/stats?year=${2010 + index}` })))
  const statuses = mixed.map((answer) => answer.statusCode)
  t.ok(statuses.every((status) => status === 200 || status === 429), `fifty different ones: only 200 and 429: ${[...new Set(statuses)].join(', ')}`)
  t.ok(statuses.includes(200), 'some are answered')
})

t.test('the heavy-read slots must leave pooled connections to ordinary requests', async (t) => {
  t.throws(() => loadConfig({ DB_POOL_MAX: '4', HEAVY_READ_CONCURRENCY: '4' }), ConfigError)
  t.match(loadConfig({ DB_POOL_MAX: '4', HEAVY_READ_CONCURRENCY: '3', HEAVY_READ_QUEUE: '0' }), { HEAVY_READ_CONCURRENCY: 3, HEAVY_READ_QUEUE: 0 })
})

t.test('an export gives way to ordinary requests in flight, and still ends when they never stop', async (t) => {
  const patient = await build(t, url, { env: { HEAVY_READ_MAX_PAUSE_MS: '60000' } })
  // Stored by the first test already when the file runs whole (200), or new here (201).
  t.match((await patient.inject({ method: 'POST', url: '/v1/reports', payload: seedReport() })).statusCode, /^20[01]$/)
  const { release, locked } = await lockFigures()
  const finished: string[] = []
  // A city's statistics are an ordinary read: held by the lock, it is in flight until the lock is released.
  const city = patient.inject({ url: '/v1/stats?year=2023&region=3305' }).then((answer) => { finished.push('city'); return answer })
  await until(async () => await waitingForLock() === 1)
  const exported = patient.inject({ url: '/v1/exports/reports.csv' }).then((answer) => { finished.push('export'); return answer })
  // The export's rows come from tables the lock leaves alone: it is held back only by giving way.
  await new Promise((resolve) => setTimeout(resolve, 500))
  t.same(finished, [], 'the export waits while the ordinary read is in flight')
  release()
  await locked
  t.same([(await city).statusCode, (await exported).statusCode], [200, 200])
  t.same(finished, ['city', 'export'], 'the ordinary read is answered first, then the export goes on')

  const hurried = await build(t, url, { env: { HEAVY_READ_MAX_PAUSE_MS: '10' } })
  const held = await lockFigures()
  const heldCity = hurried.inject({ url: '/v1/stats?year=2023&region=3305' })
  await until(async () => await waitingForLock() === 1)
  const csv = await hurried.inject({ url: '/v1/exports/reports.csv' })
  t.equal(csv.statusCode, 200, 'with a short pause the export ends while the ordinary read is still held')
  t.equal(csv.body.trimEnd().split('\r\n').length, 2, 'a header and the one report')
  held.release()
  await held.locked
  t.equal((await heldCity).statusCode, 200)
})

t.test('a national rollup already computed is answered again without a slot until a write changes what it adds up', async (t) => {
  const app = await build(t, url, { env: { HEAVY_READ_CONCURRENCY: '1', HEAVY_READ_QUEUE: '0' } })
  const before = await app.inject({ url: '/v1/stats?year=2023&kind=government' })
  t.equal(before.statusCode, 200)
  t.equal(before.json().current.reports, 0, 'no summary stored yet')

  const { release, locked } = await lockFigures()
  const province = app.inject({ url: '/v1/stats?year=2023&region=33' })
  await until(async () => await waitingForLock() === 1)
  t.equal((await app.inject({ url: '/v1/stats?year=2024&kind=government' })).statusCode, 429, 'the one slot is taken')
  const again = await app.inject({ url: '/v1/stats?year=2023&kind=government' })
  t.equal(again.statusCode, 200, 'the rollup known already is answered while the slot is taken')
  t.same(again.json(), before.json())
  release()
  await locked
  t.equal((await province).statusCode, 200)

  const summary = { ...seedReport(), kind: 'government' }
  t.equal((await app.inject({ method: 'POST', url: '/v1/reports', payload: summary })).statusCode, 201)
  const after = await app.inject({ url: '/v1/stats?year=2023&kind=government' })
  t.equal(after.statusCode, 200)
  t.equal(after.json().current.reports, 1, 'the stored summary is counted at once')
})
