/**
 * API keys. Every route declares its access in `config.access`: `read` (public unless READ_ACCESS=key),
 * or a scope a key must hold. Routes outside /v1 (health, docs, problem pages) are open, and a /v1 route
 * that changes something must declare its scope, or the app refuses to start: nothing becomes writable
 * by omission. The route schemas gain the matching `security` and 401/403 responses for the contract.
 *
 * Which agencies and regions a key covers is judged by the services, inside each write's transaction against
 * the locked rows; handlers pass them the request's grant (`grantOf`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { findActiveKey } from '../db/api-key-repository.js'
import { type Grant, hasScope, type Scope } from '../domain/access.js'
import { FailedAttempts } from '../auth/failed-attempts.js'
import { bearerToken, parseToken, secretMatches } from '../auth/tokens.js'
import { CHALLENGE, missingKey } from '../http/caller.js'
import { ProblemError } from '../problems.js'
import { problemResponse } from '../schemas/problem.js'

export type Access = 'open' | 'read' | Scope

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; see src/plugins/auth.ts. */
    access?: Access
  }
}

export interface AuthOptions {
  /** Whether reads need a key too (READ_ACCESS=key). */
  readonly readsNeedKey: boolean
  /** Failed authentications one client address may make a minute before its keys are refused unchecked. */
  readonly failuresPerIpPerMinute: number
}

export const SECURITY_SCHEME = 'apiKey'

const invalidKey = () => new ProblemError('UNAUTHORIZED', 'The API key is not valid.', {}, { 'www-authenticate': `${CHALLENGE}, error="invalid_token"` })
const forbidden = (detail: string) => new ProblemError('FORBIDDEN', detail)
const tooManyFailures = (waitMs: number) => {
  const seconds = Math.ceil(waitMs / 1000)
  return new ProblemError('RATE_LIMITED', `Too many requests from this address sent a key that is not valid; retry in ${seconds} seconds.`, {}, { 'retry-after': String(seconds) })
}

function describeAccess (access: Access, readsNeedKey: boolean): string {
  if (access === 'read') return readsNeedKey ? 'Needs an API key (any scope).' : 'Public; an API key, if sent, must be valid.'
  return `Needs an API key with the \`${access}\` scope.`
}

async function authPlugin (app: FastifyInstance, options: AuthOptions) {
  app.decorateRequest('grant', null)
  const failures = new FailedAttempts({ maxFailures: options.failuresPerIpPerMinute, windowMs: 60_000 })

  app.addHook('onRoute', (route) => {
    const writes = !['GET', 'HEAD'].includes(String(route.method))
    route.config ??= {}
    if (route.config.access === undefined) {
      if (route.url.startsWith('/v1/') && writes) throw new Error(`${String(route.method)} ${route.url} must declare config.access`)
      route.config.access = route.url.startsWith('/v1/') ? 'read' : 'open'
    }
    const access = route.config.access
    if (access === 'open' || route.schema === undefined) return
    const keyRequired = access !== 'read' || options.readsNeedKey
    route.schema = {
      ...route.schema,
      description: `${route.schema.description ?? ''}\n\n${describeAccess(access, options.readsNeedKey)}`.trim(),
      security: keyRequired ? [{ [SECURITY_SCHEME]: [] }] : [{}, { [SECURITY_SCHEME]: [] }],
      response: {
        ...route.schema.response as object,
        401: problemResponse(keyRequired ? 'No API key, or one that is not valid (`UNAUTHORIZED`).' : 'The API key sent is not valid (`UNAUTHORIZED`).'),
        ...(access === 'read' ? {} : { 403: problemResponse('The API key does not cover this operation (`FORBIDDEN`).') })
      }
    } as typeof route.schema
  })

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access ?? 'open'
    if (access === 'open') return
    const header = request.headers.authorization
    if (header !== undefined) request.grant = await authenticate(request, header)
    if (request.grant === null) {
      if (access === 'read' && !options.readsNeedKey) return
      throw missingKey()
    }
    if (access !== 'read' && !hasScope(request.grant, access)) throw forbidden('This API key may not perform this operation.')
  })

  /**
   * The grant of a valid key. Every key refused counts against the client's address (the per-key and
   * per-IP rate limits cannot: they run after authentication), and an address over its limit is refused
   * before its key is parsed or looked up.
   */
  async function authenticate (request: FastifyRequest, header: string): Promise<Grant> {
    const wait = failures.waitFor(request.ip)
    if (wait > 0) throw tooManyFailures(wait)
    const parsed = parseToken(bearerToken(header) ?? '')
    if (parsed === undefined) {
      failures.record(request.ip)
      throw invalidKey()
    }
    const stored = await findActiveKey(app.db, parsed.lookupId)
    if (stored === undefined || !secretMatches(parsed.secret, stored.secretDigest)) {
      failures.record(request.ip)
      request.log.info({ lookupId: parsed.lookupId }, 'API key refused')
      throw invalidKey()
    }
    request.log.debug({ keyId: stored.grant.keyId }, 'API key accepted')
    return stored.grant
  }
}

export default fp(authPlugin, { name: 'auth', fastify: '5.x', dependencies: ['db'] })
