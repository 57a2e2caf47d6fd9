/** Keyset pagination: opaque cursors that name the last item of a page, and the next-page URL. */
import { ProblemError } from '../problems.js'

/** Encodes the sort key of the last item of a page. */
export function encodeCursor (key: string | number): string {
  return Buffer.from(JSON.stringify({ after: key }), 'utf8').toString('base64url')
}

/** Decodes a cursor made by `encodeCursor`; a tampered or foreign cursor is a 400 on the query parameter. */
export function decodeCursor<T extends string | number> (cursor: string | undefined, initial: T, parameter = 'cursor'): T {
  if (cursor === undefined) return initial
  try {
    const { after } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown }
    if (typeof after === typeof initial) return after as T
  } catch {}
  throw new ProblemError('VALIDATION_ERROR', 'The cursor is not one this API issued.', {
    errors: [{ pointer: `/${parameter}`, location: 'querystring', detail: 'is not a cursor from a previous page' }]
  })
}

/** The URL of the next page: the current path and query with `cursor` replaced. */
export function nextPageUrl (requestUrl: string, cursor: string): string {
  const url = new URL(requestUrl, 'http://placeholder')
  url.searchParams.set('cursor', cursor)
  return `${url.pathname}${url.search}`
}
