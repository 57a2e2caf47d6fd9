import { Writable } from 'node:stream'
import t, { type Test } from 'tap'
import { generateToken } from '../../src/auth/tokens.js'
import { buildApp } from '../../src/app.js'
import { testConfig } from '../helper.js'

/** The app with its logs captured as parsed JSON lines. */
async function appWithLogs (t: Test, databaseUrl = 'postgres://nobody@127.0.0.1:1/none') {
  const lines: Array<Record<string, unknown>> = []
  const stream = new Writable({
    write (chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line))
      done()
    }
  })
  const app = await buildApp({ config: testConfig, databaseUrl, logger: { level: 'info', stream } })
  t.teardown(async () => await app.close())
  return { app, lines }
}

t.test('an unexpected error is a masked 500 problem, logged with its request id', async (t) => {
  const { app, lines } = await appWithLogs(t)
  app.get('/boom', async () => { throw new Error('relation "secret_table" does not exist') })
  const res = await app.inject({ url: '/boom', headers: { 'x-request-id': 'portal-42' } })
  t.equal(res.statusCode, 500)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.same(res.json(), {
    type: `${testConfig.PROBLEM_TYPE_BASE}internal-error`,
    title: 'Internal Server Error',
    status: 500,
    instance: '/boom',
    code: 'INTERNAL_ERROR',
    requestId: res.headers['x-request-id']
  })
  t.match(res.headers['x-request-id'], /^[0-9a-f-]{36}$/, 'the id is this service\'s, not the caller\'s')
  t.notMatch(res.body, /secret_table/, 'no detail leaks')
  const logged = lines.find((line) => line.level === 50)
  t.match(logged, {
    reqId: res.headers['x-request-id'], clientRequestId: 'portal-42', method: 'GET', url: '/boom', err: { message: 'relation "secret_table" does not exist' }
  })
})

t.test('an unknown route is a 404 problem', async (t) => {
  const { app } = await appWithLogs(t)
  const res = await app.inject({ url: '/v1/nothing-here?x=1' })
  t.equal(res.statusCode, 404)
  t.match(res.json(), { code: 'NOT_FOUND', status: 404, title: 'Not Found', detail: 'No route GET /v1/nothing-here', type: /\/problems\/not-found$/ })
})

t.test('a database that is down gives 503 problems with Retry-After, not hangs or 500s', async (t) => {
  const { app } = await appWithLogs(t)
  const ready = await app.inject({ url: '/readyz' })
  t.equal(ready.statusCode, 503)
  t.equal(ready.headers['retry-after'], '5')
  t.match(ready.json(), { code: 'SERVICE_UNAVAILABLE', status: 503, detail: 'The database is unavailable; retry later.' })

  const write = await app.inject({
    method: 'POST', url: '/v1/reports', payload: (await import('../helper.js')).seedReport(), headers: { authorization: `Bearer ${generateToken().token}` }
  })
  t.equal(write.statusCode, 503, 'a key cannot be checked while the database is down: 503, not 401')
  t.equal(write.json().code, 'SERVICE_UNAVAILABLE')

  const live = await app.inject({ url: '/healthz' })
  t.equal(live.statusCode, 200, 'liveness does not depend on the database')
  t.same(live.json(), { status: 'ok' })
})

t.test('every request gets an id of ours, echoed and logged on exactly one line with the caller\'s own', async (t) => {
  const { app, lines } = await appWithLogs(t)
  const kept = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } })
  const reused = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } })
  t.match(kept.headers['x-request-id'], /^[0-9a-f-]{36}$/)
  t.not(reused.headers['x-request-id'], kept.headers['x-request-id'], 'a caller reusing its id still gets one id per request')
  const made = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'has spaces\nand newlines' } })
  t.match(made.headers['x-request-id'], /^[0-9a-f-]{36}$/)

  const forKept = lines.filter((line) => line.reqId === kept.headers['x-request-id'])
  t.equal(forKept.length, 1)
  t.match(forKept[0], { msg: 'request completed', method: 'GET', url: '/healthz', statusCode: 200, responseTimeMs: Number, clientRequestId: 'abc-123' })
  t.equal(lines.filter((line) => line.clientRequestId === 'abc-123').length, 2, 'the caller\'s id is logged with each of its requests')
  t.notOk(lines.some((line) => line.reqId === made.headers['x-request-id'] && 'clientRequestId' in line), 'an unsafe caller id is not logged')
})

t.test('a statement cancelled by the timeout is a 503, like a database that is away', async (t) => {
  const { isDatabaseUnavailable } = await import('../../src/db/errors.js')
  t.ok(isDatabaseUnavailable(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })))
  t.notOk(isDatabaseUnavailable(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' })))
})

/** Sends `head` as raw bytes on a new connection and collects everything until the server closes it. */
async function rawExchange (port: number, head: string): Promise<string> {
  const { connect } = await import('node:net')
  return await new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = connect(port, '127.0.0.1', () => socket.write(Buffer.from(head, 'utf8')))
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')))
  })
}

function parseRawResponse (raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n')
  const [statusLine = '', ...headerLines] = head.split('\r\n')
  const headers = Object.fromEntries(headerLines.map((line) => {
    const colon = line.indexOf(':')
    return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()]
  }))
  return { statusLine, headers, body: JSON.parse(body) as Record<string, unknown> }
}

t.test('requests refused by the HTTP parser also answer problem+json with a request id and a log line', async (t) => {
  const { app, lines } = await appWithLogs(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const port = (app.server.address() as { port: number }).port

  const cases = [
    { name: 'raw Chinese in the query string', head: 'POST /v1/imports?agencyName=湖州市吴兴区 HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n', status: 400, code: 'BAD_REQUEST' },
    { name: 'a malformed request line', head: 'GET\r\n\r\n', status: 400, code: 'BAD_REQUEST' },
    { name: 'oversized headers', head: `GET /healthz HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`, status: 431, code: 'HEADERS_TOO_LARGE' }
  ]
  for (const { name, head, status, code } of cases) {
    const response = parseRawResponse(await rawExchange(port, head))
    t.match(response.statusLine, new RegExp(`^HTTP/1\\.1 ${status} `), `${name}: status ${status}`)
    t.match(response.headers['content-type'], /^application\/problem\+json/, `${name}: problem+json`)
    t.match(response.body, { type: `${testConfig.PROBLEM_TYPE_BASE}${code.toLowerCase().replaceAll('_', '-')}`, status, code }, `${name}: the problem`)
    const requestId = response.headers['x-request-id']
    t.match(requestId, /^[0-9a-f-]{36}$/, `${name}: a request id in the header`)
    t.equal(response.body.requestId, requestId, `${name}: the same id in the body`)
    t.ok(lines.some((line) => line.reqId === requestId && line.code === code), `${name}: logged under that id`)
  }
  const encoded = await app.inject({ url: `/v1/reports?agency=${encodeURIComponent('湖州')}` })
  t.equal(encoded.json().code, 'VALIDATION_ERROR', 'the percent-encoded form reaches the route')
})
