/**
 * The change feed: one row per stored revision and per recomputed finding set, numbered in commit
 * order (writers take a lock before inserting their events, held until they commit).
 * Frozen in time: this file never imports from src/.
 */
import { type Kysely, sql } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_event')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('type', 'text', (column) => column.notNull().check(sql`type in ('revision_stored', 'findings_recomputed')`))
    .addColumn('report_id', 'bigint', (column) => column.notNull().references('report.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('occurred_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_event').execute()
}
