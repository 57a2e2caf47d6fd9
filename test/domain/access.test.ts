import t from 'tap'
import { type Grant, grantProblems, judgeWrite, judgeWrites, mayReviewFindings, type StoredOwnership } from '../../src/domain/access.js'
import { isValidCreditCode } from '../../src/domain/credit-code.js'

const SEED_CODE = '11330524MB15359635'
const NEW: StoredOwnership = { agencyRegionCode: undefined, report: undefined }
const grant = (limits: Partial<Pick<Grant, 'agencyCodes' | 'regionPrefixes' | 'scopes'>>): Grant =>
  ({ keyId: 1, scopes: ['reports:write'], agencyCodes: [], regionPrefixes: [], ...limits })
const wuxing = { agencyCode: SEED_CODE, regionCode: '330502' }

t.test('a key must cover the agency as sent, as stored and the stored report, before anything else is said', async (t) => {
  const huzhou = grant({ regionPrefixes: ['3305'] })
  t.equal(judgeWrite(huzhou, wuxing, NEW), undefined)
  t.same(judgeWrite(grant({ regionPrefixes: ['3301'] }), wuxing, NEW), { code: 'FORBIDDEN' }, 'not the region sent')
  t.same(judgeWrite(huzhou, wuxing, { agencyRegionCode: '330102', report: undefined }), { code: 'FORBIDDEN' },
    'not the region stored: refused as forbidden, which says nothing of where it is')
  t.same(judgeWrite(huzhou, wuxing, { agencyRegionCode: '330502', report: { agencyCode: SEED_CODE, regionCode: '330102' } }), { code: 'FORBIDDEN' },
    'not the stored report\'s region')
  t.same(judgeWrite(grant({ regionPrefixes: ['3305'], scopes: ['findings:review'] }), wuxing, NEW), { code: 'FORBIDDEN' }, 'not the write scope')
  t.equal(judgeWrite(grant({ agencyCodes: [SEED_CODE] }), wuxing, NEW), undefined, 'an agency key, by code')
})

t.test('a stored agency keeps its region; a new one must lie in its code\'s city', async (t) => {
  const zhejiang = grant({ regionPrefixes: ['33'] })
  t.same(judgeWrite(zhejiang, { ...wuxing, regionCode: '330522' }, { agencyRegionCode: '330502', report: undefined }),
    { code: 'AGENCY_REGION_CONFLICT', storedRegion: '330502' })
  t.same(judgeWrite(grant({ agencyCodes: [SEED_CODE] }), { ...wuxing, regionCode: '330102' }, { agencyRegionCode: '330502', report: undefined }),
    { code: 'AGENCY_REGION_CONFLICT', storedRegion: '330502' }, 'an agency key cannot move its agency')
  t.same(judgeWrite(zhejiang, { ...wuxing, regionCode: '330102' }, NEW), { code: 'AGENCY_REGION_MISMATCH', registeredRegion: '330524' })
  t.equal(judgeWrite(zhejiang, { ...wuxing, regionCode: '330102' }, { agencyRegionCode: '330102', report: undefined }), undefined,
    'placed by an admin where its code does not say: its stored region counts')
})

t.test('writes in a row are judged each alone, each seeing where the ones before placed a new agency', async (t) => {
  const huzhou = grant({ regionPrefixes: ['3305'] })
  const refusals = judgeWrites(huzhou, [
    { owner: { ...wuxing, regionCode: '330100' }, stored: NEW },
    { owner: wuxing, stored: NEW },
    { owner: { ...wuxing, regionCode: '330522' }, stored: NEW },
    { owner: wuxing, stored: NEW }
  ])
  t.same(refusals, [{ code: 'FORBIDDEN' }, undefined, { code: 'AGENCY_REGION_CONFLICT', storedRegion: '330502' }, undefined],
    'a refused write places the agency nowhere; the first that goes ahead places it')
})

t.test('reviews are scoped like writes', async (t) => {
  const reviewer = grant({ scopes: ['findings:review'], regionPrefixes: ['3305'] })
  t.ok(mayReviewFindings(reviewer, wuxing, '330502'))
  t.notOk(mayReviewFindings(reviewer, { agencyCode: SEED_CODE, regionCode: '330102' }, '330102'))
  t.notOk(mayReviewFindings(reviewer, wuxing, '330102'), 'the agency\'s stored region counts too')
  t.notOk(mayReviewFindings(grant({ regionPrefixes: ['3305'] }), wuxing, '330502'), 'a writer is not a reviewer')
  t.match(grantProblems({ scopes: ['findings:review'], agencyCodes: [], regionPrefixes: [] }, isValidCreditCode), [/findings:review key must name/])
  t.same(grantProblems({ scopes: ['findings:review'], agencyCodes: [], regionPrefixes: ['3305'] }, isValidCreditCode), [])
  t.match(grantProblems({ scopes: ['admin'], agencyCodes: [], regionPrefixes: ['3305'] }, isValidCreditCode), [/limit reports:write and findings:review only/])
})
