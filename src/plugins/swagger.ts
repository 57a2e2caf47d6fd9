/**
 * The OpenAPI 3.1 document, collected from the route schemas; registered before any route.
 * `GET /openapi.json` serves it, `GET /docs` shows it as an interactive reference, and
 * `npm run openapi` writes the committed copy in `openapi/`.
 * @see https://github.com/fastify/fastify-swagger
 * @see https://github.com/fastify/fastify-swagger-ui
 */
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export const API_TAGS = [
  { name: 'reports', description: 'Annual reports (政府信息公开工作年度报告): submit, revise, read and list them. Every revision is kept.' },
  { name: 'findings', description: 'Consistency rules (勾稽关系 and plausibility), the findings of each report and its year-over-year changes.' },
  { name: 'agencies', description: 'Agencies (机关) that have reports, identified by their 统一社会信用代码.' },
  { name: 'stats', description: 'Statistics over many reports: every cell added up by region, year and kind, the indicators recomputed from the sums, year-over-year changes and breakdowns by region or agency.' },
  { name: 'feed', description: 'The change feed: every stored revision and recomputed result, in commit order, for portals that keep a copy.' },
  { name: 'imports', description: 'Published reports (HTML pages, text, PDF text) read into the report JSON, with what was read where.' },
  { name: 'exports', description: 'Every matching report in one streamed CSV or NDJSON download.' },
  { name: 'operations', description: 'Liveness, readiness and the API contract itself.' }
]

async function swaggerPlugin (app: FastifyInstance, options: { version: string }) {
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
      servers: [{ url: 'http://127.0.0.1:3000', description: 'A local instance (npm start)' }],
      tags: API_TAGS
    },
    hideUntagged: true,
    // Schemas added with app.addSchema keep their $id as the component name.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `def-${index}`) }
  })
  // The interactive reference, served from the package's own assets (nothing fetched from elsewhere).
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: true, defaultModelsExpandDepth: 0, docExpansion: 'list' }
  })
}

export default fp(swaggerPlugin, { name: 'swagger', fastify: '5.x' })
