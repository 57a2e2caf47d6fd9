/**
 * A data-only dump of the service's tables as a plain SQL script, for `npm run db:dump`: it needs no `pg_dump`
 * (the embedded Postgres ships none, and an older `pg_dump` refuses a newer server), and any `psql` restores it
 * into a database migrated to the same schema.
 *
 * The rows are read in one repeatable-read, read-only transaction, so the dump is one consistent snapshot even
 * while the service writes. Postgres itself writes every value (each row as JSON
 * turned back into the table's row type, quoted by `quote_literal`), so no value is quoted here, only the catalog's
 * table and column names; a cursor keeps memory flat.
 */
import type pg from 'pg'

/** Tables the migrations own: the target has them already, filled by `npm run db:migrate`. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock'])
const ROWS_PER_FETCH = 1000

export interface DumpSummary {
  readonly migration: string | null
  readonly tables: ReadonlyArray<{ readonly name: string, readonly rows: number }>
}

/** Orders tables so that every table comes after those its foreign keys refer to. */
function referencedFirst (tables: readonly string[], references: ReadonlyArray<{ from: string, to: string }>): string[] {
  const ordered: string[] = []
  const visiting = new Set<string>()
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return
    visiting.add(table)
    for (const { from, to } of references) if (from === table && to !== table) visit(to)
    ordered.push(table)
  }
  for (const table of tables) visit(table)
  return ordered
}

export async function dumpData (client: pg.ClientBase, write: (text: string) => Promise<void>): Promise<DumpSummary> {
  await client.query('begin isolation level repeatable read read only')
  try {
    const { rows: tableRows } = await client.query<{ name: string }>(`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`)
    const tables = tableRows.map((row) => row.name).filter((name) => !MIGRATION_TABLES.has(name))
    const { rows: references } = await client.query<{ from: string, to: string }>(`
      select c.conrelid::regclass::text as from, c.confrelid::regclass::text as to
      from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`)
    const { rows: [latest] } = await client.query<{ name: string | null }>('select max(name) as name from kysely_migration')
    const migration = latest?.name ?? null

    await write('-- gov-disclosure-reports: data of every table, written by `npm run db:dump`.\n' +
      `-- Restore into an empty database migrated to ${migration ?? '(none)'}: npm run db:migrate, then psql -v ON_ERROR_STOP=1 -f <this file>.\n` +
      "set client_encoding = 'UTF8';\nset standard_conforming_strings = on;\nbegin;\n")
    // Refuse a target whose schema is another release's: the rows would not fit it.
    await write(`do $$ begin if (select max(name) from kysely_migration) is distinct from ${quoteLiteral(migration)} then ` +
      `raise exception 'this dump needs a database migrated to ${migration ?? '(none)'}: run npm run db:migrate on an empty database first'; end if; end $$;\n`)

    const summary: Array<{ name: string, rows: number }> = []
    for (const table of referencedFirst(tables, references)) {
      const { rows: columns } = await client.query<{ name: string }>(`
        select attname as name from pg_attribute
        where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`, [table])
      const list = columns.map((column) => quoteIdentifier(column.name)).join(', ')
      const into = `insert into ${quoteIdentifier(table)} (${list}) overriding system value select ${list} from json_populate_record(null::${quoteIdentifier(table)}, `
      // One INSERT per row: the row as JSON, quoted by Postgres (quote_literal), read back as the table's row type.
      await client.query(`declare dump_rows no scroll cursor for select quote_literal(row_to_json(t)::text) as row from ${quoteIdentifier(table)} t`)
      let count = 0
      for (;;) {
        const { rows } = await client.query<{ row: string }>(`fetch ${ROWS_PER_FETCH} from dump_rows`)
        if (rows.length === 0) break
        count += rows.length
        await write(rows.map((row) => `${into}${row.row});`).join('\n') + '\n')
      }
      await client.query('close dump_rows')
      summary.push({ name: table, rows: count })
    }
    const { rows: sequences } = await client.query<{ statement: string }>(`
      select format('select pg_catalog.setval(%L, %s, true);', schemaname || '.' || sequencename, last_value) as statement
      from pg_sequences where schemaname = 'public' and last_value is not null order by sequencename`)
    await write(sequences.map((row) => row.statement).join('\n') + (sequences.length > 0 ? '\n' : '') + 'commit;\n')
    return { migration, tables: summary }
  } finally {
    await client.query('rollback')
  }
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`
const quoteLiteral = (value: string | null) => value === null ? 'null' : `'${value.replaceAll("'", "''")}'`
