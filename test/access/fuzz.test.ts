/**
 * Property-based fuzzing of the HTTP boundary: malformed and hostile bodies sent to the four routes
 * that take a report (POST /v1/reports, PUT /v1/reports/1, POST /v1/validate, POST /v1/reports:bulk).
 * Whatever arrives, the service refuses it with a 4xx problem+json (never a 5xx), stores nothing,
 * pollutes no prototype, and is still healthy afterwards.
 *
 * Generators build raw request bytes (not objects), so that what is fuzzed is what a client could put
 * on the wire: numbers JSON.stringify cannot write, duplicate keys, `__proto__` members, invalid UTF-8.
 * On a failure fast-check prints the shrunk counterexample and the seed to replay it.
 */
import assert from 'node:assert/strict'
import { isUtf8 } from 'node:buffer'
import fc from 'fast-check'
import { sql } from 'kysely'
import t from 'tap'
import { build, createTestDatabase, seedReport } from '../helper.js'

/** Taken before anything runs: the keys Object.prototype must still have, and only those, at the end. */
const PROTOTYPE_KEYS = Reflect.ownKeys(Object.prototype)

const { url, db } = await createTestDatabase(t)
const app = await build(t, url)

type Payload = string | Buffer
type Json = Record<string, unknown>
type Path = readonly string[]

/** The seed as compact JSON: one line of NDJSON, and the text every mutation starts from. */
const SEED_TEXT = JSON.stringify(seedReport())
const SEED_BYTES = Buffer.from(SEED_TEXT)

/* ---------- Requests and what a user would check ---------- */

interface Answer { readonly statusCode: number, readonly headers: Record<string, unknown>, readonly body: string }

const send = async (method: 'POST' | 'PUT', path: string, payload: Payload, contentType: string, headers: Record<string, string> = {}): Promise<Answer> =>
  await app.inject({ method, url: path, headers: { 'content-type': contentType, ...headers }, payload })

/** The routes that take one report as a JSON body. PUT goes to the seed, stored once below, overwriting whatever is current. */
const JSON_ROUTES = {
  'POST /v1/reports': async (payload: Payload, contentType: string) => await send('POST', '/v1/reports', payload, contentType),
  'PUT /v1/reports/1': async (payload: Payload, contentType: string) => await send('PUT', '/v1/reports/1', payload, contentType, { 'if-match': '*' }),
  'POST /v1/validate': async (payload: Payload, contentType: string) => await send('POST', '/v1/validate', payload, contentType)
}
type JsonRoute = keyof typeof JSON_ROUTES

const bulk = async (payload: Payload, contentType = 'application/x-ndjson') => await send('POST', '/v1/reports:bulk', payload, contentType)

async function storedRevisions (): Promise<number> {
  const { rows } = await sql<{ count: string }>`select count(*) from report_revision`.execute(db)
  return Number(rows[0]?.count)
}

const excerpt = (answer: Answer) => `${answer.statusCode} ${answer.body.slice(0, 300)}`

function assertNoPollution (): void {
  assert.equal(({} as Json).polluted, undefined, 'no prototype pollution: ({}).polluted is undefined')
}

/** A refusal as a client sees it: 4xx (never 5xx), problem+json with a `code`. */
function assertRefused (answer: Answer): void {
  assert.ok(answer.statusCode < 500, `no 5xx: ${excerpt(answer)}`)
  assert.ok(answer.statusCode >= 400, `refused with a 4xx: ${excerpt(answer)}`)
  assert.match(String(answer.headers['content-type']), /^application\/problem\+json/, `problem+json: ${excerpt(answer)}`)
  const problem = JSON.parse(answer.body) as { status?: unknown, code?: unknown }
  assert.ok(typeof problem.code === 'string' && problem.code !== '', `the problem has a code: ${excerpt(answer)}`)
  assert.equal(problem.status, answer.statusCode, 'the problem repeats the status')
}

/** How many lines of an NDJSON body are not blank: the bulk route answers each of those with one result, and skips the rest. */
function answeredLines (payload: Payload): number {
  const bytes = Buffer.from(payload)
  let count = 0
  for (let start = 0; start < bytes.length;) {
    const newline = bytes.indexOf(10, start)
    const end = newline === -1 ? bytes.length : newline
    const line = bytes.subarray(start, end)
    if (!isUtf8(line) || line.toString('utf8').trim() !== '') count++
    start = end + 1
  }
  return count
}

interface BulkResult { readonly line?: number, readonly outcome?: string, readonly problem?: { code?: string }, readonly summary?: Record<string, number> }

/** A bulk answer to hostile lines only: either a refusal of the whole body, or 200 with every line rejected. */
function assertBulkRejectedEverything (answer: Answer, payload: Payload): void {
  if (answer.statusCode !== 200) {
    assertRefused(answer)
    return
  }
  assert.match(String(answer.headers['content-type']), /^application\/x-ndjson/, 'NDJSON answer')
  const results = answer.body.trimEnd().split('\n').map((line) => JSON.parse(line) as BulkResult)
  const summary = results.pop()?.summary
  for (const result of results) {
    assert.equal(result.outcome, 'rejected', `every hostile line is rejected: ${JSON.stringify(result)}`)
    const code = result.problem?.code
    assert.ok(code !== undefined && code !== 'INTERNAL_ERROR' && code !== 'SERVICE_UNAVAILABLE', `no line is a 5xx problem: ${JSON.stringify(result)}`)
  }
  assert.equal(results.length, answeredLines(payload), 'one result per non-blank line')
  assert.deepEqual(summary, { stored: 0, revised: 0, unchanged: 0, rejected: results.length }, 'the summary counts only rejections')
}

/* ---------- Generators ---------- */

/** Every value in the seed with its path (the root excluded): where mutations land. */
interface Field { readonly path: Path, readonly value: unknown }

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

function fieldsOf (value: unknown, path: Path = []): Field[] {
  if (!isObject(value)) return []
  return Object.entries(value).flatMap(([key, item]) => [{ path: [...path, key], value: item }, ...fieldsOf(item, [...path, key])])
}

const SEED_FIELDS = fieldsOf(seedReport())
const SEED_OBJECTS: Path[] = [[], ...SEED_FIELDS.filter((field) => isObject(field.value)).map((field) => field.path)]

const objectAt = (root: Json, path: Path): Json => path.reduce<Json>((node, key) => node[key] as Json, root)

/** A placeholder no report contains, swapped for raw text after JSON.stringify. */
const HOLE = '\u0001hole\u0001'

/** The seed's compact JSON with `raw` (any text, JSON or not) spliced in verbatim as the value at `path`. */
function seedWithValue (path: Path, raw: string): string {
  const report = seedReport() as unknown as Json
  const key = path.at(-1) ?? ''
  objectAt(report, path.slice(0, -1))[key] = HOLE
  return JSON.stringify(report).replace(JSON.stringify(HOLE), () => raw)
}

/** The seed's compact JSON with `member` (`"name": value`, verbatim) added last to the object at `path`. */
function seedWithMember (path: Path, member: string): string {
  const report = seedReport() as unknown as Json
  objectAt(report, path)[HOLE] = 0
  return JSON.stringify(report).replace(`${JSON.stringify(HOLE)}:0`, () => member)
}

/** Longer than any text field allows (the longest, the prose sections, take 200 000 characters). */
const TOO_LONG_TEXT = JSON.stringify('长'.repeat(200_001))

/** Raw values no field of the seed accepts: out of every range, of no field's type, or not JSON at all. */
const NEVER_VALID = [
  '1e308', '-1e308', '1e400', '-1e400', '-1', '9007199254740993', '2e53',
  'NaN', 'Infinity', '-Infinity', 'undefined', '+1', '.5', '01', '0x10', "'text'",
  'true', '[]', '[[[[[]]]]]', '{"polluted": true}', TOO_LONG_TEXT, '"\\u0000"', '"text\\u0000"'
]

/** A raw value the contract refuses at this field, chosen by what the field holds. */
function hostileValueFor ({ path, value }: Field): fc.Arbitrary<string> {
  const key = path.at(-1)
  // Cells, amounts and the publication's texts may be null; the year and everything else may not.
  const nullable = typeof value === 'number' ? key !== 'year' : path[0] === 'publication' && typeof value === 'string'
  const byType = typeof value === 'number'
    ? ['"1"', '"NaN"', '"Infinity"', '"-Infinity"', ...(key === 'amountWan' ? [] : ['1.5', '2.5e0']), ...(key === 'year' ? ['-0', '0.1e-400', '2007', '10000', '2023.5'] : [])]
    : typeof value === 'string'
      ? ['1.5', '-0', '0.1e-400', '0', '2023', '{}']
      : ['"object"', '0', '"{}"']
  const deepArrays = fc.integer({ min: 1, max: 5000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth))
  return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...NEVER_VALID, ...byType, ...(nullable ? [] : ['null'])) }, { weight: 1, arbitrary: deepArrays })
}

/** The seed with one value anywhere replaced by one its field refuses. */
const mutatedSeed = fc.constantFrom(...SEED_FIELDS)
  .chain((field) => hostileValueFor(field).map((raw) => seedWithValue(field.path, raw)))

/** Members that poison a prototype, whether written plainly or with escapes. */
const PROTOTYPE_MEMBERS = [
  '"__proto__": {"polluted": true}',
  '"constructor": {"prototype": {"polluted": true}}',
  '"\\u005f\\u005fproto\\u005f\\u005f": {"polluted": true}',
  '"__proto__": {"__proto__": {"polluted": true}}',
  '"__proto__": null'
]

/**
 * The seed with a member added to one of its objects: an unknown name, a prototype-poisoning name,
 * or a name it already has again with a refused value (JSON.parse keeps the last of duplicates).
 */
const seedWithHostileMember = fc.constantFrom(...SEED_OBJECTS).chain((path) => {
  const own = Object.keys(objectAt(seedReport() as unknown as Json, path))
  const duplicate = fc.constantFrom(...own)
    .chain((key) => hostileValueFor({ path: [...path, key], value: objectAt(seedReport() as unknown as Json, path)[key] })
      .map((raw) => `${JSON.stringify(key)}: ${raw}`))
  return fc.oneof(fc.constantFrom('"polluted": true', '"prototype": {"polluted": true}', ...PROTOTYPE_MEMBERS), duplicate)
    .map((member) => seedWithMember(path, member))
})

/** Whole bodies that try to poison a prototype. */
const PROTOTYPE_DOCUMENTS = [
  ...PROTOTYPE_MEMBERS.map((member) => `{${member}}`),
  '[{"__proto__": {"polluted": true}}]',
  '{"a": {"constructor": {"prototype": {"polluted": true}}}}'
]

/** Numbers JSON.stringify never writes, as whole bodies. */
const ODD_NUMBERS = ['1e400', '-1e400', '-0', '0.1e-400', '1E+400', '123456789012345678901234567890', '9007199254740993']

/** Arrays or objects nested up to 100 000 deep, closed or not. */
const deeplyNested = fc.record({
  depth: fc.integer({ min: 1, max: 100_000 }),
  shape: fc.constantFrom('arrays', 'objects', 'unclosed arrays', 'unclosed objects')
}).map(({ depth, shape }) => {
  switch (shape) {
    case 'arrays': return '['.repeat(depth) + ']'.repeat(depth)
    case 'objects': return '{"a":'.repeat(depth) + '{}' + '}'.repeat(depth)
    case 'unclosed arrays': return '['.repeat(depth)
    default: return '{"a":'.repeat(depth)
  }
})

/** Byte sequences that are not UTF-8: stray bytes, a bad continuation, overlong forms, CESU-8 surrogates, beyond U+10FFFF, a cut character. */
const INVALID_UTF8 = [
  [0xff], [0xfe], [0x80], [0xc3, 0x28], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xf0, 0x80, 0x80, 0xaf],
  [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe6, 0xb9]
]

/** The seed's bytes with an invalid UTF-8 sequence inserted anywhere (inside a string, between tokens, or splitting a character). */
const invalidUtf8Seed = fc.record({ at: fc.nat({ max: SEED_BYTES.length }), bad: fc.constantFrom(...INVALID_UTF8) })
  .map(({ at, bad }) => Buffer.concat([SEED_BYTES.subarray(0, at), Buffer.from(bad), SEED_BYTES.subarray(at)]))
  .filter((bytes) => !isUtf8(bytes))

/** The seed cut short at any byte, mid-token or mid-character. */
const truncatedSeed = fc.nat({ max: SEED_BYTES.length - 1 }).map((length) => SEED_BYTES.subarray(0, length))

/** Anything JSON: no JSON value but a report is one. */
const anyJson = fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }).map((value) => JSON.stringify(value))

/** Any text, and any bytes. */
const anyText = fc.string({ unit: 'binary', maxLength: 200 })
const anyBytes = fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes))

const hostileWithoutBom: fc.Arbitrary<Payload> = fc.oneof(
  { weight: 4, arbitrary: mutatedSeed },
  { weight: 3, arbitrary: seedWithHostileMember },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_DOCUMENTS, ...ODD_NUMBERS) },
  { weight: 2, arbitrary: invalidUtf8Seed },
  { weight: 2, arbitrary: truncatedSeed },
  { weight: 1, arbitrary: anyJson },
  { weight: 1, arbitrary: anyText },
  { weight: 1, arbitrary: anyBytes }
)

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** Byte-order marks: before a hostile body, after whitespace or inside the seed, or UTF-16's before the seed. */
const withByteOrderMarks = fc.oneof(
  hostileWithoutBom.map((payload) => Buffer.concat([BOM, Buffer.from(payload)])),
  fc.constantFrom(
    Buffer.concat([Buffer.from(' '), BOM, SEED_BYTES]),
    Buffer.concat([Buffer.from([0xff, 0xfe]), SEED_BYTES]),
    Buffer.from(`\ufeff${SEED_TEXT}`, 'utf16le'),
    Buffer.from(`{\ufeff${SEED_TEXT.slice(1)}`)
  )
)

/** A body no route may accept or store. */
const hostileBody: fc.Arbitrary<Payload> = fc.oneof({ weight: 8, arbitrary: hostileWithoutBom }, { weight: 1, arbitrary: withByteOrderMarks })

/** How a client may label a JSON body; the service accepts all three. */
const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8']

/** Charsets other than UTF-8: a report in one of them would be stored as mojibake. */
const FOREIGN_CHARSETS = ['gbk', 'GB18030', 'gb2312', 'big5', '"iso-8859-1"', 'latin1', 'utf-16', 'UTF-16LE', 'windows-1252']

/** Labels under which even a valid report must be refused by the JSON routes. */
const WRONG_TYPES = [
  '', 'text/plain', 'text/plain; charset=utf-8', 'text/json', 'application/jsonx', 'application/json-seq',
  'application/problem+json', 'application/x-ndjson', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream', 'application/json, text/plain',
  ...FOREIGN_CHARSETS.map((charset) => `application/json; charset=${charset}`)
]

/** What the JSON routes get: hostile bodies labelled JSON, or any body (the valid seed included) labelled otherwise. */
const jsonRequest = fc.oneof(
  { weight: 5, arbitrary: fc.record({ payload: hostileBody, contentType: fc.constantFrom(...JSON_TYPES) }) },
  { weight: 1, arbitrary: fc.record({ payload: fc.oneof(fc.constant<Payload>(SEED_TEXT), hostileBody), contentType: fc.constantFrom(...WRONG_TYPES) }) }
)

/** Several hostile lines of NDJSON (LF or CRLF), under the NDJSON type or another. */
const bulkRequest = fc.record({
  lines: fc.array(hostileBody, { minLength: 1, maxLength: 6 }),
  separator: fc.constantFrom('\n', '\r\n'),
  finalNewline: fc.boolean(),
  contentType: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('application/x-ndjson', 'application/x-ndjson; charset=utf-8') },
    { weight: 1, arbitrary: fc.constantFrom('application/json', 'text/plain', 'application/jsonl', ...FOREIGN_CHARSETS.map((charset) => `application/x-ndjson; charset=${charset}`)) }
  )
}).map(({ lines, separator, finalNewline, contentType }) => {
  const joined = lines.flatMap((line, index) => index === 0 ? [Buffer.from(line)] : [Buffer.from(separator), Buffer.from(line)])
  return { payload: Buffer.concat([...joined, Buffer.from(finalNewline ? separator : '')]), contentType }
})

/* ---------- Properties ---------- */

/** Runs per route of property 1; raise it (e.g. FUZZ_RUNS=2000) for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150)

const created = await send('POST', '/v1/reports', SEED_TEXT, 'application/json')
t.equal(created.statusCode, 201, 'setup: the seed is stored once, as report 1')

t.test('1. hostile bodies are refused with a 4xx problem+json, never a 5xx, and nothing is stored', async (t) => {
  for (const route of Object.keys(JSON_ROUTES) as JsonRoute[]) {
    t.test(route, async (t) => {
      await t.resolves(fc.assert(fc.asyncProperty(jsonRequest, async ({ payload, contentType }) => {
        const before = await storedRevisions()
        const answer = await JSON_ROUTES[route](payload, contentType)
        assertRefused(answer)
        assert.equal(await storedRevisions(), before, 'nothing stored')
        assertNoPollution()
      }), { numRuns: RUNS }), 'no 5xx, problem+json with a code, nothing stored')
    })
  }

  t.test('POST /v1/reports:bulk', async (t) => {
    await t.resolves(fc.assert(fc.asyncProperty(bulkRequest, async ({ payload, contentType }) => {
      const before = await storedRevisions()
      const answer = await bulk(payload, contentType)
      assertBulkRejectedEverything(answer, payload)
      assert.equal(await storedRevisions(), before, 'nothing stored')
      assertNoPollution()
    }), { numRuns: RUNS }), 'every line rejected (or the body refused), no 5xx, nothing stored')
  })
})

/** Text fields without a pattern or format: a lone surrogate there passes the schema. */
const FREE_TEXT: Path[] = [
  ['agency', 'name'], ['publication', 'indexNo'], ['publication', 'publisher'], ['publication', 'disclosure'],
  ['publication', 'retention'], ['sections', 'overview'], ['sections', 'problems'], ['sections', 'other']
]

/** JSON escapes of UTF-16 code units that are no character: lone high or low surrogates, or a pair in the wrong order. */
const LONE_SURROGATES = ['\\ud800', '\\udbff', '\\udc00', '\\udfff', '\\ude00\\ud83d']

/** Where to splice a lone surrogate into the seed (kept apart from the body, so that a counterexample reads short). */
const loneSurrogate = fc.record({
  path: fc.constantFrom(...FREE_TEXT),
  surrogate: fc.constantFrom(...LONE_SURROGATES),
  at: fc.nat({ max: 1000 })
})

/** The seed with `surrogate` spliced into the text at `path`, `at` characters in (or at its end). */
function seedWithLoneSurrogate ({ path, surrogate, at }: { path: Path, surrogate: string, at: number }): string {
  const text = String(objectAt(seedReport() as unknown as Json, path.slice(0, -1))[path.at(-1) ?? ''])
  const cut = Math.min(at, text.length)
  const escaped = (part: string) => JSON.stringify(part).slice(1, -1)
  return seedWithValue(path, `"${escaped(text.slice(0, cut))}${surrogate}${escaped(text.slice(cut))}"`)
}

/** All four routes, each answered in its own subtest so that a failure on one does not hide the others. */
const ALL_ROUTES = [...Object.keys(JSON_ROUTES) as JsonRoute[], 'POST /v1/reports:bulk'] as const

/*
 * A JSON escape of a lone surrogate (`"\ud800"`) is valid JSON and passes the schema, but Postgres jsonb
 * refuses it ("invalid input syntax for type json"). Like NUL, it must be refused up front, by
 * /v1/validate too (which promises what storing would do), and never reach the database.
 */
t.test('1b. text Postgres cannot store (a lone surrogate, like NUL) is refused with a 4xx, never a 5xx', async (t) => {
  for (const route of ALL_ROUTES) {
    t.test(route, async (t) => {
      await t.resolves(fc.assert(fc.asyncProperty(loneSurrogate, async (splice) => {
        const body = seedWithLoneSurrogate(splice)
        const before = await storedRevisions()
        if (route === 'POST /v1/reports:bulk') {
          const payload = `${body}\n`
          assertBulkRejectedEverything(await bulk(payload), payload)
        } else {
          assertRefused(await JSON_ROUTES[route](body, 'application/json'))
        }
        assert.equal(await storedRevisions(), before, 'nothing stored')
      }), { numRuns: 25 }), 'no 5xx, problem+json with a code (or a rejected line), nothing stored')
    })
  }
})

/*
 * plugins/json-body.ts refuses a declared charset other than UTF-8, since decoding such a body as UTF-8
 * stores mojibake. The NDJSON route takes the same reports, so the same label must be refused there.
 */
t.test('1c. a body declared in a charset other than UTF-8 is refused with 415, on every route', async (t) => {
  for (const route of ALL_ROUTES) {
    t.test(route, async (t) => {
      await t.resolves(fc.assert(fc.asyncProperty(fc.constantFrom(...FOREIGN_CHARSETS), async (charset) => {
        const before = await storedRevisions()
        const answer = route === 'POST /v1/reports:bulk'
          ? await bulk(`${SEED_TEXT}\n`, `application/x-ndjson; charset=${charset}`)
          : await JSON_ROUTES[route](SEED_TEXT, `application/json; charset=${charset}`)
        assertRefused(answer)
        assert.equal(answer.statusCode, 415, `415 for charset=${charset}: ${excerpt(answer)}`)
        assert.equal(await storedRevisions(), before, 'nothing stored')
      }), { numRuns: 20 }), 'a non-UTF-8 charset is refused with 415')
    })
  }
})

t.test('2. no prototype was polluted by any of it', async (t) => {
  t.equal(({} as Json).polluted, undefined, '({}).polluted is undefined')
  t.same(Reflect.ownKeys(Object.prototype), PROTOTYPE_KEYS, 'Object.prototype has no new keys')
})

t.test('3. the service is still healthy after the fuzzing', async (t) => {
  t.equal((await app.inject({ url: '/readyz' })).statusCode, 200, 'GET /readyz is 200')
  const again = await send('POST', '/v1/reports', SEED_TEXT, 'application/json')
  t.ok(again.statusCode === 200 || again.statusCode === 201, `POST of the seed still works (${again.statusCode})`)
  const read = await app.inject({ url: '/v1/reports/1' })
  t.equal(read.json().latestRevision, 1, 'report 1 still has its one revision')
  t.same(read.json().report, seedReport(), 'and it is still the seed')
})
