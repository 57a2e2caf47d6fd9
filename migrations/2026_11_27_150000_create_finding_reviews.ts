/**
 * Reviewers' decisions on findings, kept as a history. A decision is attached to the finding's
 * fingerprint (rule + cells) within its report, so it survives recomputation and new revisions.
 * Frozen in time: this file never imports from src/.
 */
import { type Kysely, sql } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('finding_review')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('report_id', 'bigint', (column) => column.notNull().references('report.id').onDelete('cascade'))
    .addColumn('fingerprint', 'text', (column) => column.notNull())
    .addColumn('decision', 'text', (column) => column.notNull().check(sql`decision in ('acknowledged', 'dismissed')`))
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('decided_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('finding_review_fingerprint_idx').on('finding_review').columns(['report_id', 'fingerprint', 'id']).execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('finding_review').execute()
}
