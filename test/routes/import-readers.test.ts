/**
 * POST /v1/imports reads each document in a worker thread (src/services/import-readers.ts): the service answers other
 * requests while a document is read, reads no more documents at once than IMPORT_CONCURRENCY, and a reading that needs
 * more memory or time than an import has fails that import alone.
 */
import diagnostics from 'node:diagnostics_channel'
import t from 'tap'
import { SEED_TEXT } from '../domain/import/corpus.js'
import { build, createTestDatabase } from '../helper.js'

const { url } = await createTestDatabase(t)
const hints = `agencyName=${encodeURIComponent('湖州市吴兴区发展改革和经济信息化局')}&regionCode=330502&kind=agency`

type App = Awaited<ReturnType<typeof build>>

const importText = async (app: App, text: string) =>
  await app.inject({ method: 'POST', url: `/v1/imports?${hints}`, headers: { 'content-type': 'text/plain; charset=utf-8' }, payload: text })

/**
 * Resolves once the handler of an import has run up to its first wait: its document is being read from then on.
 * Fastify announces a handler on this channel just before calling it.
 */
async function importIsBeingRead (): Promise<void> {
  const channel = diagnostics.channel('tracing:fastify.request.handler:start')
  await new Promise<void>((resolve) => {
    const onStart = (message: unknown) => {
      if ((message as { route: { url: string } }).route.url !== '/v1/imports') return
      channel.unsubscribe(onStart)
      resolve()
    }
    channel.subscribe(onStart)
  })
}

/** A million characters of prose in which no report is found: long to read. */
const PROSE = 'lorem ipsum dolor sit amet\n'.repeat(38_000)
/**
 * Four million characters, one a line: read through, this takes a thread a quarter of a minute and more than 256 MiB
 * of heap; the seed's text, a fraction of a second and of that. It needs IMPORT_TEXT_LIMIT raised.
 */
const HEAVY = '一\n'.repeat(2_000_000)
const HEAVY_TEXT_LIMIT = '4000000'

t.test('/healthz answers while a long document is read, and the reading\'s DomainError arrives as one', async (t) => {
  const app = await build(t, url)
  let imported = false
  const reading = importIsBeingRead()
  const answer = importText(app, PROSE).finally(() => { imported = true })
  await reading
  // One could slip in as the reading ends on a loop it held; ten in a row are answered on a loop it leaves free.
  const health = []
  for (let count = 0; count < 10; count++) health.push((await app.inject({ url: '/healthz' })).statusCode)
  t.same(health, Array(10).fill(200))
  t.notOk(imported, 'ten /healthz answered, one after another, before the import')
  t.match((await answer).json(), { status: 422, code: 'IMPORT_UNREADABLE', missing: Array, parseProblems: Array })
})

t.test('with IMPORT_CONCURRENCY=1 an import sent while another is read answers 429 at once; the first is read', async (t) => {
  const app = await build(t, url, { env: { IMPORT_CONCURRENCY: '1' } })
  const reading = importIsBeingRead()
  const first = importText(app, SEED_TEXT)
  await reading
  const second = await importText(app, SEED_TEXT)
  t.equal(second.statusCode, 429)
  t.equal(second.headers['retry-after'], '1')
  t.match(second.json(), { code: 'RATE_LIMITED', detail: '1 imports are being read; retry in a second.' })
  t.match((await first).json(), { complete: true, report: { agency: { code: '11330524MB15359635' } } })
  t.equal((await importText(app, SEED_TEXT)).statusCode, 200, 'the next import is read')
})

t.test('a reading that needs more than IMPORT_WORKER_MEMORY_MB fails that import with 413; the next is read', async (t) => {
  const app = await build(t, url, { env: { IMPORT_CONCURRENCY: '1', IMPORT_WORKER_MEMORY_MB: '128', IMPORT_TEXT_LIMIT: HEAVY_TEXT_LIMIT } })
  const res = await importText(app, HEAVY)
  t.equal(res.statusCode, 413)
  t.match(res.json(), { code: 'PAYLOAD_TOO_LARGE', detail: 'Reading the document needs more memory than the 128 MiB an import may use (IMPORT_WORKER_MEMORY_MB).' })
  t.equal((await app.inject({ url: '/healthz' })).statusCode, 200, 'the service goes on')
  t.equal((await importText(app, SEED_TEXT)).statusCode, 200, 'a new thread reads the next import')
})

t.test('a reading that takes longer than IMPORT_TIMEOUT_MS is stopped and answered 413; the next is read', async (t) => {
  const app = await build(t, url, {
    env: { IMPORT_CONCURRENCY: '1', IMPORT_TIMEOUT_MS: '3000', IMPORT_TEXT_LIMIT: HEAVY_TEXT_LIMIT, IMPORT_WORKER_MEMORY_MB: '4096' }
  })
  const res = await importText(app, HEAVY)
  t.equal(res.statusCode, 413)
  t.match(res.json(), { code: 'PAYLOAD_TOO_LARGE', detail: 'Reading the document took longer than 3000 ms (IMPORT_TIMEOUT_MS) and was stopped.' })
  t.equal((await importText(app, SEED_TEXT)).statusCode, 200, 'a new thread reads the next import')
})
