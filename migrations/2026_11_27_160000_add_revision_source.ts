/**
 * The published text a revision was imported from (HTML or plain text), kept with it as evidence.
 * Additive: nullable columns, so a running older version is unaffected.
 * Frozen in time: this file never imports from src/.
 */
import { type Kysely, sql } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report_revision')
    .addColumn('source_text', 'text')
    .addColumn('source_format', 'text', (column) => column.check(sql`source_format in ('text', 'html')`))
    .execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report_revision').dropColumn('source_text').dropColumn('source_format').execute()
}
