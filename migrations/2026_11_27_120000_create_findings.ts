/**
 * The results of checking each revision: its findings (one row each, filterable) and its analysis
 * (status, counts by severity, and the year-over-year changes against the prior year's report).
 * Frozen in time: this file never imports from src/.
 */
import { type Kysely, sql } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_analysis')
    .addColumn('report_id', 'bigint', (column) => column.notNull())
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('clean', 'warnings', 'errors')`))
    .addColumn('error_count', 'integer', (column) => column.notNull())
    .addColumn('warning_count', 'integer', (column) => column.notNull())
    .addColumn('info_count', 'integer', (column) => column.notNull())
    .addColumn('not_assessable_count', 'integer', (column) => column.notNull())
    // The prior year's report (and revision) the cross-year rules and changes were computed against.
    .addColumn('previous_report_id', 'bigint', (column) => column.references('report.id').onDelete('set null'))
    .addColumn('previous_revision', 'integer')
    .addColumn('year_over_year', 'jsonb')
    .addColumn('computed_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('report_analysis_pk', ['report_id', 'revision'])
    .addForeignKeyConstraint('report_analysis_revision_fk', ['report_id', 'revision'], 'report_revision', ['report_id', 'revision'], (fk) => fk.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('report_analysis_status_idx').on('report_analysis').columns(['status', 'report_id']).execute()

  await db.schema
    .createTable('finding')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('report_id', 'bigint', (column) => column.notNull())
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('ordinal', 'integer', (column) => column.notNull())
    .addColumn('rule_id', 'text', (column) => column.notNull())
    .addColumn('severity', 'text', (column) => column.notNull().check(sql`severity in ('error', 'warning', 'info')`))
    .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('failed', 'not_assessable')`))
    .addColumn('message', 'text', (column) => column.notNull())
    .addColumn('message_en', 'text', (column) => column.notNull())
    .addColumn('pointers', 'jsonb', (column) => column.notNull())
    .addColumn('expected', 'jsonb')
    .addColumn('actual', 'jsonb')
    .addColumn('difference', 'jsonb')
    .addColumn('context', 'jsonb', (column) => column.notNull())
    // Rule and cells: stays the same when the finding is recomputed, so reviews can follow it.
    .addColumn('fingerprint', 'text', (column) => column.notNull())
    .addForeignKeyConstraint('finding_analysis_fk', ['report_id', 'revision'], 'report_analysis', ['report_id', 'revision'], (fk) => fk.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('finding_report_revision_idx').on('finding').columns(['report_id', 'revision', 'ordinal']).execute()
  await db.schema.createIndex('finding_rule_idx').on('finding').columns(['rule_id', 'status', 'report_id']).execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('finding').execute()
  await db.schema.dropTable('report_analysis').execute()
}
