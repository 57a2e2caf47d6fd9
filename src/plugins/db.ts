/**
 * Decorates the app with `db`, the Kysely instance over a pg pool of the primary, and `dbRead`, the
 * one the read endpoints use (a read replica's, or the same), and destroys them on close.
 * @see https://kysely.dev/docs/getting-started
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Kysely } from 'kysely'
import { createDatabase } from '../db/connection.js'
import type { Database } from '../db/database.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The primary: every write, and reads that must see the latest write (keys, a write's own answer). */
    db: Kysely<Database>
    /** Where the read endpoints read: a replica when DATABASE_READ_URL is set, else the primary. */
    dbRead: Kysely<Database>
  }
}

export interface DbPluginOptions {
  readonly url: string
  /** A read replica's connection string, if any. */
  readonly readUrl?: string
  readonly poolMax: number
  /** Longest a statement may run, and a transaction stay idle (STATEMENT_TIMEOUT_MS). */
  readonly statementTimeoutMs: number
}

async function dbPlugin (app: FastifyInstance, options: DbPluginOptions) {
  const connect = (url: string) => createDatabase({ url, poolMax: options.poolMax, log: app.log, statementTimeoutMs: options.statementTimeoutMs })
  const db = connect(options.url)
  const dbRead = options.readUrl === undefined ? db : connect(options.readUrl)
  app.decorate('db', db)
  app.decorate('dbRead', dbRead)
  app.addHook('onClose', async () => {
    await db.destroy()
    if (dbRead !== db) await dbRead.destroy()
  })
}

export default fp(dbPlugin, { name: 'db', fastify: '5.x' })
