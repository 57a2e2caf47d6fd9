import t from 'tap'
import type { AnnualReport, ApplicantRow } from '../../src/domain/report.js'
import { build, createTestDatabase, resetDb, seedReport } from '../helper.js'
import { reportFor } from '../fixtures.js'
import { attr, byAttr, byClass, cellsByPointer, classes, type Element, findAll, findOne, parsePage, textOf } from '../views/dom.js'

const { url, db } = await createTestDatabase(t)
const app = await build(t, url)

t.beforeEach(async () => await resetDb(db))

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8'
const post = async (body: AnnualReport) => await app.inject({ method: 'POST', url: '/v1/reports', payload: body })
const get = async (path: string, headers: Record<string, string> = {}) => await app.inject({ url: path, headers })

const row = (naturalPerson: number): ApplicantRow => ({ naturalPerson, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: naturalPerson })

/** The seed's 2022 report, carrying 2 requests forward into 2023 (the seed carried over 0): CY-CARRY fails on the seed. */
function report2022 (): AnnualReport {
  const body = reportFor({ year: 2022 })
  return {
    ...body,
    publication: { documentDate: '2023-01-30', indexNo: '11330524MB15359635/2023-00003' },
    requests: { ...body.requests, newReceived: row(11), carriedForward: row(2) }
  }
}

t.test('Accept decides the representation; both vary on Accept', async (t) => {
  await post(seedReport())
  const cases: Array<[string | undefined, 'json' | 'html']> = [
    [undefined, 'json'],
    ['*/*', 'json'],
    ['application/json', 'json'],
    ['text/html, application/json', 'json'],
    ['image/png', 'json'],
    [BROWSER, 'html'],
    ['text/html', 'html'],
    ['application/json;q=0.5, text/html;q=0.9', 'html']
  ]
  for (const [accept, expected] of cases) {
    const res = await get('/v1/reports/1', accept === undefined ? {} : { accept })
    t.equal(res.statusCode, 200, `${accept ?? 'no Accept'}: 200`)
    t.equal(res.headers.vary, 'Accept', `${accept ?? 'no Accept'}: Vary: Accept`)
    t.equal(res.headers['cache-control'], 'no-cache')
    if (expected === 'json') {
      t.match(res.headers['content-type'], /^application\/json/, `${accept ?? 'no Accept'}: JSON`)
      t.equal(res.headers.etag, '"1.1"')
      t.same(res.json().report, seedReport())
    } else {
      t.equal(res.headers['content-type'], 'text/html; charset=utf-8', `${accept}: HTML`)
      t.equal(res.headers.etag, '"1.1-html"')
      t.match(res.headers['content-security-policy'], /^default-src 'none'; style-src 'unsafe-inline'/)
      t.ok(res.body.startsWith('<!DOCTYPE html>'))
    }
  }
})

t.test('the page of a stored report: its tables, its findings and its arrows', async (t) => {
  await post(seedReport())
  await post(report2022())
  const res = await get('/v1/reports/1', { accept: 'text/html' })
  t.equal(res.statusCode, 200)
  const { document, errors } = parsePage(res.body)
  t.same(errors.map((e) => e.code), [])
  t.equal(textOf(findOne(document, (el) => el.tagName === 'title')), '湖州市吴兴区发展改革和经济信息化局2023年政府信息公开工作年度报告')
  for (const name of ['proactive', 'requests', 'reviewLitigation']) {
    t.equal(findAll(document, byAttr('data-table', name)).length, 1, `table ${name}`)
  }
  const cells = cellsByPointer(document)
  t.equal(cells.size, 200)
  for (const at of ['/requests/carriedOver/naturalPerson', '/requests/carriedOver/total']) {
    t.ok(classes(cells.get(at) as Element).includes('gdr-flag-error'), `${at} is highlighted by CY-CARRY`)
    t.match(attr(cells.get(at) as Element, 'title'), /^\[CY-CARRY\] /)
  }

  const findings = (await get('/v1/reports/1/findings')).json().items as Array<{ ruleId: string, status: string, pointers: string[] }>
  const listed = findAll(document, byClass('gdr-finding')).map((li) => [attr(li, 'data-rule'), attr(li, 'data-status')])
  t.same(listed.sort(), findings.map((f) => [f.ruleId, f.status]).sort(), 'every stored finding is listed')
  const named = new Set(findings.filter((f) => f.status === 'failed').flatMap((f) => f.pointers))
  t.same([...cells].filter(([, el]) => classes(el).includes('gdr-flag')).map(([at]) => at), [...cells.keys()].filter((at) => named.has(at)),
    'exactly the cells of the failed findings are highlighted')

  const changes = (await get('/v1/reports/1/changes')).json().changes as Array<{ pointer: string, delta: number | null }>
  const arrows = findAll(document, (el) => classes(el).includes('gdr-yoy') && attr(el, 'data-delta') !== undefined)
    .map((el) => attr(el.parentNode as Element, 'data-pointer'))
  t.same(arrows, changes.filter((c) => c.delta !== null && c.delta !== 0).map((c) => c.pointer), 'an arrow for each changed cell')
  t.ok(arrows.includes('/requests/newReceived/total'))
  t.equal(textOf(findOne(cells.get('/requests/newReceived/total') as Element, byClass('gdr-yoy'))), '▼', '11 → 10')

  const prior = parsePage((await get('/v1/reports/2', { accept: 'text/html' })).body).document
  t.same(findAll(prior, byClass('gdr-yoy')).filter((el) => attr(el, 'data-delta') !== undefined), [], 'no arrows without a prior year')
})

t.test('ETag and 304 for the page, distinct from the JSON', async (t) => {
  await post(seedReport())
  const page = await get('/v1/reports/1', { accept: 'text/html' })
  const json = await get('/v1/reports/1')
  t.not(page.headers.etag, json.headers.etag)

  const again = await get('/v1/reports/1', { accept: 'text/html', 'if-none-match': page.headers.etag as string })
  t.equal(again.statusCode, 304)
  t.equal(again.body, '')
  t.equal(again.headers.etag, '"1.1-html"')
  t.equal(again.headers.vary, 'Accept')

  const crossed = await get('/v1/reports/1', { accept: 'text/html', 'if-none-match': json.headers.etag as string })
  t.equal(crossed.statusCode, 200, 'the JSON tag does not validate the page')
  const crossedBack = await get('/v1/reports/1', { 'if-none-match': page.headers.etag as string })
  t.equal(crossedBack.statusCode, 200, 'nor the page tag the JSON')
  t.match(crossedBack.headers['content-type'], /^application\/json/)
  const jsonAgain = await get('/v1/reports/1', { 'if-none-match': json.headers.etag as string })
  t.equal(jsonAgain.statusCode, 304)
  t.equal(jsonAgain.headers.vary, 'Accept')
  t.equal((await get('/v1/reports/1', { accept: 'text/html', 'if-none-match': 'W/"1.1-html"' })).statusCode, 304, 'weak comparison')

  await post(report2022())
  const recomputed = await get('/v1/reports/1', { accept: 'text/html', 'if-none-match': page.headers.etag as string })
  t.equal(recomputed.statusCode, 200, 'new findings (the prior year arrived) change the page\'s tag')
  t.equal(recomputed.headers.etag, '"1.2-html"')
})

t.test('older revisions have their own page, findings and tag', async (t) => {
  const seed = seedReport()
  const broken = { ...seed, requests: { ...seed.requests, carriedForward: row(2) } }
  await post(broken)
  const put = await app.inject({ method: 'PUT', url: '/v1/reports/1', headers: { 'if-match': '"1.1"' }, payload: seed })
  t.equal(put.statusCode, 200)
  const first = await get('/v1/reports/1?revision=1', { accept: 'text/html' })
  t.equal(first.statusCode, 200)
  t.equal(first.headers.etag, '"1.2.r1-html"')
  const firstDoc = parsePage(first.body).document
  t.ok(findAll(firstDoc, byClass('gdr-finding')).some((li) => attr(li, 'data-rule') === 'T3-BALANCE'), 'revision 1 fails T3-BALANCE')
  t.ok(classes(cellsByPointer(firstDoc).get('/requests/carriedForward/total') as Element).includes('gdr-flag-error'))
  t.match(textOf(findOne(firstDoc, byClass('gdr-status'))), '有错误')
  const latestDoc = parsePage((await get('/v1/reports/1', { accept: 'text/html' })).body).document
  t.notOk(findAll(latestDoc, byClass('gdr-finding')).some((li) => attr(li, 'data-rule') === 'T3-BALANCE'), 'revision 2 does not')
  t.notOk(classes(cellsByPointer(latestDoc).get('/requests/carriedForward/total') as Element).includes('gdr-flag'))
})

t.test('errors stay problem+json when the client asks for HTML', async (t) => {
  const missing = await get('/v1/reports/9', { accept: 'text/html' })
  t.equal(missing.statusCode, 404)
  t.match(missing.headers['content-type'], /^application\/problem\+json/)
  await post(seedReport())
  const noRevision = await get('/v1/reports/1?revision=5', { accept: 'text/html' })
  t.equal(noRevision.statusCode, 404)
  t.match(noRevision.json(), { code: 'REVISION_NOT_FOUND' })
})

t.test('user text is escaped in the served page', async (t) => {
  const seed = seedReport()
  const res = await post({ ...seed, sections: { ...seed.sections, problems: '<script>alert(1)</script>' } })
  t.equal(res.statusCode, 201)
  const page = await get('/v1/reports/1', { accept: 'text/html' })
  t.notOk(page.body.includes('<script>'))
  const { document } = parsePage(page.body)
  t.same(findAll(document, (el) => el.tagName === 'script'), [])
  t.equal(textOf(findOne(document, byAttr('data-pointer', '/sections/problems'))), '<script>alert(1)</script>')
})
