/**
 * The change feed. A reader pages through it by position and must never pass an event that commits later, nor see
 * one twice. Events are therefore ordered by the id of the transaction that wrote them (`pg_current_xact_id()`,
 * stored with each), then by their own id, and a reader is given only those below its snapshot's watermark
 * (`report_feed_watermark()`, migration 2026_12_04_090000: the lowest id of a transaction of this database still
 * running): every transaction with a lower id has finished by then, and one that starts later gets a higher id, so
 * no event can ever appear behind a position once it was reached. Writers take no lock for it: each appends and
 * commits while others do; a reader waits for the oldest transaction still writing to finish.
 *
 * A report's writers hold its agency's lock (analysis-repository.ts `lockAgencies`) before their first write, which
 * is when a transaction gets its id, so a report's revisions are in the feed in the order they were stored.
 *
 * Event ids are unique but need not increase in that order: a transaction that began writing earlier and commits
 * later has the lower transaction id and may have the higher event ids.
 */
import type { ReportKind } from '../domain/report.js'
import type { Executor } from './executor.js'
import * as statements from './statements.js'

export type ReportEventType = 'revision_stored' | 'findings_recomputed' | 'region_changed'

/** A position in the feed: after the event of this transaction id (xid8, as decimal text) and id. */
export interface FeedPosition {
  readonly transactionId: string
  readonly id: number
}

/** The position before the first event. */
export const FEED_START: FeedPosition = { transactionId: '0', id: 0 }

export interface ReportEvent {
  readonly id: number
  /** Where the event is in the feed: a reader that has passed it resumes from here. */
  readonly position: FeedPosition
  readonly type: ReportEventType
  readonly reportId: number
  readonly revision: number
  readonly occurredAt: Date
  readonly agencyCode: string
  readonly year: number
  readonly kind: ReportKind
  readonly status: string | null
}

/** Appends events in the order given, in the feed position of the executor's transaction. */
export async function appendEvents (db: Executor, events: ReadonlyArray<{ type: ReportEventType, reportId: number, revision: number }>): Promise<void> {
  if (events.length === 0) return
  await statements.appendEvents.run(db, [JSON.stringify(eventRows(events))])
}

/** The `report_event` rows of events, in order, as `appendEvents` reads them. */
export function eventRows (events: ReadonlyArray<{ type: ReportEventType, reportId: number, revision: number }>): object[] {
  return events.map((event, ordinal) => ({ ordinal, type: event.type, report_id: event.reportId, revision: event.revision }))
}

/**
 * What a snapshot sees of the feed, and so of the stored reports, since every write of a report appends to the feed
 * in its transaction: the highest transaction id of an event below the snapshot's watermark (`settled`: it sees every
 * event up to there, and no other can appear there), and how many events it sees from there on. It changes only
 * when events do, not with every transaction that moves the watermark.
 */
export interface FeedVersion {
  readonly settled: bigint
  readonly above: number
}

/**
 * The feed version the executor's snapshot sees. Snapshots only ever see more: a later one's watermark is at least
 * an earlier one's, so its `settled` is too, and with the same `settled` it sees every event the earlier one did
 * from there on, and as many or more. So two snapshots of the same version see the same events, hence the same
 * stored reports (what a cached rollup is checked against), and of two versions the greater
 * (`compareFeedVersions`) is the later snapshot's.
 */
export async function feedVersion (db: Executor): Promise<FeedVersion> {
  const [row] = await statements.feedVersion.run(db, [])
  if (row === undefined) throw new Error('the feed version statement returned no row')
  return { settled: BigInt(row.settled), above: row.above }
}

/** Negative when `a` is older than `b`, 0 when they see the same events, positive when `a` is newer. */
export function compareFeedVersions (a: FeedVersion, b: FeedVersion): number {
  if (a.settled !== b.settled) return a.settled < b.settled ? -1 : 1
  return a.above - b.above
}

/**
 * Events after `after` in feed order, each with the report it names and its status at that revision; only events
 * whose transaction, and every transaction before it, has finished (see the top of this file).
 */
export async function listEvents (db: Executor, after: FeedPosition, limit: number): Promise<{ events: ReportEvent[], hasMore: boolean }> {
  const rows = await statements.feedEvents.run(db, [after.transactionId, String(after.id), limit + 1])
  return {
    events: rows.slice(0, limit).map((row) => ({
      id: Number(row.id),
      position: { transactionId: row.transaction_id, id: Number(row.id) },
      type: row.type as ReportEventType,
      reportId: Number(row.report_id),
      revision: row.revision,
      occurredAt: row.occurred_at,
      agencyCode: row.agency_code,
      year: row.year,
      kind: row.kind as ReportKind,
      status: row.status
    })),
    hasMore: rows.length > limit
  }
}
