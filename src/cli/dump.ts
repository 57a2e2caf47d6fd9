/**
 * `npm run db:dump -- <file>`: writes the data of every table to `<file>` as a plain SQL script (see
 * src/db/dump.ts), one consistent snapshot, safe while the service runs. Works on DATABASE_URL or, without
 * it, on the embedded database in DATA_DIR, attaching to it while `npm start` runs it.
 *
 * Restore into an empty database: `npm run db:migrate` on it, then `psql -v ON_ERROR_STOP=1 -f <file> <url>`.
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import pg from 'pg'
import { loadConfig } from '../config.js'
import { dumpData } from '../db/dump.js'
import { openEmbeddedPostgres } from '../db/embedded.js'

const USAGE = `Usage: npm run db:dump -- <file>
Writes every table's rows to <file> as SQL. Restore: npm run db:migrate on an empty database, then
psql -v ON_ERROR_STOP=1 -f <file> <database url>.
Uses DATABASE_URL, or the embedded database in DATA_DIR (also while the service runs on it).`

async function main (): Promise<number> {
  const [file, ...rest] = process.argv.slice(2)
  if (file === undefined || file.startsWith('-') || rest.length > 0) {
    console.error(USAGE)
    return 2
  }
  const config = loadConfig(process.env)
  const embedded = config.DATABASE_URL === undefined ? await openEmbeddedPostgres({ dataDir: config.DATA_DIR }) : undefined
  const client = new pg.Client({ connectionString: config.DATABASE_URL ?? embedded?.url })
  const output = createWriteStream(file, { flags: 'wx' })
  try {
    await once(output, 'open')
    await client.connect()
    const summary = await dumpData(client, async (text) => {
      if (!output.write(text)) await once(output, 'drain')
    })
    output.end()
    await finished(output)
    const rows = summary.tables.reduce((sum, table) => sum + table.rows, 0)
    console.log(`wrote ${rows} rows of ${summary.tables.length} tables to ${file} (schema at ${summary.migration ?? 'no migration'})`)
    return 0
  } catch (error) {
    output.destroy()
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      console.error(`${file} exists; choose another file (a dump never overwrites one)`)
      return 1
    }
    throw error
  } finally {
    await client.end().catch(() => {})
    await embedded?.stop()
  }
}

process.exitCode = await main()
