/**
 * Limits and headers that protect the service and its clients: per-key and per-IP rate limits
 * (`Retry-After` on 429), security headers, and CORS for portal front-ends.
 *
 * Registered after the auth plugin, so that the rate limit knows the request's key: hooks of the app
 * run before the per-route hooks @fastify/rate-limit adds. Open routes (health, docs) are not limited,
 * so that orchestrators' probes never get 429.
 * @see https://github.com/fastify/fastify-rate-limit
 * @see https://helmetjs.github.io/
 * @see https://github.com/fastify/fastify-cors
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import cors from '@fastify/cors'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'
import { ProblemError } from '../problems.js'
import { problemResponse } from '../schemas/problem.js'

export interface ProtectionOptions {
  readonly perIpPerMinute: number
  readonly perKeyPerMinute: number
  /** `*`, or the origins allowed. */
  readonly corsOrigins: '*' | readonly string[]
}

/** Headers browsers may send cross-origin, and the response headers their scripts may read. */
const CORS_REQUEST_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'X-Request-Id']
const CORS_EXPOSED_HEADERS = [
  'ETag', 'Location', 'Link', 'Last-Modified', 'Retry-After', 'X-Request-Id', 'Idempotent-Replayed',
  'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'
]

const SECURITY_HEADERS: HelmetOptions = {
  // JSON needs no sources; the report page and /docs set their own policy.
  contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } },
  // Report pages are public and meant to be embedded by portals on other origins.
  frameguard: false,
  crossOriginResourcePolicy: { policy: 'cross-origin' }
}

/**
 * What helmet does to an answer with `options`, worked out once: the headers it sets and those it removes. None
 * depends on the request (no directive is a function), and building helmet's middleware anew for every request, as
 * @fastify/helmet does, costs more than setting them.
 *
 * Example: `fixedHeaders(SECURITY_HEADERS).set` → `[['Content-Security-Policy', "default-src 'none';frame-ancestors 'none'"], …,
 * ['X-XSS-Protection', '0']]`; `.removed` → `['X-Powered-By']`.
 */
export function fixedHeaders (options: HelmetOptions): { readonly set: readonly (readonly [string, string])[], readonly removed: readonly string[] } {
  const set: [string, string][] = []
  const removed: string[] = []
  const recorder = {
    setHeader (name: string, value: unknown) { set.push([name, String(value)]) },
    removeHeader (name: string) { removed.push(name) }
  }
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => { if (error !== undefined) throw error })
  return { set, removed }
}

async function protectionPlugin (app: FastifyInstance, options: ProtectionOptions) {
  app.addHook('onRoute', (route) => {
    if (route.config?.access === 'open') {
      route.config.rateLimit = false
    } else if (route.schema !== undefined) {
      route.schema = {
        ...route.schema,
        response: { ...route.schema.response as object, 429: problemResponse('Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds.') }
      } as typeof route.schema
    }
  })

  await app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    keyGenerator: (request) => request.grant === null ? `ip:${request.ip}` : `key:${request.grant.keyId}`,
    max: (request) => request.grant === null ? options.perIpPerMinute : options.perKeyPerMinute,
    errorResponseBuilder: (_request, context) => new ProblemError('RATE_LIMITED',
      `At most ${context.max} requests a minute are allowed; retry in ${context.after}.`)
  })

  // Helmet's security headers, set on every answer as helmet sets them (on the response itself, so that a route's own
  // header of the same name, e.g. the report page's policy, replaces it).
  const security = fixedHeaders(SECURITY_HEADERS)
  app.addHook('onRequest', (_request, reply, done) => {
    const response = reply.raw
    for (const [name, value] of security.set) response.setHeader(name, value)
    for (const name of security.removed) response.removeHeader(name)
    done()
  })

  await app.register(cors, {
    origin: options.corsOrigins === '*' ? '*' : [...options.corsOrigins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: CORS_REQUEST_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: 600
  })
}

export default fp(protectionPlugin, { name: 'protection', fastify: '5.x', dependencies: ['auth'] })
