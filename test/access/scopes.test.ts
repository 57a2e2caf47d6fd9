/**
 * Who may write what: API keys with scopes, agency and region limits, revocation, the admin
 * endpoints and the audit trail. Requests here carry only the keys each test gives them.
 */
import { sql } from 'kysely'
import t from 'tap'
import { build, createTestDatabase, makeKey, resetDb, secretOf, seedReport } from '../helper.js'
import { creditCode, reportFor } from '../fixtures.js'

const { url, db } = await createTestDatabase(t)
const app = await build(t, url, { authenticated: false })
t.beforeEach(async () => await resetDb(db))

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const post = async (body: unknown, token?: string) =>
  await app.inject({ method: 'POST', url: '/v1/reports', headers: token === undefined ? {} : bearer(token), payload: body as object })

async function revisionCount (): Promise<number> {
  const { rows } = await sql<{ count: string }>`select count(*) from report_revision`.execute(db)
  return Number(rows[0]?.count)
}

/** 湖州市吴兴区 (the seed's region), another 湖州 county, and 杭州. */
const WUXING = reportFor({})
const CHANGXING = reportFor({ code: creditCode('11330522MB1234567'), regionCode: '330522', name: '长兴县某局' })
const HANGZHOU = reportFor({ code: creditCode('11330100MB7654321'), regionCode: '330100', name: '杭州市某局' })

t.test('writing without a key, or with a malformed or unknown one, is 401 and stores nothing', async (t) => {
  const missing = await post(seedReport())
  t.equal(missing.statusCode, 401)
  t.equal(missing.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal(missing.headers['www-authenticate'], 'Bearer realm="reports"')
  t.match(missing.json(), { code: 'UNAUTHORIZED', status: 401, type: '/problems/unauthorized' })

  for (const header of ['Bearer nonsense', 'Basic dXNlcjpwYXNz', `Bearer gdr_000000000000_${'A'.repeat(43)}`]) {
    const res = await app.inject({ method: 'POST', url: '/v1/reports', headers: { authorization: header }, payload: seedReport() })
    t.equal(res.statusCode, 401, header)
    t.equal(res.headers['www-authenticate'], 'Bearer realm="reports", error="invalid_token"')
    t.equal(res.json().detail, 'The API key is not valid.', 'the same answer whatever is wrong with it')
  }

  const { token } = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['3305'] })
  const wrongSecret = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA')
  t.equal((await post(seedReport(), wrongSecret)).statusCode, 401, 'a known lookup id with a wrong secret')
  t.equal(await revisionCount(), 0)
})

t.test('an agency key writes its own agency only', async (t) => {
  const { token } = await makeKey(db, { scopes: ['reports:write'], agencyCodes: [WUXING.agency.code] })
  t.equal((await post(WUXING, token)).statusCode, 201)
  const other = await post(CHANGXING, token)
  t.equal(other.statusCode, 403)
  t.match(other.json(), { code: 'FORBIDDEN', detail: `This API key may not write reports of agency ${CHANGXING.agency.code}.` })
  t.equal(await revisionCount(), 1)
})

t.test('a region key writes every agency under its prefix, and none outside it', async (t) => {
  const huzhou = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['3305'] })
  t.equal((await post(WUXING, huzhou.token)).statusCode, 201)
  t.equal((await post(CHANGXING, huzhou.token)).statusCode, 201)
  const refused = await post(HANGZHOU, huzhou.token)
  t.equal(refused.statusCode, 403)
  t.notMatch(refused.body, /3305/, 'the refusal does not tell what the key may do')
  t.equal(await revisionCount(), 2)
})

t.test('a region key cannot move a stored agency of another region into its own', async (t) => {
  const zhejiang = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['33'] })
  t.equal((await post(HANGZHOU, zhejiang.token)).statusCode, 201)
  const huzhou = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['3305'] })
  const moved = { ...HANGZHOU, year: HANGZHOU.year + 1, agency: { ...HANGZHOU.agency, regionCode: '330502' } }
  t.equal((await post(moved, huzhou.token)).statusCode, 403, 'the stored region counts, not only the one sent')
  t.equal(await revisionCount(), 1)
})

t.test('PUT checks the stored report\'s agency, not only the body', async (t) => {
  const zhejiang = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['33'] })
  const hangzhouId = (await post(HANGZHOU, zhejiang.token)).json().id
  const huzhou = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['3305'] })
  const res = await app.inject({
    method: 'PUT', url: `/v1/reports/${hangzhouId}`, headers: { ...bearer(huzhou.token), 'if-match': '*' }, payload: WUXING
  })
  t.equal(res.statusCode, 403)
  const own = await app.inject({
    method: 'PUT',
    url: `/v1/reports/${hangzhouId}`,
    headers: { ...bearer(zhejiang.token), 'if-match': '*' },
    payload: { ...HANGZHOU, sections: { ...HANGZHOU.sections, other: '无' } }
  })
  t.equal(own.statusCode, 200)
  t.equal(await revisionCount(), 2)
})

t.test('bulk lines for agencies outside the key are rejected; the others are stored', async (t) => {
  const { token } = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['3305'] })
  const res = await app.inject({
    method: 'POST',
    url: '/v1/reports:bulk',
    headers: { ...bearer(token), 'content-type': 'application/x-ndjson' },
    payload: [WUXING, HANGZHOU, CHANGXING].map((body) => JSON.stringify(body)).join('\n')
  })
  const lines = res.body.trimEnd().split('\n').map((line) => JSON.parse(line))
  t.match(lines, [
    { line: 1, outcome: 'stored' },
    { line: 2, outcome: 'rejected', problem: { code: 'FORBIDDEN' } },
    { line: 3, outcome: 'stored' },
    { summary: { stored: 2, rejected: 1 } }
  ])
  t.equal(await revisionCount(), 2)
})

t.test('each scope opens its own operations only', async (t) => {
  const writer = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['3305'] })
  const reviewer = await makeKey(db, { scopes: ['findings:review'], regionPrefixes: ['3305'] })
  const admin = await makeKey(db, { scopes: ['admin'] })
  await post(seedReport(), writer.token)
  const findingId = (await app.inject({ url: '/v1/reports/1/findings' })).json().items[0].id
  const review = async (token: string) => await app.inject({
    method: 'PATCH', url: `/v1/findings/${findingId}`, headers: bearer(token), payload: { decision: 'acknowledged', reason: '已核实' }
  })

  t.equal((await review(writer.token)).statusCode, 403, 'a writer cannot review')
  t.equal((await review(admin.token)).statusCode, 403, 'admin does not imply the other scopes')
  t.equal((await review(reviewer.token)).statusCode, 200)
  const audit = await app.inject({ url: `/v1/admin/audit?action=finding.reviewed&keyId=${reviewer.key.id}`, headers: bearer(admin.token) })
  t.match(audit.json().items, [{ action: 'finding.reviewed', keyId: reviewer.key.id, reportId: 1, revision: 1, findingId }], 'the review is audited')
  t.equal((await post(CHANGXING, reviewer.token)).statusCode, 403, 'a reviewer cannot write')
  t.equal((await app.inject({ url: '/v1/admin/keys', headers: bearer(writer.token) })).statusCode, 403, 'a writer cannot manage keys')
  t.equal((await app.inject({ url: '/v1/admin/keys' })).statusCode, 401)
  t.equal((await app.inject({ url: '/v1/admin/keys', headers: bearer(admin.token) })).statusCode, 200)
})

t.test('admins create, list and revoke keys; a revoked key is refused at once; the audit trail names each writer', async (t) => {
  const admin = await makeKey(db, { scopes: ['admin'], name: '浙江省政务服务数据管理局' })
  const created = await app.inject({
    method: 'POST',
    url: '/v1/admin/keys',
    headers: bearer(admin.token),
    payload: { name: '吴兴区发改经信局', scopes: ['reports:write'], agencyCodes: [WUXING.agency.code] }
  })
  t.equal(created.statusCode, 201)
  const { key, token } = created.json()
  t.match(key, { name: '吴兴区发改经信局', scopes: ['reports:write'], agencyCodes: [WUXING.agency.code], regionPrefixes: [], revokedAt: null })
  t.equal(created.headers.location, `/v1/admin/keys/${key.id}`)
  t.equal(created.headers['cache-control'], 'no-store')

  const stored = await sql<{ secret_digest: Buffer }>`select secret_digest from api_key where id = ${key.id}`.execute(db)
  t.notOk(stored.rows[0]?.secret_digest.toString('utf8').includes(secretOf(token)), 'only a digest is stored')

  const listed = await app.inject({ url: '/v1/admin/keys', headers: bearer(admin.token) })
  t.notMatch(listed.body, secretOf(token), 'a listing never shows a secret')
  const ids = listed.json().items.map((item: { id: number }) => item.id)
  t.same(ids.slice(-2), [admin.key.id, key.id], 'every key, oldest first')

  t.equal((await post(WUXING, token)).statusCode, 201)
  const invalid = await app.inject({
    method: 'POST', url: '/v1/admin/keys', headers: bearer(admin.token), payload: { name: 'too wide', scopes: ['reports:write'] }
  })
  t.equal(invalid.statusCode, 422)
  t.match(invalid.json(), { code: 'INVALID_GRANT', detail: /must name the agencies/ })

  const revoked = await app.inject({ method: 'DELETE', url: `/v1/admin/keys/${key.id}`, headers: bearer(admin.token) })
  t.equal(revoked.statusCode, 200)
  t.type(revoked.json().revokedAt, 'string')
  const again = await app.inject({ method: 'DELETE', url: `/v1/admin/keys/${key.id}`, headers: bearer(admin.token) })
  t.equal(again.json().revokedAt, revoked.json().revokedAt, 'revoking twice changes nothing')
  t.equal((await app.inject({ method: 'DELETE', url: '/v1/admin/keys/999', headers: bearer(admin.token) })).json().code, 'API_KEY_NOT_FOUND')

  const afterRevoke = await post({ ...WUXING, kind: 'government' }, token)
  t.equal(afterRevoke.statusCode, 401, 'revoked: refused at once')

  const audit = await app.inject({ url: `/v1/admin/audit?keyId=${key.id}`, headers: bearer(admin.token) })
  t.match(audit.json().items, [{ action: 'report.created', keyId: key.id, reportId: 1, revision: 1, requestId: String }])
  t.equal(audit.json().items.length, 1)
  const keyEvents = await app.inject({ url: `/v1/admin/audit?keyId=${admin.key.id}`, headers: bearer(admin.token) })
  t.match(keyEvents.json().items, [
    { action: 'key.created', subjectKeyId: key.id },
    { action: 'key.revoked', subjectKeyId: key.id }
  ])
  t.equal((await app.inject({ url: '/v1/admin/audit', headers: bearer(token) })).statusCode, 401)
})

t.test('reads are public by default; a key sent with a read must still be valid', async (t) => {
  t.equal((await app.inject({ url: '/v1/reports' })).statusCode, 200)
  t.equal((await app.inject({ url: '/v1/reports', headers: { authorization: 'Bearer wrong' } })).statusCode, 401)
  t.equal((await app.inject({ method: 'POST', url: '/v1/validate', payload: seedReport() })).statusCode, 200, 'checking a body stores nothing and is a read')
  t.equal((await app.inject({ url: '/healthz', headers: { authorization: 'Bearer wrong' } })).statusCode, 200, 'probes never look at keys')
})

t.test('with READ_ACCESS=key, reads need a key of any scope', async (t) => {
  const closed = await build(t, url, { authenticated: false, env: { READ_ACCESS: 'key' } })
  const reader = await makeKey(db, { scopes: [], name: 'portal' })
  t.equal((await closed.inject({ url: '/v1/reports' })).statusCode, 401)
  t.equal((await closed.inject({ url: '/v1/reports', headers: bearer(reader.token) })).statusCode, 200)
  t.equal((await closed.inject({ method: 'POST', url: '/v1/reports', headers: bearer(reader.token), payload: seedReport() })).statusCode, 403,
    'a key without scopes only reads')
  t.equal((await closed.inject({ url: '/readyz' })).statusCode, 200, 'probes stay open')
})
