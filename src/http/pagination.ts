/** Keyset pagination: opaque cursors that name the last item of a page, and the next-page URL. */
import type { FastifyReply } from 'fastify'
import { CREDIT_CODE_PATTERN } from '../domain/credit-code.js'
import { invalidQueryParameter } from './problem.js'

/**
 * What a kind of cursor names, and which decoded values are one: a cursor arrives from the client, so
 * whatever it decodes to is checked here before it reaches a query (Postgres refuses a bigint of 1.5
 * or 1e21 with an error, not an empty page).
 */
export interface CursorKind<T extends string | number> {
  /** The position before the first item, when no cursor is sent. */
  readonly initial: T
  readonly accepts: (value: unknown) => value is T
}

/** A position among rows numbered by a bigint identity (reports, audit entries, feed events). */
export const ROW_ID_CURSOR: CursorKind<number> = {
  initial: 0,
  accepts: (value): value is number => Number.isSafeInteger(value) && (value as number) >= 0
}

/** The largest xid8, 2^64 − 1. */
const MAX_TRANSACTION_ID = 18_446_744_073_709_551_615n
const FEED_POSITION = /^(0|[1-9][0-9]{0,19})\.(0|[1-9][0-9]{0,15})$/

/**
 * A position in the change feed: `"<transaction id>.<event id>"`, the feed's order (src/db/feed-repository.ts). A
 * bare event id is a cursor issued before events were ordered by transaction, when they were numbered in commit
 * order: every one of those events sorts before the later ones, at transaction id 0.
 */
export const FEED_CURSOR: CursorKind<string | number> = {
  initial: 0,
  accepts: (value): value is string | number => {
    if (typeof value === 'number') return ROW_ID_CURSOR.accepts(value)
    if (typeof value !== 'string') return false
    const match = FEED_POSITION.exec(value)
    return match !== null && BigInt(match[1] ?? '') <= MAX_TRANSACTION_ID && Number.isSafeInteger(Number(match[2]))
  }
}

/** The transaction id and event id a feed cursor's position names (accepted by `FEED_CURSOR`). */
export function feedPositionOf (position: string | number): { transactionId: string, id: number } {
  if (typeof position === 'number') return { transactionId: '0', id: position }
  const [transactionId = '0', id = '0'] = position.split('.')
  return { transactionId, id: Number(id) }
}

/** The cursor value of a feed position. */
export function feedCursorValue (position: { transactionId: string, id: number }): string {
  return `${position.transactionId}.${position.id}`
}

const AGENCY_CODE = new RegExp(CREDIT_CODE_PATTERN)

/** A position among agencies, ordered by their 统一社会信用代码. */
export const AGENCY_CODE_CURSOR: CursorKind<string> = {
  initial: '',
  accepts: (value): value is string => typeof value === 'string' && AGENCY_CODE.test(value)
}

/** Encodes the sort key of the last item of a page. */
export function encodeCursor (key: string | number): string {
  return Buffer.from(JSON.stringify({ after: key }), 'utf8').toString('base64url')
}

function decodedPosition (cursor: string): unknown {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) return undefined
    const keys = Object.keys(decoded)
    return keys.length === 1 && keys[0] === 'after' ? (decoded as { after: unknown }).after : undefined
  } catch {
    return undefined
  }
}

/**
 * Decodes a cursor made by `encodeCursor` for this kind of list. Anything else (tampered, foreign, or
 * naming a position no list has) is a 400 pointing at the query parameter.
 */
export function decodeCursor<T extends string | number> (cursor: string | undefined, kind: CursorKind<T>, parameter = 'cursor'): T {
  if (cursor === undefined) return kind.initial
  const position = decodedPosition(cursor)
  if (kind.accepts(position)) return position
  throw invalidQueryParameter(parameter, 'is not a cursor from a previous page')
}

/** The URL of the next page: the current path and query with `cursor` replaced. */
export function nextPageUrl (requestUrl: string, cursor: string): string {
  const url = new URL(requestUrl, 'http://placeholder')
  url.searchParams.set('cursor', cursor)
  return `${url.pathname}${url.search}`
}

/**
 * The next page of a list whose page held `items` (sorted by `keyOf`): its URL, also sent as `Link: <…>; rel="next"`,
 * or null on the last page.
 */
export function nextPage<T> (reply: FastifyReply, requestUrl: string, items: readonly T[], hasMore: boolean, keyOf: (item: T) => string | number): string | null {
  const last = items.at(-1)
  if (!hasMore || last === undefined) return null
  const next = nextPageUrl(requestUrl, encodeCursor(keyOf(last)))
  reply.header('link', `<${next}>; rel="next"`)
  return next
}
