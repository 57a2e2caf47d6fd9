/**
 * Answers to POST requests sent with an `Idempotency-Key`, per API key: a retry gets the stored
 * answer instead of acting twice. Written in the same transaction as the write it answers.
 * Additive only (a new table), so a running older version is unaffected.
 * Frozen in time: this file never imports from src/.
 */
import { type Kysely, sql } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idempotency_record')
    .ifNotExists()
    .addColumn('key_id', 'bigint', (column) => column.notNull().references('api_key.id'))
    .addColumn('idempotency_key', 'text', (column) => column.notNull())
    // Digest of method, path and body: the same key with another request is refused.
    .addColumn('request_digest', 'text', (column) => column.notNull())
    .addColumn('status', 'integer', (column) => column.notNull())
    .addColumn('headers', 'jsonb', (column) => column.notNull())
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_record_pk', ['key_id', 'idempotency_key'])
    .execute()
  await db.schema.createIndex('idempotency_record_created_idx').ifNotExists().on('idempotency_record').column('created_at').execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_record').ifExists().execute()
}
