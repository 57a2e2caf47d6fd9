/**
 * The minimum body rate, over real sockets (the app listens on port 0): a body trickling in is cut
 * off with 408 and its connection closed, while a bulk upload that streams steadily for many windows
 * is stored whole. The windows are made short through the configuration, so that the test is quick;
 * the pace of each client is far from the threshold on either side.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { build, createTestDatabase, seedReport, tokenOf } from '../helper.js'
import { creditCode, reportFor } from '../fixtures.js'

const { url } = await createTestDatabase(t)

/** 1000 bytes a second over windows of 200 ms: each window needs 200 bytes. */
const app = await build(t, url, { env: { BODY_MIN_RATE: '1000', BODY_RATE_WINDOW_MS: '200' } })
await app.listen({ port: 0, host: '127.0.0.1' })
const { port } = app.server.address() as AddressInfo

interface Outcome {
  /** The status, if an answer began. */
  readonly status?: number
  readonly body: string
  /** Whether the answer arrived complete (false: the connection closed under it). */
  readonly complete: boolean
  readonly headers: http.IncomingHttpHeaders
}

/**
 * Sends `chunks` one every `everyMs` (stopping as soon as the connection is answered or closed), and
 * resolves with what came back.
 */
async function send (path: string, contentType: string, chunks: readonly Buffer[], everyMs: number, contentLength?: number): Promise<Outcome> {
  return await new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined
    const request = http.request({
      port,
      host: '127.0.0.1',
      method: 'POST',
      path,
      agent: false,
      headers: { 'content-type': contentType, authorization: `Bearer ${tokenOf(app)}`, ...(contentLength === undefined ? {} : { 'content-length': contentLength }) }
    }, (response) => {
      clearTimeout(timer)
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (text: string) => { body += text })
      response.on('end', () => resolve({ status: response.statusCode, body, complete: response.complete, headers: response.headers }))
      response.on('error', () => resolve({ status: response.statusCode, body, complete: false, headers: response.headers }))
    })
    request.on('error', () => {
      clearTimeout(timer)
      resolve({ body: '', complete: false, headers: {} })
    })
    let next = 0
    const sendNext = () => {
      if (request.destroyed) return
      const chunk = chunks[next++]
      if (chunk === undefined) {
        request.end()
        return
      }
      request.write(chunk)
      timer = setTimeout(sendNext, everyMs)
    }
    sendNext()
  })
}

const seedText = JSON.stringify(seedReport())

t.test('a body trickling in is cut off with 408 and its connection closed', async (t) => {
  // 20 bytes a second: one byte every 50 ms, far below the 1000 required.
  const bytes = [...Buffer.from(seedText)].map((byte) => Buffer.from([byte]))
  const outcome = await send('/v1/validate', 'application/json', bytes, 50, Buffer.byteLength(seedText))
  t.equal(outcome.status, 408)
  t.match(outcome.headers['content-type'], /^application\/problem\+json/)
  t.match(JSON.parse(outcome.body), { code: 'REQUEST_TIMEOUT', status: 408, detail: /1000 bytes a second/ })
  t.equal(outcome.headers.connection, 'close', 'the connection is closed: the rest of the body is not waited for')
})

t.test('a bulk upload trickling in loses its connection', async (t) => {
  const bytes = [...Buffer.from(`${seedText}\n`)].map((byte) => Buffer.from([byte]))
  const outcome = await send('/v1/reports:bulk', 'application/x-ndjson', bytes, 50)
  t.ok(outcome.status === 408 || !outcome.complete, `cut off: ${outcome.status ?? 'no answer'}, complete=${String(outcome.complete)}`)
  t.notMatch(outcome.body, /"summary"/, 'no summary: the upload was not taken as finished')
})

t.test('a bulk upload streaming steadily over many windows is stored whole', async (t) => {
  const lines = Array.from({ length: 40 }, (_, index) =>
    Buffer.from(JSON.stringify(reportFor({ code: creditCode(`113305${String(index).padStart(2, '0')}MB0000000`), name: `测试机关${index}`, regionCode: '330500' })) + '\n'))
  // One line (several KB) every 30 ms: 40 lines take about six windows, each with far more than 200 bytes.
  const outcome = await send('/v1/reports:bulk', 'application/x-ndjson', lines, 30)
  t.equal(outcome.status, 200)
  t.ok(outcome.complete, 'the answer arrived whole')
  const summary = JSON.parse(outcome.body.trimEnd().split('\n').at(-1) ?? '{}') as { summary?: Record<string, number> }
  t.match(summary, { summary: { stored: 40, rejected: 0 } })
})

t.test('requests without a body are not timed, and the server is still healthy', async (t) => {
  t.equal((await app.inject({ url: '/healthz' })).statusCode, 200)
})
