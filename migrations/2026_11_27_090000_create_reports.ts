/**
 * Agencies, reports and every revision of each report.
 * Frozen in time: this file never imports from src/ (the Kysely migration guidance).
 */
import { type Kysely, sql } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agency')
    .addColumn('code', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    // "C" collation lets a plain btree index serve prefix searches (region LIKE '3305%').
    .addColumn('region_code', sql`text collate "C"`, (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('agency_region_code_idx').on('agency').column('region_code').execute()

  await db.schema
    .createTable('report')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('agency_code', 'text', (column) => column.notNull().references('agency.code'))
    .addColumn('year', 'integer', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('agency', 'government')`))
    .addColumn('template', 'text', (column) => column.notNull().check(sql`template in ('2021', '2019')`))
    .addColumn('region_code', sql`text collate "C"`, (column) => column.notNull())
    .addColumn('current_revision', 'integer', (column) => column.notNull().defaultTo(1))
    // Bumped on every change to the report resource (a revision, later also recomputed results): the ETag.
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('report_natural_key', ['agency_code', 'year', 'kind'])
    .execute()
  await db.schema.createIndex('report_region_code_idx').on('report').columns(['region_code', 'id']).execute()
  await db.schema.createIndex('report_year_idx').on('report').columns(['year', 'id']).execute()

  await db.schema
    .createTable('report_revision')
    .addColumn('report_id', 'bigint', (column) => column.notNull().references('report.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('body', 'jsonb', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('report_revision_pk', ['report_id', 'revision'])
    .execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_revision').execute()
  await db.schema.dropTable('report').execute()
  await db.schema.dropTable('agency').execute()
}
