/**
 * The OpenAPI 3.1 document, collected from the route schemas with the examples of openapi/examples.json;
 * registered before any route. `GET /openapi.json` serves it, `GET /docs` shows it as an interactive reference,
 * and `npm run openapi` writes the committed copy in `openapi/`.
 * @see https://github.com/fastify/fastify-swagger
 * @see https://github.com/fastify/fastify-swagger-ui
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'
import { SECURITY_SCHEME } from './auth.js'

export const API_TAGS = [
  { name: 'reports', description: 'Annual reports (政府信息公开工作年度报告): submit, revise, read and list them. Every revision is kept.' },
  { name: 'findings', description: 'Consistency rules (勾稽关系 and plausibility), the findings of each report and its year-over-year changes.' },
  { name: 'agencies', description: 'Agencies (机关) that have reports, identified by their 统一社会信用代码.' },
  { name: 'stats', description: 'Statistics over many reports: every cell added up by region, year and kind, the indicators recomputed from the sums, year-over-year changes and breakdowns by region or agency.' },
  { name: 'feed', description: 'The change feed: every stored revision and recomputed result, in the order written, for portals that keep a copy.' },
  { name: 'imports', description: 'Published reports (HTML pages, text, PDF text) read into the report JSON, with what was read where.' },
  { name: 'exports', description: 'Every matching report in one streamed CSV or NDJSON download.' },
  { name: 'admin', description: 'API keys and the audit trail of writes, for keys with the `admin` scope.' },
  { name: 'operations', description: 'Liveness, readiness and the API contract itself.' }
]

/** A request or response body as the service received or answered it. */
const BodyExampleSchema = Type.Object({ summary: Type.String(), mediaType: Type.String(), value: Type.Unknown() })
type BodyExample = Static<typeof BodyExampleSchema>

/** openapi/examples.json: by operationId, the example of its request body and those of its responses by status code. */
const OperationExamplesSchema = Type.Record(Type.String(), Type.Object({
  request: Type.Optional(BodyExampleSchema),
  responses: Type.Record(Type.String(), BodyExampleSchema)
}))
export type OperationExamples = Static<typeof OperationExamplesSchema>

/**
 * The package's root: the nearest folder above this module with a package.json. Counting folders would not do,
 * as this module runs from src/plugins/ as well as from dist/src/plugins/.
 */
function packageRoot (): URL {
  let folder = new URL('.', import.meta.url)
  while (!existsSync(new URL('package.json', folder))) {
    const parent = new URL('..', folder)
    if (parent.href === folder.href) throw new Error(`no package.json in a folder above ${fileURLToPath(import.meta.url)}`)
    folder = parent
  }
  return folder
}

/** Where `npm run openapi:examples` writes the examples captured from the running service, and the service reads them. */
export const EXAMPLES_FILE = new URL('openapi/examples.json', packageRoot())

async function readExamples (): Promise<OperationExamples> {
  const examples: unknown = JSON.parse(await readFile(EXAMPLES_FILE, 'utf8'))
  if (!Value.Check(OperationExamplesSchema, examples)) {
    const [error] = Value.Errors(OperationExamplesSchema, examples)
    throw new Error(`${fileURLToPath(EXAMPLES_FILE)} at ${error?.instancePath || '/'}: ${error?.message ?? 'not examples'}: run \`npm run openapi:examples\``)
  }
  return examples
}

/** The parts of an OpenAPI document that examples go on. */
interface MediaTypeObject { examples?: Record<string, { summary: string, value: unknown }> }
interface BodyObject { content?: Record<string, MediaTypeObject> }
interface OperationObject {
  operationId?: string
  requestBody?: BodyObject
  responses?: Record<string, BodyObject>
}

/** Example names in the document; every example comes from the seed report. */
const EXAMPLE_NAME = 'seed'

function attachExample (body: BodyObject | undefined, example: BodyExample, where: string): void {
  const mediaType = body?.content?.[example.mediaType]
  // A stale example must not vanish silently: the operation changed since the examples were captured.
  if (mediaType === undefined) throw new Error(`${where} has no ${example.mediaType} body for its example: run \`npm run openapi:examples\``)
  mediaType.examples = { [EXAMPLE_NAME]: { summary: example.summary, value: example.value } }
}

/**
 * Puts the examples on the request and response bodies of their operations; the route schemas cannot carry
 * them, being shared between routes.
 */
export function withExamples<T extends { paths?: object }> (document: T, examplesByOperation: OperationExamples): T {
  const paths = (document.paths ?? {}) as Record<string, Record<string, OperationObject>>
  for (const pathItem of Object.values(paths)) {
    for (const operation of Object.values(pathItem)) {
      const examples = operation.operationId === undefined ? undefined : examplesByOperation[operation.operationId]
      if (examples === undefined) continue
      if (examples.request !== undefined) attachExample(operation.requestBody, examples.request, `${operation.operationId}'s request`)
      for (const [status, example] of Object.entries(examples.responses)) {
        attachExample(operation.responses?.[status], example, `${operation.operationId}'s ${status} response`)
      }
    }
  }
  return document
}

/**
 * The docs page's policy, from the package's: scripts only from the service and the hashes of its inline
 * ones; styles also inline, since Swagger UI writes `style` attributes as it renders, which a hash-based
 * `style-src` blocks; images and fonts from the service or inline; requests ("Try it out") to the service.
 * Without the upgrade to https, so that an instance served over plain http inside a network still works.
 */
function docsPolicy (packagePolicy: string): string {
  const directives = new Map(packagePolicy.split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [name = '', ...sources] = part.split(/\s+/)
    return [name, sources.join(' ')]
  }))
  directives.delete('upgrade-insecure-requests')
  directives.set('style-src', "'self' 'unsafe-inline'")
  directives.set('img-src', "'self' data:")
  directives.set('font-src', "'self' data:")
  directives.set('connect-src', "'self'")
  return [...directives].map(([name, sources]) => `${name} ${sources}`).join('; ')
}

async function swaggerPlugin (app: FastifyInstance, options: { version: string }) {
  const examples = await readExamples()
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Government information-disclosure annual reports API',
        version: options.version,
        description: 'Stores China\'s government information-disclosure annual reports (政府信息公开工作年度报告) as JSON, ' +
          'keeps every revision, and serves them to portals. Errors are RFC 9457 problem details (`application/problem+json`).',
        license: { name: 'UNLICENSED', identifier: 'UNLICENSED' }
      },
      // Relative: "Try it out" calls whichever host and port served this document.
      servers: [{ url: '/', description: 'The instance serving this document' }],
      tags: API_TAGS,
      components: {
        securitySchemes: {
          [SECURITY_SCHEME]: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key, as `Authorization: Bearer gdr_…`. Writes need a key whose scopes (and agencies or regions) cover them; ' +
              'reads are public unless the service is configured otherwise. Keys are made with `npm run keys -- create` or `POST /v1/admin/keys`.'
          }
        }
      }
    },
    hideUntagged: true,
    // This plugin writes OpenAPI 3.1 only; the union type also allows a Swagger 2 document.
    transformObject: (document) => 'openapiObject' in document ? withExamples(document.openapiObject, examples) : document.swaggerObject,
    // Schemas added with app.addSchema keep their $id as the component name.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `def-${index}`) }
  })
  // The interactive reference, served from the package's own assets (nothing fetched from elsewhere).
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    // No validator badge: it would send the document to an outside service.
    uiConfig: { deepLinking: true, defaultModelsExpandDepth: 0, docExpansion: 'list', validatorUrl: null },
    // Its own policy instead of the API's `default-src 'none'`; see docsPolicy.
    staticCSP: true,
    transformStaticCSP: docsPolicy,
    uiHooks: {
      // The package redirects /docs/static/index.html to /docs/, but not when a query follows, which it then
      // redirects to itself forever. The page shows this service's document only, so the query is dropped.
      onRequest: async (request, reply) => {
        if (request.url.split('?')[0] === '/docs/static/index.html') return await reply.redirect('/docs/')
      }
    }
  })
}

export default fp(swaggerPlugin, { name: 'swagger', fastify: '5.x' })
