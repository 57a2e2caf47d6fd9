/**
 * A generated TypeScript client (openapi-typescript types + openapi-fetch) driving the real service:
 * what a portal integrating from TypeScript does. `npm run typecheck` checks this file against the
 * generated types, so a contract change that breaks clients breaks the build.
 */
import type { AddressInfo } from 'node:net'
import createClient from 'openapi-fetch'
import t from 'tap'
import { readOpenApiDocument, renderSdkTypes } from '../../scripts/sdk-types.js'
import { build, createTestDatabase, seedReport, tokenOf } from '../helper.js'
import type { components, paths } from './api.js'

t.test('the committed client types are generated from the committed contract (run `npm run sdk:types`)', async (t) => {
  const { readFile } = await import('node:fs/promises')
  t.equal(await readFile(new URL('./api.ts', import.meta.url), 'utf8'), await renderSdkTypes(await readOpenApiDocument()))
})

t.test('a generated client submits the seed, reads it back and lists its findings', async (t) => {
  const { url } = await createTestDatabase(t)
  const app = await build(t, url)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  // A portal holds an API key for writing; the generated client sends it on every request.
  const client = createClient<paths>({ baseUrl: `http://127.0.0.1:${port}`, headers: { authorization: `Bearer ${tokenOf(app)}` } })

  const body: components['schemas']['Report2021'] = seedReport() as components['schemas']['Report2021']
  const created = await client.POST('/v1/reports', { body })
  t.equal(created.response.status, 201)
  const id = created.data?.id
  t.equal(id, 1)
  t.equal(created.response.headers.get('location'), '/v1/reports/1')

  const read = await client.GET('/v1/reports/{id}', { params: { path: { id: 1 } } })
  t.equal(read.response.status, 200)
  const resource = read.data
  // The operation also serves text/html, so the client types the body as either.
  if (resource === undefined || typeof resource === 'string') throw new Error('expected the JSON representation')
  t.same(resource.report, seedReport())
  const etag = read.response.headers.get('etag') ?? ''

  const findings = await client.GET('/v1/reports/{id}/findings', { params: { path: { id: 1 }, query: { status: 'failed' } } })
  t.equal(findings.response.status, 200)
  t.ok(findings.data?.items.every((finding) => finding.status === 'failed'))
  t.ok(findings.data?.items.some((finding) => finding.ruleId === 'N-RECEIVED'))

  const stale = await client.PUT('/v1/reports/{id}', { params: { path: { id: 1 }, header: { 'if-match': '"1.999"' } }, body })
  t.equal(stale.response.status, 412)
  t.equal(stale.error?.code, 'PRECONDITION_FAILED', 'problems arrive typed')

  const revised = await client.PUT('/v1/reports/{id}', { params: { path: { id: 1 }, header: { 'if-match': etag } }, body: { ...body, publication: {} } })
  t.equal(revised.data?.revision, 2)

  const list = await client.GET('/v1/reports', { params: { query: { region: '3305', limit: 10 } } })
  t.same(list.data?.items.map((item) => item.id), [1])

  const rules = await client.GET('/v1/rules')
  t.ok((rules.data?.items.length ?? 0) >= 25)
})
