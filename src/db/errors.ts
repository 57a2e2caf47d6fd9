/** What a database error means to the service: that Postgres cannot serve now, rather than that a request is wrong. */

/**
 * pg / Postgres errors meaning "the database cannot serve this right now", not "your request is wrong":
 * connection failures, shutdowns, too many connections, and statements cancelled by the timeout (57014).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE',
  '57P01', '57P02', '57P03', '57014', '53300', '08000', '08001', '08003', '08006'
])

export function isDatabaseUnavailable (error: Error & { code?: string }): boolean {
  return (error.code !== undefined && UNAVAILABLE_CODES.has(error.code)) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(error.message)
}
