import t, { type Test } from 'tap'
import { generateReports } from '../support/generate-reports.js'
import { reportCells } from '../../src/domain/cells.js'
import type { AnnualReport } from '../../src/domain/report.js'
import { FIGURE_POINTERS, HEADLINE_POINTERS } from '../../src/domain/rollup.js'
import { creditCode, reportFor } from '../fixtures.js'
import { build, createTestDatabase } from '../helper.js'

const { url } = await createTestDatabase(t)
const app = await build(t, url)

// Reports of many agencies in 浙江 (33) and 江苏 (32), 2022 and 2023, both kinds, some with blank cells and some
// inconsistent. Every other agency stores 2023 before 2022, so that 2023's results are recomputed when 2022 arrives.
const generated = [...generateReports(170, { seed: 21, provinces: ['33', '32'], years: [2022, 2023] })].map((r) => r.body)
const byAgency = new Map<string, AnnualReport[]>()
for (const body of generated) byAgency.set(body.agency.code, [...byAgency.get(body.agency.code) ?? [], body])
const order = [...byAgency.values()].flatMap((bodies, index) => (index % 2 === 0 ? bodies : [...bodies].reverse()))
const bodies: AnnualReport[] = [...order]
const etags = new Map<string, { id: number, etag: string }>()
for (const body of order) {
  const res = await app.inject({ method: 'POST', url: '/v1/reports', payload: body })
  if (res.statusCode !== 201) throw new Error(`fixture not stored: ${res.statusCode} ${res.body}`)
  etags.set(`${body.agency.code}:${body.year}:${body.kind}`, { id: res.json().id, etag: String(res.headers.etag) })
}

// One agency then revises its 2023 report: only the latest revision counts.
const revisedIndex = bodies.findIndex((body) => body.year === 2023 && body.kind === 'agency' && body.agency.regionCode.startsWith('33'))
const original = bodies[revisedIndex]!
const revised: AnnualReport = {
  ...original,
  reviewLitigation: { ...original.reviewLitigation, review: { upheld: 2, corrected: 1, other: 0, pending: null, total: 3 } }
}
{
  const stored = etags.get(`${original.agency.code}:2023:agency`)!
  const res = await app.inject({ method: 'PUT', url: `/v1/reports/${stored.id}`, headers: { 'if-match': stored.etag }, payload: revised })
  if (res.statusCode !== 200) throw new Error(`revision not stored: ${res.body}`)
  bodies[revisedIndex] = revised
}

interface Filters { region?: string, year: number, kind?: 'agency' | 'government', template?: '2021' | '2019' }

function matching (filters: Filters): AnnualReport[] {
  return bodies.filter((body) => body.year === filters.year && body.kind === (filters.kind ?? 'agency') &&
    body.agency.regionCode.startsWith(filters.region ?? '') && (filters.template === undefined || body.template === filters.template))
}

/** Per cell, from the bodies: the sum of its values (exact to 6 decimals), its blanks and the reports having it. */
function expectedCells (reports: readonly AnnualReport[], pointers: readonly string[] = FIGURE_POINTERS) {
  const byPointer = new Map<string, { micro: number, blanks: number, reports: number }>()
  for (const body of reports) {
    for (const cell of reportCells(body)) {
      const entry = byPointer.get(cell.pointer) ?? { micro: 0, blanks: 0, reports: 0 }
      entry.reports++
      if (cell.value === null) entry.blanks++
      else entry.micro += Math.round(cell.value * 1e6)
      byPointer.set(cell.pointer, entry)
    }
  }
  const wanted = new Set(pointers)
  return FIGURE_POINTERS.filter((at) => wanted.has(at)).flatMap((pointer) => {
    const entry = byPointer.get(pointer)
    return entry === undefined ? [] : [{ pointer, sum: entry.micro / 1e6, blanks: entry.blanks, reports: entry.reports }]
  })
}

/** The indicators of rules.md, written out over the summed cells. */
function expectedIndicators (reports: readonly AnnualReport[]) {
  const cells = expectedCells(reports)
  const sum = (...pointers: string[]) => pointers.reduce((acc, at) => acc + (cells.find((c) => c.pointer === at)?.sum ?? 0), 0)
  const ratio = (n: number, d: number) => (d > 0 ? n / d : null)
  const o = '/requests/outcomes'
  const handled = sum(`${o}/total/total`)
  const denied = ['stateSecret', 'lawProhibited', 'securityStability', 'thirdParty', 'internalAffairs', 'processInfo', 'enforcementFile', 'adminQuery']
  const suits = ['suitDirect', 'suitAfterReview'].map((g) => `/reviewLitigation/${g}`)
  return {
    disclosureRate: ratio(sum(`${o}/granted/total`, `${o}/partiallyGranted/total`), handled),
    denialRate: ratio(sum(...denied.map((row) => `${o}/denied/${row}/total`)), handled),
    notHeldShare: ratio(sum(`${o}/unable/notHeld/total`), handled),
    reviewCorrectionRate: ratio(sum('/reviewLitigation/review/corrected'), sum('/reviewLitigation/review/total') - sum('/reviewLitigation/review/pending')),
    litigationCorrectionRate: ratio(sum(...suits.map((g) => `${g}/corrected`)), sum(...suits.map((g) => `${g}/total`)) - sum(...suits.map((g) => `${g}/pending`)))
  }
}

function closeTo (t: Test, actual: Record<string, number | null>, expected: Record<string, number | null>, name: string) {
  for (const [key, value] of Object.entries(expected)) {
    const got = actual[key] ?? null
    if (value === null || got === null) t.equal(got, value, `${name}: ${key}`)
    else t.ok(Math.abs(got - value) < 1e-12, `${name}: ${key} ${got} ≈ ${value}`)
  }
}

/** Statuses as the service reports them on each report (GET /v1/reports), counted. */
async function expectedStatuses (filters: Filters) {
  const query = new URLSearchParams({ year: String(filters.year), kind: filters.kind ?? 'agency', limit: '500', ...(filters.region === undefined ? {} : { region: filters.region }) })
  const items: Array<{ status: string }> = (await app.inject({ url: `/v1/reports?${query.toString()}` })).json().items
  return { clean: 0, warnings: 0, errors: 0, ...Object.fromEntries(['clean', 'warnings', 'errors'].map((s) => [s, items.filter((i) => i.status === s).length])) }
}

async function checkRollup (t: Test, rollup: any, filters: Filters) {
  const reports = matching(filters)
  const name = JSON.stringify(filters)
  t.equal(rollup.year, filters.year, `${name}: year`)
  t.equal(rollup.reports, reports.length, `${name}: reports`)
  t.equal(rollup.agencies, new Set(reports.map((r) => r.agency.code)).size, `${name}: agencies`)
  t.same(rollup.byTemplate, { 2021: reports.filter((r) => r.template === '2021').length, 2019: reports.filter((r) => r.template === '2019').length })
  t.same(rollup.byStatus, await expectedStatuses(filters), `${name}: by status, as each report's own status`)
  t.same(rollup.cells, expectedCells(reports), `${name}: every cell's sum, blanks and reports`)
  closeTo(t, rollup.indicators, expectedIndicators(reports), name)
}

t.test('GET /v1/stats adds up every cell of a province, this year and the year before', async (t) => {
  const res = await app.inject({ url: '/v1/stats?region=33&year=2023' })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['cache-control'], 'public, max-age=60')
  const stats = res.json()
  t.same(stats.filters, { region: '33', year: 2023, kind: 'agency', template: null, groupBy: null, cells: [] })
  t.ok(stats.current.reports > 20, 'many reports')
  t.ok(stats.current.cells.some((c: { blanks: number }) => c.blanks > 0), 'some blanks')
  await checkRollup(t, stats.current, { region: '33', year: 2023 })
  await checkRollup(t, stats.previous, { region: '33', year: 2022 })
  t.equal(stats.groups, null)

  t.same(stats.comparableTables, ['proactive', 'requests', 'reviewLitigation'])
  const previous = new Map(expectedCells(matching({ region: '33', year: 2022 })).map((c) => [c.pointer, c.sum]))
  const expectedChanges = expectedCells(matching({ region: '33', year: 2023 })).flatMap((cell) => {
    const before = previous.get(cell.pointer)
    if (before === undefined) return []
    const delta = Math.round((cell.sum - before) * 1e6) / 1e6 + 0
    return [{ pointer: cell.pointer, previous: before, current: cell.sum, delta, relative: before === 0 ? null : delta / before }]
  })
  t.same(stats.changes, expectedChanges)
  t.same(stats.indicatorChanges.map((c: { name: string }) => c.name), ['disclosureRate', 'denialRate', 'notHeldShare', 'reviewCorrectionRate', 'litigationCorrectionRate'])
  for (const change of stats.indicatorChanges) {
    t.equal(change.current, stats.current.indicators[change.name])
    t.equal(change.previous, stats.previous.indicators[change.name])
  }
})

t.test('the revised report counts with its latest revision only', async (t) => {
  const region = revised.agency.regionCode
  const stats = (await app.inject({ url: `/v1/stats?region=${region}&year=2023` })).json()
  await checkRollup(t, stats.current, { region, year: 2023 })
  const pending = stats.current.cells.find((c: { pointer: string }) => c.pointer === '/reviewLitigation/review/pending')
  t.ok(pending.blanks >= 1, 'the blank of the revision is counted')
})

t.test('other selections: a city, the whole country, a kind, a template', async (t) => {
  for (const filters of [
    { region: '3201', year: 2023 },
    { year: 2022 },
    { region: '32', year: 2023, kind: 'government' as const },
    { region: '33', year: 2023, template: '2021' as const },
    { region: '44', year: 2023 }
  ]) {
    const query = new URLSearchParams(Object.entries(filters).map(([k, v]): [string, string] => [k, String(v)]))
    const res = await app.inject({ url: `/v1/stats?${query.toString()}` })
    t.equal(res.statusCode, 200)
    await checkRollup(t, res.json().current, filters)
    await checkRollup(t, res.json().previous, { ...filters, year: filters.year - 1 })
  }
})

t.test('groupBy=region breaks a province down by city', async (t) => {
  const res = await app.inject({ url: '/v1/stats?region=33&year=2023&groupBy=region' })
  t.equal(res.statusCode, 200)
  const { groups, filters } = res.json()
  t.same(filters.cells, HEADLINE_POINTERS)
  const cities = [...new Set(matching({ region: '33', year: 2023 }).map((body) => body.agency.regionCode.slice(0, 4)))].sort()
  t.ok(cities.length >= 5, 'several cities')
  t.same(groups.map((g: { key: string }) => g.key), cities)
  for (const group of groups) {
    const reports = matching({ region: group.key, year: 2023 })
    t.equal(group.name, null)
    t.equal(group.href, `/v1/stats?region=${group.key}&year=2023&kind=agency`)
    t.equal(group.reports, reports.length, `${group.key}: reports`)
    t.same(group.cells, expectedCells(reports, HEADLINE_POINTERS), `${group.key}: headline cells`)
    closeTo(t, group.indicators, expectedIndicators(reports), group.key)
  }
  const provinces = (await app.inject({ url: '/v1/stats?year=2023&groupBy=region' })).json().groups
  t.same(provinces.map((g: { key: string, reports: number }) => [g.key, g.reports]),
    ['32', '33'].map((key) => [key, matching({ region: key, year: 2023 }).length]), 'without a region: provinces')
})

t.test('groupBy=agency lists each agency with its name and the cells asked for', async (t) => {
  const cities = matching({ region: '33', year: 2022 }).map((body) => body.agency.regionCode.slice(0, 4))
  const city = cities.sort((a, b) => cities.filter((c) => c === b).length - cities.filter((c) => c === a).length)[0]!
  const cells = ['/requests/newReceived/naturalPerson', '/proactive/fees/amountWan', '/requests/newReceived/total']
  const res = await app.inject({ url: `/v1/stats?region=${city}&year=2022&groupBy=agency&cells=${cells.join(',')}` })
  t.equal(res.statusCode, 200)
  const { groups } = res.json()
  const reports = matching({ region: city, year: 2022 }).sort((a, b) => a.agency.code.localeCompare(b.agency.code))
  t.ok(reports.length >= 2)
  t.same(groups.map((g: { key: string, name: string, href: string }) => [g.key, g.name, g.href]),
    reports.map((r) => [r.agency.code, r.agency.name, `/v1/agencies/${r.agency.code}`]))
  for (const [index, group] of groups.entries()) {
    t.same(group.cells, expectedCells([reports[index]!], cells), `${group.key}: only the cells asked for, in document order`)
  }
})

t.test('blank cells are counted apart from zeros', async (t) => {
  const region = '110105'
  for (const [index, pending] of [0, null, null].entries()) {
    const body = reportFor({ code: creditCode(`9111010500000000${index}`), regionCode: region })
    const res = await app.inject({
      method: 'POST',
      url: '/v1/reports',
      payload: { ...body, reviewLitigation: { ...body.reviewLitigation, review: { ...body.reviewLitigation.review, pending } } }
    })
    t.equal(res.statusCode, 201)
  }
  const stats = (await app.inject({ url: `/v1/stats?region=${region}&year=2023` })).json()
  const at = (pointer: string) => stats.current.cells.find((c: { pointer: string }) => c.pointer === pointer)
  t.same(at('/reviewLitigation/review/pending'), { pointer: '/reviewLitigation/review/pending', sum: 0, blanks: 2, reports: 3 })
  t.same(at('/reviewLitigation/review/upheld'), { pointer: '/reviewLitigation/review/upheld', sum: 3, blanks: 0, reports: 3 })
  t.same(stats.current.byStatus, await expectedStatuses({ region, year: 2023 }))
  t.equal(stats.previous.reports, 0)
  t.same(stats.previous.cells, [])
  t.same(stats.changes, [])
})

t.test('invalid queries are 400 problems', async (t) => {
  for (const [query, pointer] of [
    ['region=33', '/year'],
    ['year=2023&region=3', '/region'],
    ['year=2023&region=33a', '/region'],
    ['year=2023&groupBy=county', '/groupBy'],
    ['year=2023&groupBy=agency', '/groupBy'],
    ['year=2023&groupBy=region&cells=/requests/newReceived/everyone', '/cells'],
    ['year=2023&kind=department', '/kind'],
    ['year=2023&extra=1', '/extra']
  ] as const) {
    const res = await app.inject({ url: `/v1/stats?${query}` })
    t.equal(res.statusCode, 400, query)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
    t.match(res.json(), { code: 'VALIDATION_ERROR', errors: [{ location: 'querystring' }] }, query)
    t.ok(res.json().errors.some((e: { pointer: string }) => e.pointer === pointer), `${query}: names ${pointer}`)
  }
})
