import t from 'tap'
import { sql } from 'kysely'
import type { AnnualReport, ApplicantRow } from '../../src/domain/report.js'
import { build, createTestDatabase, resetDb, seedReport } from '../helper.js'
import { cleanSeed, reportFor } from '../fixtures.js'

const { url, db } = await createTestDatabase(t)
const app = await build(t, url)

t.beforeEach(async () => await resetDb(db))

interface FindingJson { ruleId: string, severity: string, status: string, pointers: string[], expected: unknown, actual: unknown, difference: unknown, fingerprint: string }

const post = async (body: AnnualReport, query = '') => await app.inject({ method: 'POST', url: `/v1/reports${query}`, payload: body })
const findings = async (id: number, query = ''): Promise<{ statusCode: number, body: { status: string, counts: Record<string, number>, items: FindingJson[] } }> => {
  const res = await app.inject({ url: `/v1/reports/${id}/findings${query}` })
  return { statusCode: res.statusCode, body: res.json() }
}
const failedRules = (items: FindingJson[]) => items.filter((f) => f.status === 'failed').map((f) => f.ruleId)

const row = (naturalPerson: number): ApplicantRow => ({ naturalPerson, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: naturalPerson })

/** The 2022 report of the seed's agency, carrying `carried` requests forward into 2023 (the seed carried over 0). */
function report2022 (carried: number): AnnualReport {
  const body = reportFor({ year: 2022 })
  return {
    ...body,
    publication: { documentDate: '2023-01-30', indexNo: '11330524MB15359635/2023-00003' },
    requests: { ...body.requests, newReceived: row(9 + carried), carriedForward: row(carried) }
  }
}

/** The seed with its table 三 balance broken in the 自然人 and 总计 columns (10 received, 9 handled, 2 carried). */
function unbalancedSeed (): AnnualReport {
  const seed = seedReport()
  return { ...seed, requests: { ...seed.requests, carriedForward: row(2) } }
}

const TABLE_RULE = /^(S|V|T2|T3|T4|M)-/

t.test('the seed stored alone: no table finding, every cross-year rule not assessable, M-DEADLINE holds', async (t) => {
  const created = await post(seedReport())
  t.equal(created.statusCode, 201)
  const { statusCode, body } = await findings(1)
  t.equal(statusCode, 200)
  t.same(failedRules(body.items).filter((rule) => TABLE_RULE.test(rule)), [], 'no structure, cell, table or metadata rule fails')
  const crossYear = body.items.filter((f) => f.ruleId.startsWith('CY-'))
  t.same(crossYear.map((f) => [f.ruleId, f.status]), [['CY-CARRY', 'not_assessable'], ['CY-IN-FORCE', 'not_assessable'], ['CY-SWING', 'not_assessable']])
  t.notOk(body.items.some((f) => f.ruleId === 'M-DEADLINE' && f.status === 'failed'))
  t.equal(body.counts.notAssessable, body.items.filter((f) => f.status === 'not_assessable').length)
  t.match(created.json(), { status: body.status, counts: body.counts }, 'the report resource shows the same status and counts')

  const changes = await app.inject({ url: '/v1/reports/1/changes' })
  t.equal(changes.statusCode, 200)
  t.match(changes.json(), { reportId: 1, revision: 1, previous: null, changes: [], indicators: [], comparableTables: [] })
})

t.test('storing the prior year afterwards recomputes the later report without resubmitting it', async (t) => {
  await post(seedReport())
  const before = await app.inject({ url: '/v1/reports/1' })
  t.equal((await post(report2022(2))).statusCode, 201)

  const { body } = await findings(1, '?rule=CY-CARRY')
  t.same(body.items.map((f) => [f.status, f.pointers, f.expected, f.actual, f.difference]), [
    ['failed', ['/requests/carriedOver/naturalPerson'], 2, 0, -2],
    ['failed', ['/requests/carriedOver/total'], 2, 0, -2]
  ], 'CY-CARRY fails in the 自然人 and 总计 columns')
  t.equal(body.status, 'errors')

  const after = await app.inject({ url: '/v1/reports/1' })
  t.equal(after.json().status, 'errors')
  t.not(after.headers.etag, before.headers.etag, 'the ETag changes with the recomputed results')
  t.equal(after.json().latestRevision, 1, 'no new revision')

  const changes = (await app.inject({ url: '/v1/reports/1/changes' })).json()
  t.match(changes.previous, { id: 2, revision: 1, year: 2022, href: '/v1/reports/2?revision=1' })
  t.same(changes.comparableTables, ['proactive', 'requests', 'reviewLitigation'])
  t.same(changes.changes.find((c: { pointer: string }) => c.pointer === '/requests/newReceived/total'),
    { pointer: '/requests/newReceived/total', previous: 11, current: 10, delta: -1, relative: -1 / 11 })
  t.same(changes.changes.find((c: { pointer: string }) => c.pointer === '/requests/carriedForward/total'),
    { pointer: '/requests/carriedForward/total', previous: 2, current: 1, delta: -1, relative: -0.5 })
  t.match(changes.indicators.find((i: { name: string }) => i.name === 'disclosureRate'), { current: 3 / 9 })

  const fixed = await app.inject({ method: 'PUT', url: '/v1/reports/2', headers: { 'if-match': '"2.1"' }, payload: report2022(0) })
  t.equal(fixed.statusCode, 200)
  t.same((await findings(1, '?rule=CY-CARRY&status=failed')).body.items, [], 'revising the prior year recomputes again')
})

t.test('strict=true refuses a report whose table 三 does not balance, storing nothing', async (t) => {
  const refused = await post(unbalancedSeed(), '?strict=true')
  t.equal(refused.statusCode, 422)
  t.match(refused.headers['content-type'], /^application\/problem\+json/)
  const problem = refused.json()
  t.match(problem, { code: 'REPORT_INCONSISTENT', status: 422, type: /\/problems\/report-inconsistent$/ })
  t.same(problem.findings.map((f: FindingJson) => [f.ruleId, f.pointers.includes('/requests/carriedForward/total')]).filter(([rule]: [string]) => rule === 'T3-BALANCE'),
    [['T3-BALANCE', false], ['T3-BALANCE', true]])
  t.ok(problem.findings.every((f: FindingJson) => f.severity === 'error' && f.status === 'failed'))
  const { rows } = await sql<{ n: string }>`select count(*) as n from report`.execute(db)
  t.equal(Number(rows[0]?.n), 0, 'nothing stored')

  const lenient = await post(unbalancedSeed())
  t.equal(lenient.statusCode, 201, 'without strict the report is stored with its findings')
  t.equal(lenient.json().status, 'errors')
  t.ok(lenient.json().counts.error >= 2)

  const errors = await findings(lenient.json().id, '?severity=error&rule=T3-BALANCE')
  t.same(errors.body.items.map((f) => [f.expected, f.actual, f.difference]), [[10, 11, 1], [10, 11, 1]])

  const clean = await post({ ...cleanSeed(), kind: 'government' }, '?strict=true')
  t.equal(clean.statusCode, 201, 'strict accepts a report without error findings')
  const narrative = await post({ ...seedReport(), year: 2022 }, '?strict=true')
  t.equal(narrative.statusCode, 422, 'prose that contradicts the tables (N-RECEIVED) is an error too')
  t.ok(narrative.json().findings.some((f: FindingJson) => f.ruleId === 'N-RECEIVED'))
})

t.test('GET /v1/reports finds the reports to correct by status and failed rule', async (t) => {
  await post(seedReport())
  await post({ ...unbalancedSeed(), year: 2022 })
  await post(reportFor({ kind: 'government' }))
  const ids = async (query: string) => (await app.inject({ url: `/v1/reports${query}` })).json().items.map((r: { id: number }) => r.id)
  t.same(await ids('?status=errors&rule=T3-BALANCE'), [2])
  t.same(await ids('?rule=T3-BALANCE'), [2])
  t.same(await ids('?rule=T4-GROUPSUM'), [])
  const unknownRule = await app.inject({ url: '/v1/reports?rule=NO-SUCH-RULE' })
  t.equal(unknownRule.statusCode, 400)
})

t.test('POST /v1/validate checks against the stored prior year and stores nothing', async (t) => {
  const alone = await app.inject({ method: 'POST', url: '/v1/validate', payload: seedReport() })
  t.equal(alone.statusCode, 200)
  t.match(alone.json(), { previous: null, yearOverYear: null, status: String, counts: { error: Number } })
  t.ok(alone.json().findings.every((f: FindingJson) => typeof f.fingerprint === 'string' && !('id' in f)))

  await post(report2022(2))
  const withHistory = await app.inject({ method: 'POST', url: '/v1/validate', payload: seedReport() })
  t.equal(withHistory.statusCode, 200)
  t.match(withHistory.json().previous, { id: 1, year: 2022 })
  t.ok(withHistory.json().yearOverYear.changes.length > 100)
  t.same(withHistory.json().findings.filter((f: FindingJson) => f.ruleId === 'CY-CARRY').map((f: FindingJson) => f.status), ['failed', 'failed'])

  const broken = await app.inject({ method: 'POST', url: '/v1/validate', payload: unbalancedSeed() })
  t.equal(broken.statusCode, 200, 'a failed rule is a result, not an error')
  t.equal(broken.json().status, 'errors')

  const invalid = await app.inject({ method: 'POST', url: '/v1/validate', payload: { ...seedReport(), year: 'x' } })
  t.equal(invalid.statusCode, 400)

  const { rows } = await sql<{ n: string }>`select count(*) as n from report`.execute(db)
  t.equal(Number(rows[0]?.n), 1, 'validate stored nothing')
})

t.test('findings and changes of unknown reports and revisions are 404, bad filters 400', async (t) => {
  t.equal((await findings(9)).statusCode, 404)
  await post(seedReport())
  t.equal((await findings(1, '?revision=2')).statusCode, 404)
  t.equal((await findings(1, '?severity=fatal')).statusCode, 400)
  t.equal((await app.inject({ url: '/v1/reports/9/changes' })).statusCode, 404)
  const revisionOne = await findings(1, '?revision=1')
  t.equal(revisionOne.statusCode, 200)
})

t.test('older revisions keep their own findings and status', async (t) => {
  await post(unbalancedSeed())
  await app.inject({ method: 'PUT', url: '/v1/reports/1', headers: { 'if-match': '"1.1"' }, payload: cleanSeed() })
  const first = await app.inject({ url: '/v1/reports/1?revision=1' })
  const latest = await app.inject({ url: '/v1/reports/1' })
  t.equal(first.json().status, 'errors')
  t.not(latest.json().status, 'errors')
  t.ok((await findings(1, '?revision=1&rule=T3-BALANCE&status=failed')).body.items.length > 0)
  t.same((await findings(1, '?rule=T3-BALANCE&status=failed')).body.items, [])
})

t.test('GET /v1/rules serves the catalogue', async (t) => {
  const res = await app.inject({ url: '/v1/rules' })
  t.equal(res.statusCode, 200)
  const ids = res.json().items.map((rule: { id: string }) => rule.id)
  for (const id of ['S-TEMPLATE', 'S-MIXED', 'V-BLANK', 'V-FEE-UNIT', 'T3-ROWSUM', 'T3-RESULTS-SUM', 'T3-BALANCE', 'T4-GROUPSUM',
    'T2-INFORCE-GE-ISSUED', 'CY-CARRY', 'CY-IN-FORCE', 'CY-2019-PREV', 'CY-SWING', 'M-DEADLINE', 'M-INDEX']) {
    t.ok(ids.includes(id), `${id} is listed`)
  }
  t.match(res.json().items.find((rule: { id: string }) => rule.id === 'T3-BALANCE'), { severity: 'error', templates: ['2021', '2019'], needsPrevious: false, title: String, titleEn: String, description: String })
})
