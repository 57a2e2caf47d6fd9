/**
 * Request ids and one log line per request. Every request gets an id of ours (a UUID), echoed in the
 * response and on every log line of the request: a caller cannot choose it, so it names one request
 * only, in the logs and the audit trail alike. A caller's own `x-request-id` (when it is a sane token) is
 * kept beside it as `clientRequestId`, so a portal can still follow its request through our logs.
 * @see https://fastify.dev/docs/latest/Reference/Logging/
 */
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's `x-request-id`, when it sent a sane one. */
    clientRequestId: string | null
  }
}

const REQUEST_ID = /^[\w.:@-]{1,128}$/

/** For Fastify's `genReqId` option: a new UUID, whatever the caller sent. */
export function newRequestId (): string {
  return randomUUID()
}

/** The caller's `x-request-id` when it is safe to log and store, else null. */
function clientRequestIdOf (request: FastifyRequest): string | null {
  const header = request.headers['x-request-id']
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : null
}

async function requestLogPlugin (app: FastifyInstance) {
  app.decorateRequest('clientRequestId', null)
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
    const clientRequestId = clientRequestIdOf(request)
    if (clientRequestId === null) return
    request.clientRequestId = clientRequestId
    request.log = request.log.child({ clientRequestId })
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
