/** Liveness, readiness and the OpenAPI document. */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { sql } from 'kysely'
import { problemResponse } from '../schemas/problem.js'

const StatusSchema = Type.Object({
  status: Type.Literal('ok', { description: 'Always `ok` when answered with 200.' })
}, { additionalProperties: false })

const operationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** GET /healthz — the process is up (no dependency checked, so orchestrators never restart us for a DB outage). */
  app.get('/healthz', {
    schema: {
      operationId: 'getHealth',
      tags: ['operations'],
      summary: 'Liveness',
      description: 'Answers 200 while the process runs; does not touch the database.',
      response: { 200: { description: 'Alive.', content: { 'application/json': { schema: StatusSchema } } } }
    }
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-store')
    return { status: 'ok' as const }
  })

  /** GET /readyz — the database answers, so requests can be served. */
  app.get('/readyz', {
    schema: {
      operationId: 'getReadiness',
      tags: ['operations'],
      summary: 'Readiness',
      description: 'Answers 200 when the database (and the read replica, if configured) answers a query, 503 otherwise.',
      response: {
        200: { description: 'Ready.', content: { 'application/json': { schema: StatusSchema } } },
        503: problemResponse('The database is unreachable (`SERVICE_UNAVAILABLE`).')
      }
    }
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-store')
    await sql`select 1`.execute(app.db)
    if (app.dbRead !== app.db) await sql`select 1`.execute(app.dbRead)
    return { status: 'ok' as const }
  })

  /** GET /openapi.json — this API's OpenAPI 3.1 document. */
  app.get('/openapi.json', {
    schema: {
      operationId: 'getOpenApiDocument',
      tags: ['operations'],
      summary: 'OpenAPI document',
      description: 'The OpenAPI 3.1 contract of this API (the same as `openapi/openapi.json` in the repository).',
      response: { 200: { description: 'The OpenAPI document.', content: { 'application/json': { schema: Type.Object({}, { additionalProperties: true }) } } } }
    }
  }, async (_request, reply) => await reply
    .header('cache-control', 'public, max-age=300')
    .type('application/json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(app.swagger()))
}

export default operationsRoutes
