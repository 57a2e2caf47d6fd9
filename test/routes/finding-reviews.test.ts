import t from 'tap'
import type { AnnualReport, ApplicantRow } from '../../src/domain/report.js'
import { build, createTestDatabase, seedReport } from '../helper.js'
import { reportFor } from '../fixtures.js'

const { url } = await createTestDatabase(t)
const app = await build(t, url)

const row = (naturalPerson: number): ApplicantRow => ({ naturalPerson, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: naturalPerson })
const unbalanced: AnnualReport = { ...seedReport(), requests: { ...seedReport().requests, carriedForward: row(2) } }

interface FindingJson { id: number, ruleId: string, pointers: string[], fingerprint: string, review: null | { decision: string, reason: string, decidedAt: string } }
const balanceFindings = async (): Promise<FindingJson[]> =>
  (await app.inject({ url: '/v1/reports/1/findings?rule=T3-BALANCE' })).json().items

t.test('a reviewer decision is kept with its history and survives recomputation', async (t) => {
  t.equal((await app.inject({ method: 'POST', url: '/v1/reports', payload: unbalanced })).statusCode, 201)
  const [first] = await balanceFindings()
  t.ok(first)
  t.equal(first?.review, null)

  const dismissed = await app.inject({
    method: 'PATCH',
    url: `/v1/findings/${first?.id}`,
    payload: { decision: 'dismissed', reason: '报告原文如此，已与机关确认' }
  })
  t.equal(dismissed.statusCode, 200)
  t.match(dismissed.json(), {
    reportId: 1,
    revision: 1,
    finding: { id: first?.id, ruleId: 'T3-BALANCE', review: { decision: 'dismissed', reason: '报告原文如此，已与机关确认', decidedAt: String } },
    reviews: [{ decision: 'dismissed' }]
  })

  // Storing the prior year recomputes the 2023 findings: new rows, same fingerprints.
  t.equal((await app.inject({ method: 'POST', url: '/v1/reports', payload: reportFor({ year: 2022 }) })).statusCode, 201)
  const recomputed = (await balanceFindings()).find((f) => f.fingerprint === first?.fingerprint)
  t.ok(recomputed)
  t.not(recomputed?.id, first?.id, 'the finding was recomputed')
  t.match(recomputed?.review, { decision: 'dismissed' }, 'the decision followed it')

  const acknowledged = await app.inject({ method: 'PATCH', url: `/v1/findings/${recomputed?.id}`, payload: { decision: 'acknowledged', reason: '需更正' } })
  t.equal(acknowledged.statusCode, 200)
  t.same(acknowledged.json().reviews.map((r: { decision: string }) => r.decision), ['dismissed', 'acknowledged'], 'history is kept')
  t.equal(acknowledged.json().finding.review.decision, 'acknowledged')

  const read = await app.inject({ url: `/v1/findings/${recomputed?.id}` })
  t.same(read.json(), acknowledged.json())

  const others = (await balanceFindings()).filter((f) => f.fingerprint !== first?.fingerprint)
  t.ok(others.every((f) => f.review === null), 'other findings are untouched')
})

t.test('bad reviews are refused', async (t) => {
  const [finding] = await balanceFindings()
  const cases = [
    { payload: { decision: 'ignored', reason: 'x' }, pointer: '/decision' },
    { payload: { decision: 'dismissed', reason: '' }, pointer: '/reason' },
    { payload: { decision: 'dismissed' }, pointer: '/reason' },
    { payload: { decision: 'dismissed', reason: 'x', by: 'me' }, pointer: '/by' }
  ]
  for (const c of cases) {
    const res = await app.inject({ method: 'PATCH', url: `/v1/findings/${finding?.id}`, payload: c.payload })
    t.equal(res.statusCode, 400)
    t.same(res.json().errors.map((e: { pointer: string }) => e.pointer), [c.pointer])
  }
  const missing = await app.inject({ method: 'PATCH', url: '/v1/findings/999999', payload: { decision: 'dismissed', reason: 'x' } })
  t.equal(missing.statusCode, 404)
  t.equal(missing.json().code, 'FINDING_NOT_FOUND')
  t.equal((await app.inject({ url: '/v1/findings/999999' })).statusCode, 404)
})
