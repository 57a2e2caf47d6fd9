/** The audit trail: one entry per write, inserted in the write's own transaction. */
import type { Actor, AgencyMove, AuditAction, AuditEntry } from '../domain/access.js'
import type { Executor } from './executor.js'
import * as statements from './statements.js'

export interface AuditTarget {
  readonly action: AuditAction
  readonly reportId?: number
  readonly revision?: number
  readonly findingId?: number
  readonly subjectKeyId?: number
  readonly agencyCode?: string
  readonly details?: AgencyMove
}

export async function recordAudit (db: Executor, actor: Actor, targets: readonly AuditTarget[]): Promise<void> {
  if (targets.length === 0) return
  await statements.insertAuditEntries.run(db, [JSON.stringify(auditRows(actor, targets))])
}

/** The `audit_entry` rows of targets, in order, as `insertAuditEntries` reads them. */
export function auditRows (actor: Actor, targets: readonly AuditTarget[]): object[] {
  return targets.map((target, ordinal) => ({
    ordinal,
    action: target.action,
    key_id: actor.keyId,
    request_id: actor.requestId,
    client_request_id: actor.clientRequestId ?? null,
    report_id: target.reportId ?? null,
    revision: target.revision ?? null,
    finding_id: target.findingId ?? null,
    subject_key_id: target.subjectKeyId ?? null,
    agency_code: target.agencyCode ?? null,
    details: target.details ?? null
  }))
}

export interface AuditFilters {
  readonly keyId?: number
  readonly reportId?: number
  readonly action?: AuditAction
  readonly agencyCode?: string
}

/** Entries after `afterId`, oldest first; one more than `limit` is read to tell whether a page follows. */
export async function listAudit (db: Executor, filters: AuditFilters, afterId: number, limit: number): Promise<{ entries: AuditEntry[], hasMore: boolean }> {
  let query = db.selectFrom('audit_entry').selectAll().where('id', '>', String(afterId))
  if (filters.keyId !== undefined) query = query.where('key_id', '=', String(filters.keyId))
  if (filters.reportId !== undefined) query = query.where('report_id', '=', String(filters.reportId))
  if (filters.action !== undefined) query = query.where('action', '=', filters.action)
  if (filters.agencyCode !== undefined) query = query.where('agency_code', '=', filters.agencyCode)
  const rows = await query.orderBy('id').limit(limit + 1).execute()
  const nullableId = (value: string | null) => value === null ? null : Number(value)
  return {
    entries: rows.slice(0, limit).map((row) => ({
      id: Number(row.id),
      occurredAt: row.occurred_at,
      action: row.action as AuditAction,
      keyId: nullableId(row.key_id),
      requestId: row.request_id,
      clientRequestId: row.client_request_id,
      reportId: nullableId(row.report_id),
      revision: row.revision,
      findingId: nullableId(row.finding_id),
      subjectKeyId: nullableId(row.subject_key_id),
      agencyCode: row.agency_code,
      details: row.details as AgencyMove | null
    })),
    hasMore: rows.length > limit
  }
}
