/**
 * The one error handler: every error leaves as RFC 9457 `application/problem+json`.
 * Registered with fastify-plugin so it covers every route; 5xx details are logged, never sent.
 * @see https://www.rfc-editor.org/rfc/rfc9457
 * @see https://fastify.dev/docs/latest/Reference/Errors/
 */
import { randomUUID } from 'node:crypto'
import type { Duplex } from 'node:stream'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { DomainError } from '../domain/errors.js'
import { PROBLEMS, ProblemError, type ProblemCode } from '../problems.js'
import type { ValidationIssue } from '../http/compiled-checks.js'
import { isDatabaseUnavailable } from '../db/errors.js'
import { toFieldErrors } from '../http/field-errors.js'
import { invalidFields, problemDocument, type ProblemParts } from '../http/problem.js'

/** Seconds a client should wait before retrying while the database is unreachable. */
const RETRY_AFTER_SECONDS = 5

/** Fastify's own client errors, by code. */
const FASTIFY_CODES: Readonly<Record<string, ProblemCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'BAD_REQUEST'
}

/** A problem with the headers its answer carries. */
interface Answer extends ProblemParts {
  readonly headers?: Readonly<Record<string, string>>
}

function classify (error: FastifyError): Answer {
  if (error instanceof ProblemError || error instanceof DomainError) return error
  if (Array.isArray(error.validation)) {
    const location = error.validationContext ?? 'body'
    return invalidFields(location, toFieldErrors(error.validation as ValidationIssue[], location))
  }
  const fastifyCode = error.code === undefined ? undefined : FASTIFY_CODES[error.code]
  if (fastifyCode !== undefined) return { code: fastifyCode, detail: error.message }
  if (isDatabaseUnavailable(error)) {
    return { code: 'SERVICE_UNAVAILABLE', detail: 'The database is unavailable; retry later.', headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } }
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return { code: 'BAD_REQUEST', detail: error.message }
  }
  return { code: 'INTERNAL_ERROR' }
}

/** What Node's HTTP parser refused, by its error code; anything else it refuses is a plain 400. */
function classifyClientError (code: string | undefined): ProblemParts {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { code: 'REQUEST_TIMEOUT', detail: 'The request was not received in time.' }
    case 'HPE_HEADER_OVERFLOW':
      return { code: 'HEADERS_TOO_LARGE', detail: 'The request line and headers exceed the size the server accepts.' }
    default:
      return {
        code: 'BAD_REQUEST',
        detail: 'The request is not valid HTTP/1.1. A URL may hold only ASCII: percent-encode anything else ' +
          '(curl -G --data-urlencode \'agencyName=…\', or encodeURIComponent).'
      }
  }
}

/**
 * For Fastify's `clientErrorHandler` option: requests that Node's HTTP parser refuses before any route
 * sees them (raw non-ASCII in the URL, oversized headers, a header timeout) also get a problem document,
 * with a request id, and a log line, instead of Fastify's bare JSON. The connection is closed after it,
 * as the parser cannot find where the next request would start.
 */
export function clientErrorHandler (typeBase: string) {
  return function answerClientError (this: FastifyInstance, error: Error & { code?: string }, socket: Duplex): void {
    if (error.code === 'ECONNRESET' || socket.destroyed) return
    const requestId = randomUUID()
    const problem = problemDocument(typeBase, classifyClientError(error.code), { requestId })
    this.log.info({ reqId: requestId, statusCode: problem.status, code: problem.code, parserError: error.code, remoteAddress: (socket as { remoteAddress?: string }).remoteAddress }, 'request refused by the HTTP parser')
    if (socket.writable) {
      const body = JSON.stringify(problem)
      socket.write(`HTTP/1.1 ${problem.status} ${problem.title}\r\n` +
        'content-type: application/problem+json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${requestId}\r\n` +
        'connection: close\r\n\r\n' +
        body)
    }
    socket.destroy(error)
  }
}

export interface ProblemDetailsOptions {
  /** Base URI of problem types, ending in `/`. */
  readonly typeBase: string
}

async function problemDetailsPlugin (app: FastifyInstance, options: ProblemDetailsOptions) {
  function send (request: FastifyRequest, reply: FastifyReply, answer: Answer) {
    const problem = problemDocument(options.typeBase, answer, { requestId: request.id, instance: request.url })
    return reply.code(problem.status).headers(answer.headers ?? {}).type('application/problem+json').send(problem)
  }

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const answer = classify(error)
    const status = PROBLEMS[answer.code].status
    if (status >= 500) {
      request.log.error({ err: error, reqId: request.id, method: request.method, url: request.url }, 'request failed')
    } else {
      request.log.info({ code: answer.code, status }, error.message)
    }
    return send(request, reply, answer)
  })

  app.setNotFoundHandler((request, reply) =>
    send(request, reply, { code: 'NOT_FOUND', detail: `No route ${request.method} ${request.url.split('?')[0]}` }))
}

export default fp(problemDetailsPlugin, { name: 'problem-details', fastify: '5.x' })
