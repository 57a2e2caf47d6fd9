/** The examples of the OpenAPI document (openapi/examples.json, captured by `npm run openapi:examples`). */
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import t from 'tap'
import { isValidCreditCode } from '../src/domain/credit-code.js'
import { renderOpenApiDocument } from '../src/openapi.js'
import { withExamples } from '../src/plugins/swagger.js'

const document = JSON.parse(await renderOpenApiDocument())

/** The operations a client reads first: each shows a real request body and a real answer. */
const MAIN_OPERATIONS: Record<string, { request: boolean, responses: string[] }> = {
  createReport: { request: true, responses: ['201', '400'] },
  getReport: { request: false, responses: ['200'] },
  listReports: { request: false, responses: ['200'] },
  listReportFindings: { request: false, responses: ['200'] },
  getReportChanges: { request: false, responses: ['200'] },
  validateReport: { request: true, responses: ['200'] },
  listAgencies: { request: false, responses: ['200'] },
  getAgency: { request: false, responses: ['200'] }
}

interface MediaType { schema?: unknown, example?: unknown, examples?: Record<string, { value?: unknown }> }
interface Body { content?: Record<string, MediaType> }
interface Operation { operationId: string, requestBody?: Body, responses: Record<string, Body> }

/** Every media type of the document that has examples, by JSON Pointer, with its examples. */
function mediaTypesWithExamples () {
  const found: Array<{ pointer: string, examples: Array<[string, unknown]> }> = []
  const escape = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1')
  for (const [path, operations] of Object.entries<Record<string, Operation>>(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const bodies: Array<[string, Body | undefined]> = [
        ['requestBody', operation.requestBody],
        ...Object.entries(operation.responses).map(([status, response]): [string, Body] => [`responses/${status}`, response])
      ]
      for (const [where, body] of bodies) {
        for (const [mediaType, content] of Object.entries(body?.content ?? {})) {
          const examples: Array<[string, unknown]> = Object.entries(content.examples ?? {}).map(([name, example]) => [name, example.value])
          if ('example' in content) examples.push(['example', content.example])
          if (examples.length > 0) found.push({ pointer: `/paths/${escape(path)}/${method}/${where}/content/${escape(mediaType)}`, examples })
        }
      }
    }
  }
  return found
}

function operationById (operationId: string): Operation | undefined {
  for (const operations of Object.values<Record<string, Operation>>(document.paths)) {
    const operation = Object.values(operations).find((candidate) => candidate.operationId === operationId)
    if (operation !== undefined) return operation
  }
  return undefined
}

const hasExample = (body: Body | undefined) => Object.values(body?.content ?? {}).some((content) => content.examples !== undefined || 'example' in content)

t.test('the main operations show a request and a response example', async (t) => {
  for (const [operationId, expected] of Object.entries(MAIN_OPERATIONS)) {
    const operation = operationById(operationId)
    if (operation === undefined) {
      t.fail(`${operationId} is in the document`)
      continue
    }
    if (expected.request) t.ok(hasExample(operation.requestBody), `${operationId} has a request example`)
    for (const status of expected.responses) t.ok(hasExample(operation.responses[status]), `${operationId} ${status} has an example`)
  }
})

t.test('the validation error example lists the invalid fields', async (t) => {
  const problem = operationById('createReport')?.responses['400']?.content?.['application/problem+json']?.examples?.seed?.value
  t.match(problem, {
    code: 'VALIDATION_ERROR',
    errors: [
      { pointer: '/remarks', location: 'body' },
      { pointer: '/requests/newReceived/naturalPerson', location: 'body' }
    ]
  })
})

t.test('every example conforms to its schema', async (t) => {
  // The document's schemas are JSON Schema 2020-12 with OpenAPI's `discriminator` beside `anyOf` (which decides alone),
  // so Ajv must not be strict about keywords it does not know.
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  addFormats.default(ajv)
  ajv.addFormat('credit-code', isValidCreditCode)
  // Added whole, so that `#/components/schemas/…` references resolve inside it.
  ajv.addSchema(document, 'openapi.json')
  const mediaTypes = mediaTypesWithExamples()
  t.ok(mediaTypes.length > 0, 'the document has examples to check')
  for (const { pointer, examples } of mediaTypes) {
    const validate = ajv.getSchema(`openapi.json#${pointer}/schema`)
    if (validate === undefined) {
      t.fail(`${pointer} has a schema`)
      continue
    }
    for (const [name, value] of examples) {
      t.ok(validate(value), `${pointer} example ${name} conforms`, { errors: validate.errors })
    }
  }
})

t.test('an example whose operation has no body of its media type fails the document', async (t) => {
  const example = { summary: 'The seed report', mediaType: 'application/json', value: {} }
  const documentOf = () => ({ paths: { '/v1/reports': { post: { operationId: 'createReport', responses: { 201: { content: { 'text/csv': {} } } } } } } })
  t.throws(() => withExamples(documentOf(), { createReport: { request: example, responses: {} } }), /createReport's request has no application\/json body/)
  t.throws(() => withExamples(documentOf(), { createReport: { responses: { 201: example } } }), /createReport's 201 response has no application\/json body/)
  t.throws(() => withExamples(documentOf(), { createReport: { responses: { 400: example } } }), /createReport's 400 response has no application\/json body/)
})
