/**
 * The audit trail keeps the id this service gave a request apart from the `x-request-id` its client sent
 * (`client_request_id`), and records admins' moves of agencies between regions: the agency, and the regions
 * from and to with the reason (`details`). The change feed gains `region_changed`, one event per report of a
 * moved agency. Additive only (new nullable columns, a wider check), so a running older version is unaffected.
 * Frozen in time: this file never imports from src/.
 */
import { type Kysely, sql } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_entry')
    .addColumn('client_request_id', 'text')
    .addColumn('agency_code', 'text')
    .addColumn('details', 'jsonb')
    .execute()
  await db.schema.createIndex('audit_entry_agency_idx').ifNotExists().on('audit_entry').columns(['agency_code', 'id']).execute()
  await sql`alter table report_event drop constraint if exists report_event_type_check`.execute(db)
  await sql`alter table report_event add constraint report_event_type_check
    check (type in ('revision_stored', 'findings_recomputed', 'region_changed'))`.execute(db)
}

export async function down (db: Kysely<any>): Promise<void> {
  await sql`delete from report_event where type = 'region_changed'`.execute(db)
  await sql`alter table report_event drop constraint if exists report_event_type_check`.execute(db)
  await sql`alter table report_event add constraint report_event_type_check check (type in ('revision_stored', 'findings_recomputed'))`.execute(db)
  await db.schema.dropIndex('audit_entry_agency_idx').ifExists().execute()
  await db.schema.alterTable('audit_entry').dropColumn('details').dropColumn('agency_code').dropColumn('client_request_id').execute()
}
