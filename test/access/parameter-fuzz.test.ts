/**
 * Property-based fuzzing of the ids and cursors in URLs: every path parameter, every integer query
 * parameter and every pagination cursor of every route in the contract, sent hostile values (numbers
 * beyond a bigint or an int, fractions, exponents, negative numbers, bytes that are not UTF-8, NUL, and
 * cursors crafted to decode to any JSON). Whatever arrives, the answer is never a 5xx, and a refusal is
 * problem+json. The routes are read from the app's own OpenAPI document, so a new route is fuzzed too.
 */
import assert from 'node:assert/strict'
import fc from 'fast-check'
import t from 'tap'
import { build, createTestDatabase, seedReport } from '../helper.js'

const { url } = await createTestDatabase(t)
const app = await build(t, url)

const SEED = seedReport()
const stored = await app.inject({ method: 'POST', url: '/v1/reports', payload: SEED })
t.equal(stored.statusCode, 201, 'setup: the seed is stored as report 1')

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url')

t.test('crafted cursors are a 400 problem pointing at the parameter, on every paginated list', async (t) => {
  const lists = [['/v1/reports', 'cursor'], ['/v1/feed', 'after'], ['/v1/admin/audit', 'cursor'], ['/v1/agencies', 'cursor']] as const
  const crafted = ['1.5', '1e21', '1e308', '-1', '"1"', '"x"', 'null', 'true', '[]', '{}', `"${'9'.repeat(150)}"`, '9007199254740993']
  for (const [path, parameter] of lists) {
    for (const after of crafted) {
      const cursor = base64url(`{"after":${after}}`)
      const res = await app.inject({ url: `${path}?${parameter}=${cursor}` })
      t.equal(res.statusCode, 400, `${path} with after=${after.slice(0, 20)}: 400`)
      t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
      t.match(res.json(), { code: 'VALIDATION_ERROR', errors: [{ pointer: `/${parameter}`, location: 'querystring' }] })
    }
    for (const foreign of [base64url('{"after":1,"extra":2}'), base64url('[1]'), 'not a cursor', base64url('{"after":')]) {
      t.equal((await app.inject({ url: `${path}?${parameter}=${encodeURIComponent(foreign)}` })).statusCode, 400, `${path}: a foreign cursor is refused`)
    }
  }

  const first = await app.inject({ url: '/v1/reports?limit=1' })
  t.equal(first.statusCode, 200)
  const page = await app.inject({ url: '/v1/agencies?limit=1' })
  t.equal(page.statusCode, 200, 'cursors this API issues still work')
  const agencyCursor = base64url(JSON.stringify({ after: SEED.agency.code }))
  t.same((await app.inject({ url: `/v1/agencies?cursor=${agencyCursor}` })).json().items, [], 'an agency cursor after the only agency: an empty page')
  t.equal((await app.inject({ url: `/v1/reports?cursor=${base64url('{"after":1}')}` })).statusCode, 200, 'a row cursor after report 1')
})

/* ---------- The parameters under test, from the contract ---------- */

interface Parameter { readonly name: string, readonly in: string, readonly required?: boolean, readonly schema?: { type?: string } }
interface Operation { readonly parameters?: Parameter[], readonly requestBody?: unknown }

await app.ready()
const contract = app.swagger() as { paths: Record<string, Record<string, Operation>> }

/** Valid values of the parameters that are not under test, so that a request reaches the one that is. */
const VALID: Record<string, string> = { id: '1', code: SEED.agency.code, slug: 'report-exists', year: '2023' }

/** Bodies for the writes, valid but for what is fuzzed in the URL. */
const BODIES: Record<string, unknown> = {
  'PUT /v1/reports/{id}': SEED,
  'PATCH /v1/findings/{id}': { decision: 'acknowledged', reason: 'fuzz' }
}

const isCursor = (parameter: Parameter) => parameter.in === 'query' && ['cursor', 'after'].includes(parameter.name)
const isUnderTest = (parameter: Parameter) =>
  parameter.in === 'path' || isCursor(parameter) || (parameter.in === 'query' && parameter.schema?.type === 'integer')

interface Target { readonly method: string, readonly path: string, readonly operation: Operation, readonly parameter: Parameter }

const TARGETS: Target[] = Object.entries(contract.paths).flatMap(([path, operations]) =>
  Object.entries(operations).flatMap(([method, operation]) =>
    (operation.parameters ?? []).filter(isUnderTest).map((parameter) => ({ method: method.toUpperCase(), path, operation, parameter }))))

/* ---------- Hostile values, as the raw (already percent-encoded) text of the URL ---------- */

const percentEncoded = (bytes: Uint8Array) => [...bytes].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')
const encoded = (text: string) => percentEncoded(Buffer.from(text, 'utf8'))

/** Numbers as a client could write them, none of them an id this API issues. Small positive integers are left out: they are valid ids. */
const NUMBER_TEXTS = [
  '0', '-0', '-1', '1.5', '1.0', '1e3', '1e21', '1e308', '1e309', '-1e308', '2147483647', '2147483648', '4294967296',
  '9007199254740991', '9007199254740992', '9223372036854775807', '9223372036854775808', '99999999999999999999999',
  'NaN', 'Infinity', '-Infinity', '0x10', '0b1', '0o7', '+1', ' 1', '1 ', '01', '1,2', '١', '１', ''
]

const hostileNumber = fc.oneof(
  fc.constantFrom(...NUMBER_TEXTS),
  fc.bigInt({ min: 2n ** 31n, max: 2n ** 80n }).map(String),
  fc.integer({ min: -(2 ** 31), max: 0 }).map(String),
  fc.double({ noNaN: true }).filter((value) => !Number.isInteger(value) || value > 2 ** 31 || value < 1).map(String)
).map(encoded)

/** Base64url of `{"after": v}` for any JSON v (an issued cursor has a row id or an agency code), or of anything else. */
const craftedCursor = fc.oneof(
  fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom<unknown>(1.5, 1e21, 1e308, -1, -0.5, 2 ** 53, 2 ** 63, '', '\u0000', 'x'.repeat(140), null, true)
  ).map((after) => base64url(JSON.stringify({ after }))),
  fc.jsonValue({ maxDepth: 2 }).map((value) => base64url(JSON.stringify(value))),
  fc.uint8Array({ maxLength: 140 }).map((bytes) => Buffer.from(bytes).toString('base64url'))
)

/** Any text (NUL and lone surrogates included) or any bytes (invalid UTF-8 included). */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }).map(encoded),
  fc.uint8Array({ minLength: 1, maxLength: 60 }).map(percentEncoded)
)

function hostileValueFor (parameter: Parameter): fc.Arbitrary<string> {
  if (isCursor(parameter)) return fc.oneof({ weight: 3, arbitrary: craftedCursor }, { weight: 1, arbitrary: hostileText }, { weight: 1, arbitrary: hostileNumber })
  return fc.oneof({ weight: 3, arbitrary: hostileNumber }, { weight: 1, arbitrary: hostileText })
}

function requestUrl ({ path, operation, parameter }: Target, value: string): string {
  const filled = path.replace(/\{(\w+)\}/g, (_match, name: string) => name === parameter.name ? value : encoded(VALID[name] ?? '1'))
  const query = (operation.parameters ?? [])
    .filter((other) => other.in === 'query' && other.required === true && other.name !== parameter.name)
    .map((other) => `${other.name}=${encoded(VALID[other.name] ?? '1')}`)
  if (parameter.in === 'query') query.push(`${parameter.name}=${value}`)
  return query.length === 0 ? filled : `${filled}?${query.join('&')}`
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 50)

t.test('the contract has the parameters this test is about', async (t) => {
  const names = new Set(TARGETS.map(({ method, path, parameter }) => `${method} ${path} ${parameter.name}`))
  for (const expected of ['GET /v1/reports cursor', 'GET /v1/feed after', 'GET /v1/admin/audit cursor', 'GET /v1/agencies cursor',
    'GET /v1/reports/{id} id', 'GET /v1/reports/{id} revision', 'GET /v1/findings/{id} id', 'PATCH /v1/findings/{id} id',
    'DELETE /v1/admin/keys/{id} id', 'GET /v1/admin/audit keyId', 'GET /v1/admin/audit reportId', 'GET /v1/agencies/{code} code']) {
    t.ok(names.has(expected), expected)
  }
})

t.test('hostile ids and cursors never get a 5xx, and every refusal is problem+json', async (t) => {
  for (const target of TARGETS) {
    const label = `${target.method} ${target.path} ${target.parameter.in}:${target.parameter.name}`
    t.test(label, async (t) => {
      const body = BODIES[`${target.method} ${target.path}`]
      await t.resolves(fc.assert(fc.asyncProperty(hostileValueFor(target.parameter), async (value) => {
        const res = await app.inject({
          method: target.method as 'GET',
          url: requestUrl(target, value),
          ...(body === undefined ? {} : { payload: body as object, headers: { 'if-match': '"no-such-revision"' } })
        })
        const excerpt = `${res.statusCode} ${res.body.slice(0, 300)}`
        assert.ok(res.statusCode < 500, `no 5xx for ${requestUrl(target, value)}: ${excerpt}`)
        if (res.statusCode >= 400) assert.match(String(res.headers['content-type']), /^application\/problem\+json/, excerpt)
      }), { numRuns: RUNS }), 'no 5xx')
    })
  }
})

t.test('the service is still healthy', async (t) => {
  t.equal((await app.inject({ url: '/healthz' })).statusCode, 200)
})
