/** What a database error means to the service: that Postgres cannot serve now, rather than that a request is wrong. */

/** The code of a connection failure that the pg driver raises without a code of its own (see DatabaseUnavailableError). */
export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE'

/**
 * pg / Postgres errors meaning "the database cannot serve this right now", not "your request is wrong":
 * connection failures, shutdowns, too many connections, and statements cancelled by the timeout (57014).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE',
  '57P01', '57P02', '57P03', '57014', '53300', '08000', '08001', '08003', '08006',
  DATABASE_UNAVAILABLE
])

/**
 * A failure of the connection that pg reports with no code: the connection terminated, a statement on a client whose
 * connection failed, no pooled connection within the timeout. `src/db/connection.ts` makes it where pg raises them,
 * so that what they mean is decided by a code, never by the wording of pg's messages.
 */
export class DatabaseUnavailableError extends Error {
  readonly code = DATABASE_UNAVAILABLE

  constructor (cause: Error) {
    super(cause.message, { cause })
    this.name = 'DatabaseUnavailableError'
  }
}

/** A failure to get or keep a connection as the service reports it: pg's own code if it has one, else DATABASE_UNAVAILABLE. */
export function asConnectionFailure (error: unknown): unknown {
  const uncoded = error instanceof Error && (error as Error & { code?: unknown }).code === undefined
  return uncoded ? new DatabaseUnavailableError(error) : error
}

export function isDatabaseUnavailable (error: Error & { code?: string }): boolean {
  return error.code !== undefined && UNAVAILABLE_CODES.has(error.code)
}
