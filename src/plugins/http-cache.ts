/**
 * Conditional GETs for every resource. A GET answered 200 without its own ETag gets a weak one
 * derived from the body, and `If-None-Match` with it is answered 304 with no body; every GET also
 * gets a `Cache-Control` (routes choose theirs; the default makes caches revalidate each time).
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-13.1.2
 */
import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { noneMatchHits } from '../http/conditional.js'

function weakEtag (payload: string | Buffer): string {
  return `W/"${createHash('sha1').update(payload).digest('base64url')}"`
}

async function httpCachePlugin (app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-cache')
    let etag = reply.getHeader('etag')
    if (etag === undefined) {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
      etag = weakEtag(payload)
      reply.header('etag', etag)
    }
    if (!noneMatchHits(request.headers['if-none-match'], String(etag).replace(/^W\//, ''))) return payload
    reply.code(304).removeHeader('content-type').removeHeader('content-length')
    return ''
  })
}

export default fp(httpCachePlugin, { name: 'http-cache', fastify: '5.x' })
