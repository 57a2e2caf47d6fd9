/** Abuse limits and headers: per-IP and per-key rate limits, body and nesting limits, security headers, CORS. */
import t from 'tap'
import { FailedAttempts } from '../../src/auth/failed-attempts.js'
import { build, createTestDatabase, makeKey, seedReport } from '../helper.js'

const { url, db } = await createTestDatabase(t)

t.test('anonymous clients are limited per IP, keys per key, with Retry-After; probes are never limited', async (t) => {
  const app = await build(t, url, { authenticated: false, env: { RATE_LIMIT_PER_IP: '3', RATE_LIMIT_PER_KEY: '5' } })
  const fromIp = async (ip: string) => await app.inject({ url: '/v1/reports', remoteAddress: ip })
  const first = await fromIp('192.0.2.1')
  t.equal(first.statusCode, 200)
  t.equal(first.headers['x-ratelimit-limit'], '3')
  t.equal(first.headers['x-ratelimit-remaining'], '2')
  await fromIp('192.0.2.1')
  await fromIp('192.0.2.1')
  const limited = await fromIp('192.0.2.1')
  t.equal(limited.statusCode, 429)
  t.equal(limited.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.match(limited.json(), { code: 'RATE_LIMITED', status: 429, type: '/problems/rate-limited', detail: /At most 3 requests a minute/ })
  t.ok(Number(limited.headers['retry-after']) > 0, 'Retry-After says when to come back')
  t.equal((await fromIp('192.0.2.2')).statusCode, 200, 'another address has its own budget')

  const { token } = await makeKey(db, { scopes: [] })
  const withKey = async () => await app.inject({ url: '/v1/reports', remoteAddress: '192.0.2.1', headers: { authorization: `Bearer ${token}` } })
  const statuses = []
  for (let request = 0; request < 6; request++) statuses.push((await withKey()).statusCode)
  t.same(statuses, [200, 200, 200, 200, 200, 429], 'a key has its own, larger budget, even from a limited address')

  for (let request = 0; request < 5; request++) {
    t.equal((await app.inject({ url: '/healthz', remoteAddress: '192.0.2.1' })).statusCode, 200)
  }
})

t.test('failed authentications are counted per IP: bogus keys are refused unchecked once over the limit', async (t) => {
  const app = await build(t, url, { authenticated: false, env: { AUTH_FAILURES_PER_IP: '3' } })
  const { token } = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['33'] })
  // Well formed, so each would be looked up: a lookup id and a secret of the right shapes.
  const bogus = (index: number) => `gdr_${String(index).padStart(12, '0')}_${'A'.repeat(43)}`
  const withKey = async (key: string, ip = '192.0.2.50') =>
    await app.inject({ url: '/v1/reports', remoteAddress: ip, headers: { authorization: `Bearer ${key}` } })

  const refused = []
  for (let index = 0; index < 3; index++) refused.push((await withKey(bogus(index))).statusCode)
  t.same(refused, [401, 401, 401], 'the first failures are answered 401')
  const limited = await withKey(bogus(3))
  t.equal(limited.statusCode, 429, 'then 429, however many different keys are tried')
  t.equal(limited.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.match(limited.json(), { code: 'RATE_LIMITED', detail: /key that is not valid/ })
  const retryAfter = Number(limited.headers['retry-after'])
  t.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After within the minute: ${retryAfter}`)
  t.equal((await withKey('not even a key')).statusCode, 429, 'malformed keys too')
  t.equal((await withKey(token)).statusCode, 429, 'even a valid key is not looked up from that address until the minute is over')

  t.equal((await withKey(token, '192.0.2.51')).statusCode, 200, 'the same key from another address works')
  t.equal((await withKey(bogus(4), '192.0.2.51')).statusCode, 401, 'and another address has its own count')
  t.equal((await app.inject({ url: '/v1/reports', remoteAddress: '192.0.2.50' })).statusCode, 200, 'public reads without a key still work from the limited address')
})

t.test('an address may try keys again when its window is over, and memory holds a bounded number of addresses', async (t) => {
  let now = 1_000_000
  const attempts = new FailedAttempts({ maxFailures: 2, windowMs: 60_000, capacity: 2, now: () => now })
  attempts.record('a')
  t.equal(attempts.waitFor('a'), 0, 'one failure of two: no wait')
  now += 10_000
  attempts.record('a')
  t.equal(attempts.waitFor('a'), 50_000, 'the limit reached: wait until the window that began with the first failure ends')
  now += 50_000
  t.equal(attempts.waitFor('a'), 0, 'the window is over')
  attempts.record('a')
  t.equal(attempts.waitFor('a'), 0, 'a new window starts with one failure')
  attempts.record('b')
  attempts.record('c')
  attempts.record('c')
  t.equal(attempts.waitFor('c'), 60_000)
  t.equal(attempts.waitFor('a'), 0, 'the least recently seen address is forgotten beyond the capacity')
})

t.test('behind a load balancer (TRUST_PROXY), each client address has its own budget', async (t) => {
  const app = await build(t, url, { authenticated: false, env: { RATE_LIMIT_PER_IP: '1', TRUST_PROXY: '127.0.0.1' } })
  const from = async (client: string) => await app.inject({ url: '/v1/reports', headers: { 'x-forwarded-for': client } })
  t.equal((await from('198.51.100.7')).statusCode, 200)
  t.equal((await from('198.51.100.7')).statusCode, 429)
  t.equal((await from('198.51.100.8')).statusCode, 200, 'not the balancer\'s address')
  const untrusted = await build(t, url, { authenticated: false, env: { RATE_LIMIT_PER_IP: '1' } })
  await untrusted.inject({ url: '/v1/reports', headers: { 'x-forwarded-for': '198.51.100.9' } })
  t.equal((await untrusted.inject({ url: '/v1/reports', headers: { 'x-forwarded-for': '198.51.100.10' } })).statusCode, 429,
    'without TRUST_PROXY the header is not believed')
})

t.test('bodies nested deeper than any report are refused before parsing', async (t) => {
  const app = await build(t, url)
  const deep = '['.repeat(100_000) + ']'.repeat(100_000)
  const res = await app.inject({ method: 'POST', url: '/v1/reports', headers: { 'content-type': 'application/json' }, payload: deep })
  t.equal(res.statusCode, 400)
  t.match(res.json(), { code: 'MALFORMED_JSON', detail: /deeper than 32 levels/ })
  const nested = { a: JSON.parse('{"b":'.repeat(40) + '1' + '}'.repeat(40)) }
  const validate = await app.inject({ method: 'POST', url: '/v1/validate', payload: { ...seedReport(), remarks: nested } })
  t.equal(validate.statusCode, 400)
  const strings = await app.inject({ method: 'POST', url: '/v1/validate', payload: { ...seedReport(), sections: { ...seedReport().sections, other: '['.repeat(1000) } } })
  t.equal(strings.statusCode, 200, 'brackets inside strings are text, not nesting')
})

t.test('a body over the size limit is 413 before it is read whole', async (t) => {
  const app = await build(t, url, { env: { BODY_LIMIT: '4096' } })
  const res = await app.inject({ method: 'POST', url: '/v1/reports', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(seedReport()) })
  t.equal(res.statusCode, 413)
  t.equal(res.json().code, 'PAYLOAD_TOO_LARGE')
})

t.test('security headers on every answer; report pages stay embeddable', async (t) => {
  const app = await build(t, url)
  const res = await app.inject({ url: '/v1/reports' })
  t.equal(res.headers['x-content-type-options'], 'nosniff')
  t.equal(res.headers['content-security-policy'], "default-src 'none';frame-ancestors 'none'")
  t.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains')
  t.equal(res.headers['referrer-policy'], 'no-referrer')
  t.equal(res.headers['cross-origin-resource-policy'], 'cross-origin', 'public data: portals on other origins may load it')
  t.notOk(res.headers['x-powered-by'])

  await app.inject({ method: 'POST', url: '/v1/reports', payload: seedReport() })
  const page = await app.inject({ url: '/v1/reports/1', headers: { accept: 'text/html' } })
  t.equal(page.statusCode, 200)
  t.notMatch(String(page.headers['content-security-policy']), /frame-ancestors/, 'portals may frame the report page')
  t.notOk(page.headers['x-frame-options'])
  const docs = await app.inject({ url: '/docs/' })
  t.match(String(docs.headers['content-security-policy']), /script-src 'self'/, 'the API reference keeps a policy that lets it run')
})

t.test('CORS: any origin by default, a configured list otherwise, with the headers portals need', async (t) => {
  const open = await build(t, url)
  const preflight = await open.inject({
    method: 'OPTIONS',
    url: '/v1/reports',
    headers: { origin: 'https://portal.example.gov.cn', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' }
  })
  t.equal(preflight.statusCode, 204)
  t.equal(preflight.headers['access-control-allow-origin'], '*')
  t.match(String(preflight.headers['access-control-allow-headers']), /Authorization/)
  t.match(String(preflight.headers['access-control-allow-headers']), /Idempotency-Key/)
  const read = await open.inject({ url: '/v1/reports', headers: { origin: 'https://portal.example.gov.cn' } })
  t.match(String(read.headers['access-control-expose-headers']), /ETag/)

  const listed = await build(t, url, { env: { CORS_ORIGINS: 'https://www.zj.gov.cn, https://www.huzhou.gov.cn' } })
  const allowed = await listed.inject({ url: '/v1/reports', headers: { origin: 'https://www.huzhou.gov.cn' } })
  t.equal(allowed.headers['access-control-allow-origin'], 'https://www.huzhou.gov.cn')
  const other = await listed.inject({ url: '/v1/reports', headers: { origin: 'https://elsewhere.example' } })
  t.notOk(other.headers['access-control-allow-origin'], 'an origin not listed gets no CORS grant')
})
