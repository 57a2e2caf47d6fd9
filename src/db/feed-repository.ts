/**
 * The change feed. Event ids must follow commit order, or a reader polling `id > cursor` could pass
 * an id whose transaction commits later and never see it. Writers therefore take one lock just
 * before inserting their events and keep it until they commit: ids are handed out in commit order.
 */
import type { ReportKind } from '../domain/report.js'
import type { Executor } from './executor.js'
import * as statements from './statements.js'

/** Arbitrary constant key of the feed's advisory lock. */
const FEED_LOCK = 727_001

export type ReportEventType = 'revision_stored' | 'findings_recomputed' | 'region_changed'

export interface ReportEvent {
  readonly id: number
  readonly type: ReportEventType
  readonly reportId: number
  readonly revision: number
  readonly occurredAt: Date
  readonly agencyCode: string
  readonly year: number
  readonly kind: ReportKind
  readonly status: string | null
}

/**
 * Appends events; call it as the transaction's last statement, since the feed lock it takes is held
 * until commit and serialises every writer from here on.
 */
export async function appendEvents (db: Executor, events: ReadonlyArray<{ type: ReportEventType, reportId: number, revision: number }>): Promise<void> {
  if (events.length === 0) return
  await statements.appendEvents.run(db, [FEED_LOCK, JSON.stringify(events.map((event, ordinal) =>
    ({ ordinal, type: event.type, report_id: event.reportId, revision: event.revision })))])
}

/**
 * The id of the latest event the executor's snapshot sees, 0 before the first. Ids follow commit order, so two
 * snapshots that see the same latest id see the same stored reports: what a cached rollup is checked against.
 */
export async function latestEventId (db: Executor): Promise<number> {
  const row = await db.selectFrom('report_event').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst()
  return Number(row?.id ?? 0)
}

/** Events after `afterId`, oldest first, with the report each names and its status at that revision. */
export async function listEvents (db: Executor, afterId: number, limit: number): Promise<{ events: ReportEvent[], hasMore: boolean }> {
  const rows = await db.selectFrom('report_event')
    .innerJoin('report', 'report.id', 'report_event.report_id')
    .leftJoin('report_analysis', (join) => join
      .onRef('report_analysis.report_id', '=', 'report_event.report_id')
      .onRef('report_analysis.revision', '=', 'report_event.revision'))
    .select([
      'report_event.id', 'report_event.type', 'report_event.report_id', 'report_event.revision', 'report_event.occurred_at',
      'report.agency_code', 'report.year', 'report.kind', 'report_analysis.status'
    ])
    .where('report_event.id', '>', String(afterId))
    .orderBy('report_event.id')
    .limit(limit + 1)
    .execute()
  return {
    events: rows.slice(0, limit).map((row) => ({
      id: Number(row.id),
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
