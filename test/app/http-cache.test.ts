import t from 'tap'
import { build, createTestDatabase, seedReport } from '../helper.js'

const { url } = await createTestDatabase(t)
const app = await build(t, url)
await app.inject({ method: 'POST', url: '/v1/reports', payload: seedReport() })

t.test('every GET resource has an ETag, answers 304 to it, and says how to cache it', async (t) => {
  const resources: Array<[string, string]> = [
    ['/v1/reports', 'no-cache'],
    ['/v1/reports/1', 'no-cache'],
    ['/v1/reports/1/revisions', 'no-cache'],
    ['/v1/reports/1/findings', 'no-cache'],
    ['/v1/reports/1/changes', 'no-cache'],
    ['/v1/agencies', 'no-cache'],
    ['/v1/agencies/11330524MB15359635', 'no-cache'],
    ['/v1/rules', 'public, max-age=3600'],
    ['/openapi.json', 'public, max-age=300']
  ]
  for (const [path, cacheControl] of resources) {
    const first = await app.inject({ url: path })
    t.equal(first.statusCode, 200, `${path} 200`)
    t.equal(first.headers['cache-control'], cacheControl, `${path} cache-control`)
    const etag = first.headers.etag
    t.match(etag, /^(W\/)?"[^"]+"$/, `${path} has an ETag`)
    const again = await app.inject({ url: path, headers: { 'if-none-match': String(etag) } })
    t.equal(again.statusCode, 304, `${path} answers 304 to its ETag`)
    t.equal(again.body, '')
    t.notOk(again.headers['content-type'], `${path}: no content type on 304`)
    const other = await app.inject({ url: path, headers: { 'if-none-match': 'W/"something-else"' } })
    t.equal(other.statusCode, 200, `${path}: another ETag gets the body`)
  }
})

t.test('the ETag of a list changes when its content does', async (t) => {
  const before = (await app.inject({ url: '/v1/reports' })).headers.etag
  await app.inject({ method: 'PUT', url: '/v1/reports/1', headers: { 'if-match': '*' }, payload: { ...seedReport(), publication: {} } })
  const after = (await app.inject({ url: '/v1/reports', headers: { 'if-none-match': String(before) } }))
  t.equal(after.statusCode, 200)
  t.not(after.headers.etag, before)
})

t.test('liveness, readiness and the feed are never cached, and errors carry no ETag', async (t) => {
  for (const path of ['/healthz', '/readyz', '/v1/feed']) {
    const res = await app.inject({ url: path })
    t.equal(res.headers['cache-control'], 'no-store', path)
  }
  const missing = await app.inject({ url: '/v1/reports/99' })
  t.equal(missing.statusCode, 404)
  t.notOk(missing.headers.etag)
})
