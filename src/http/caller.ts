/**
 * Who is calling: the grant of the request's API key, which the auth plugin sets and services judge writes and
 * reviews with, and the actor the audit trail records.
 */
import type { FastifyRequest } from 'fastify'
import type { Actor, Grant } from '../domain/access.js'
import { ProblemError } from '../problems.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The grant of the request's API key, or null when none was sent. */
    grant: Grant | null
  }
}

/** The `WWW-Authenticate` challenge of every 401. */
export const CHALLENGE = 'Bearer realm="reports"'

export const missingKey = () => new ProblemError('UNAUTHORIZED', 'This operation needs an API key: send `Authorization: Bearer <key>`.', {}, { 'www-authenticate': CHALLENGE })

/** Who is acting, for the audit trail. */
export function actorOf (request: FastifyRequest): Actor {
  return { keyId: request.grant?.keyId ?? null, requestId: request.id, clientRequestId: request.clientRequestId }
}

/** The request's grant, for a service to judge a write or review with; 401 when no key was sent (`imports?store=true`). */
export function grantOf (request: FastifyRequest): Grant {
  if (request.grant === null) throw missingKey()
  return request.grant
}
