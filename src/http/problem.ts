/**
 * The one place problem documents (RFC 9457) are made: the error handler's answers, the HTTP parser's refusals and
 * the rejected lines of a bulk upload all come from `problemDocument`, so that one code has one `type`, `title` and
 * `status` wherever a client meets it. Invalid fields are one problem too, whichever check found them.
 * @see https://www.rfc-editor.org/rfc/rfc9457
 */
import { PROBLEMS, ProblemError, problemSlug, type ProblemCode } from '../problems.js'
import type { Problem } from '../schemas/problem.js'
import type { FieldError } from './field-errors.js'

/** What one occurrence of a problem says beyond its code's catalogue entry. */
export interface ProblemParts {
  readonly code: ProblemCode
  readonly detail?: string
  readonly extensions?: Readonly<Record<string, unknown>>
}

/** The request a problem answers, when it answers one (a bulk line's problem is part of a larger answer). */
export interface ProblemOccurrence {
  readonly requestId?: string
  /** The request path. */
  readonly instance?: string
}

/** The problem document of one occurrence; `typeBase` is the configured base URI of problem types, ending in `/`. */
export function problemDocument (typeBase: string, parts: ProblemParts, { requestId, instance }: ProblemOccurrence = {}): Problem {
  const { status, title } = PROBLEMS[parts.code]
  return {
    type: `${typeBase}${problemSlug(parts.code)}`,
    title,
    status,
    ...(parts.detail === undefined ? {} : { detail: parts.detail }),
    ...(instance === undefined ? {} : { instance }),
    code: parts.code,
    ...(requestId === undefined ? {} : { requestId }),
    ...parts.extensions
  }
}

/** Invalid fields of one part of a request, each with its JSON Pointer: what a schema refused, or a constraint beyond it. */
export function invalidFields (location: FieldError['location'], errors: readonly FieldError[]): ProblemError {
  return new ProblemError('VALIDATION_ERROR', `${errors.length} invalid field${errors.length === 1 ? '' : 's'} in the ${location}`, { errors })
}

/** A query parameter that a route checks itself, answered as the schema's own errors are. */
export function invalidQueryParameter (parameter: string, detail: string): ProblemError {
  return new ProblemError('VALIDATION_ERROR', `Invalid query parameter \`${parameter}\`: ${detail}.`, {
    errors: [{ pointer: `/${parameter}`, location: 'querystring', detail }]
  })
}
