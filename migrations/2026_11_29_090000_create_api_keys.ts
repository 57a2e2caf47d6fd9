/**
 * API keys and the audit trail of writes. A key is stored as the SHA-256 digest of its secret, found
 * by its public lookup id; revoking keeps the row so that the audit trail still names it.
 * Additive only (new tables), so a running older version is unaffected.
 * Frozen in time: this file never imports from src/.
 */
import { type Kysely, sql } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_key')
    .ifNotExists()
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('lookup_id', 'text', (column) => column.notNull().unique())
    .addColumn('secret_digest', 'bytea', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('scopes', sql`text[]`, (column) => column.notNull())
    .addColumn('agency_codes', sql`text[]`, (column) => column.notNull().defaultTo(sql`'{}'`))
    .addColumn('region_prefixes', sql`text[]`, (column) => column.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute()

  await db.schema
    .createTable('audit_entry')
    .ifNotExists()
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('occurred_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('action', 'text', (column) => column.notNull())
    // Null when the command line acted (it holds the database credentials, not a key).
    .addColumn('key_id', 'bigint', (column) => column.references('api_key.id'))
    .addColumn('request_id', 'text')
    .addColumn('report_id', 'bigint')
    .addColumn('revision', 'integer')
    .addColumn('finding_id', 'bigint')
    .addColumn('subject_key_id', 'bigint')
    .execute()
  await db.schema.createIndex('audit_entry_key_idx').ifNotExists().on('audit_entry').columns(['key_id', 'id']).execute()
  await db.schema.createIndex('audit_entry_report_idx').ifNotExists().on('audit_entry').columns(['report_id', 'id']).execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_entry').ifExists().execute()
  await db.schema.dropTable('api_key').ifExists().execute()
}
