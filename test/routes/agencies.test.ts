import t from 'tap'
import { build, createTestDatabase, seedReport } from '../helper.js'
import { creditCode, reportFor } from '../fixtures.js'

const { url } = await createTestDatabase(t)
const app = await build(t, url)

const huzhou = creditCode('11330500MB1234567')
const hangzhou = creditCode('11330100MB7654321')
for (const body of [
  reportFor({ year: 2022, name: '湖州市吴兴区发展和改革局' }),
  seedReport(),
  reportFor({ year: 2021, name: '湖州市吴兴区发展和改革局（旧称）' }),
  reportFor({ code: huzhou, name: '湖州市某局', regionCode: '330500' }),
  reportFor({ code: hangzhou, name: '杭州市某局', regionCode: '330100' })
]) {
  const res = await app.inject({ method: 'POST', url: '/v1/reports', payload: body })
  if (res.statusCode !== 201) throw new Error(`fixture not stored: ${res.body}`)
}

t.test('GET /v1/agencies lists agencies in code order with their report counts', async (t) => {
  const res = await app.inject({ url: '/v1/agencies' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), {
    items: [
      { code: hangzhou, name: '杭州市某局', regionCode: '330100', reportCount: 1, firstYear: 2023, lastYear: 2023, href: `/v1/agencies/${hangzhou}` },
      { code: '11330524MB15359635', name: '湖州市吴兴区发展改革和经济信息化局', regionCode: '330502', reportCount: 3, firstYear: 2021, lastYear: 2023, href: '/v1/agencies/11330524MB15359635' },
      { code: huzhou, name: '湖州市某局', regionCode: '330500', reportCount: 1, firstYear: 2023, lastYear: 2023, href: `/v1/agencies/${huzhou}` }
    ].sort((a, b) => a.code.localeCompare(b.code)),
    next: null
  })
})

t.test('an agency keeps the name of its most recent report, whatever the order of submission', async (t) => {
  const res = await app.inject({ url: '/v1/agencies/11330524MB15359635' })
  t.equal(res.json().name, '湖州市吴兴区发展改革和经济信息化局')
})

t.test('GET /v1/agencies filters by region prefix and pages', async (t) => {
  const codes = async (query: string) => (await app.inject({ url: `/v1/agencies${query}` })).json().items.map((a: { code: string }) => a.code)
  t.same(await codes('?region=3305'), [huzhou, '11330524MB15359635'].sort())
  t.same(await codes('?region=3301'), [hangzhou])
  t.same(await codes('?region=44'), [])

  const first = await app.inject({ url: '/v1/agencies?limit=2' })
  t.equal(first.json().items.length, 2)
  t.equal(first.headers.link, `<${first.json().next}>; rel="next"`)
  const second = await app.inject({ url: first.json().next })
  t.equal(second.json().items.length, 1)
  t.equal(second.json().next, null)
  const all = [...first.json().items, ...second.json().items].map((a: { code: string }) => a.code)
  t.same(all, [hangzhou, huzhou, '11330524MB15359635'].sort())
})

t.test('GET /v1/agencies/{code} shows the agency with its reports, newest year first', async (t) => {
  const res = await app.inject({ url: '/v1/agencies/11330524MB15359635' })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { code: '11330524MB15359635', reportCount: 3, firstYear: 2021, lastYear: 2023 })
  t.same(res.json().reports.map((r: { year: number, href: string }) => [r.year, r.href]), [
    [2023, '/v1/reports/2'], [2022, '/v1/reports/1'], [2021, '/v1/reports/3']
  ])
})

t.test('an unknown agency is 404, a malformed code is 400', async (t) => {
  const unknown = await app.inject({ url: `/v1/agencies/${creditCode('12100000MB0000000')}` })
  t.equal(unknown.statusCode, 404)
  t.equal(unknown.json().code, 'AGENCY_NOT_FOUND')

  const malformed = await app.inject({ url: '/v1/agencies/11330524MB15359636' })
  t.equal(malformed.statusCode, 400)
  t.same(malformed.json().errors, [{ pointer: '/code', location: 'params', detail: 'must be a valid 统一社会信用代码: 18 characters whose last is the check character' }])
})
