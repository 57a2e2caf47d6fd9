/**
 * Request ids and one log line per request. A caller's `x-request-id` (when it is a sane token) is
 * kept, so a portal can follow its request through our logs; otherwise a UUID is made. Either way the
 * id is echoed in the response and appears on every log line of the request.
 * @see https://fastify.dev/docs/latest/Reference/Logging/
 */
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, RawRequestDefaultExpression } from 'fastify'
import fp from 'fastify-plugin'

const REQUEST_ID = /^[\w.:@-]{1,128}$/

/** For Fastify's `genReqId` option: the caller's id when safe to log, else a new UUID. */
export function requestIdFrom (request: RawRequestDefaultExpression): string {
  const header = request.headers['x-request-id']
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID()
}

async function requestLogPlugin (app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({
      method: request.method,
      url: request.url,
      statusCode: reply.statusCode,
      keyId: request.grant?.keyId,
      responseTimeMs: Math.round(reply.elapsedTime * 100) / 100,
      userAgent: request.headers['user-agent']
    }, 'request completed')
  })
}

export default fp(requestLogPlugin, { name: 'request-log', fastify: '5.x' })
