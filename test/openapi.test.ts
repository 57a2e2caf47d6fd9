import { readFile } from 'node:fs/promises'
import { Validator } from '@seriousme/openapi-schema-validator'
import t from 'tap'
import { renderOpenApiDocument } from '../src/openapi.js'
import { PROBLEM_CODES, PROBLEMS, problemSlug } from '../src/problems.js'

const generated = await renderOpenApiDocument()
const document = JSON.parse(generated)

t.test('the committed openapi/openapi.json is the generated one (run `npm run openapi`)', async (t) => {
  const committed = await readFile(new URL('../openapi/openapi.json', import.meta.url), 'utf8')
  t.equal(committed, generated)
})

t.test('the document is valid OpenAPI 3.1', async (t) => {
  const result = await new Validator().validate(document)
  t.same(result.errors, undefined)
  t.equal(result.valid, true)
  t.equal(document.openapi, '3.1.0')
})

t.test('GET /openapi.json serves the same document', async (t) => {
  const { buildApp } = await import('../src/app.js')
  const { testConfig } = await import('./helper.js')
  const app = await buildApp({ config: testConfig, databaseUrl: 'postgres://unused@127.0.0.1:1/unused' })
  t.teardown(async () => await app.close())
  const res = await app.inject({ url: '/openapi.json' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), document)
})

t.test('GET /docs serves the interactive API reference', async (t) => {
  const { buildApp } = await import('../src/app.js')
  const { testConfig } = await import('./helper.js')
  const app = await buildApp({ config: testConfig, databaseUrl: 'postgres://unused@127.0.0.1:1/unused' })
  t.teardown(async () => await app.close())
  const page = await app.inject({ url: '/docs' })
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-type'], /^text\/html/)
  t.match(page.body, /swagger-ui/)
  const spec = await app.inject({ url: '/docs/json' })
  t.same(spec.json(), document, 'the reference shows this contract')

  t.same(document.servers.map((server: { url: string }) => server.url), ['/'], '"Try it out" calls the host and port that served the page')
  const policy = new Map(String(page.headers['content-security-policy']).split(';').map((part) => {
    const [name = '', ...sources] = part.trim().split(/\s+/)
    return [name, sources]
  }))
  t.same(policy.get('style-src'), ["'self'", "'unsafe-inline'"], 'the style attributes Swagger UI writes are allowed (a hash would disable unsafe-inline)')
  t.notOk(policy.get('script-src')?.includes("'unsafe-inline'"), 'scripts stay limited to the service and hashed inline ones')
  t.same(policy.get('connect-src'), ["'self'"], '"Try it out" may call the service')
  t.notOk(policy.has('upgrade-insecure-requests'), 'an instance on plain http keeps working')

  for (const url of ['/docs/static/index.html', '/docs/static/index.html?url=https://elsewhere.example/openapi.json']) {
    const redirect = await app.inject({ url })
    t.equal(redirect.statusCode, 302, `${url} redirects`)
    t.equal(redirect.headers.location, '/docs/', `${url} redirects to the page, not to itself`)
  }
})

t.test('every operation has an id, a tag, a summary and documented problem responses', async (t) => {
  const operationIds = new Set<string>()
  for (const [path, operations] of Object.entries<Record<string, any>>(document.paths)) {
    for (const [method, operation] of Object.entries<any>(operations)) {
      const name = `${method.toUpperCase()} ${path}`
      t.match(operation.operationId, /^[a-z][A-Za-z]+$/, `${name} has a camelCase operationId`)
      t.notOk(operationIds.has(operation.operationId), `${name}: operationId is unique`)
      operationIds.add(operation.operationId)
      t.ok(operation.tags?.length > 0, `${name} is tagged`)
      t.ok(operation.summary, `${name} has a summary`)
      for (const [status, response] of Object.entries<any>(operation.responses)) {
        t.ok(response.description, `${name} ${status} is described`)
        if (Number(status) >= 400) {
          t.same(response.content['application/problem+json'].schema, { $ref: '#/components/schemas/Problem' }, `${name} ${status} is a problem`)
        }
      }
      if (path.startsWith('/v1/')) t.ok(operation.responses['500'], `${name} documents 500`)
    }
  }
})

t.test('every error code of the catalogue is in the contract and the README', async (t) => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
  const codeSchema = document.components.schemas.Problem.properties.code
  t.same(codeSchema.enum, PROBLEM_CODES)
  for (const code of PROBLEM_CODES) {
    t.match(codeSchema.description, `\`${code}\` (${PROBLEMS[code].status}, \`${problemSlug(code)}\`)`, `${code} is described`)
    t.match(readme, `\`${code}\``, `${code} is in the README`)
  }
})

t.test('report fields carry their Chinese labels', async (t) => {
  const requests = document.components.schemas.Requests
  t.equal(requests.title, '三、收到和处理政府信息公开申请情况')
  t.equal(requests.properties.newReceived.properties.naturalPerson.title, '一、本年新收政府信息公开申请数量（自然人）')
  t.equal(document.components.schemas.Report2021.properties.proactive.properties.fees.properties.amountWan.title, '行政事业性收费（本年收费金额）')
  t.equal(document.components.schemas.ReportAgency.properties.code.title, '统一社会信用代码')
})
