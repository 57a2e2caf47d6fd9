/**
 * Decorates the app with `db`, the Kysely instance over a pg pool, and destroys it on close.
 * @see https://kysely.dev/docs/getting-started
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Kysely } from 'kysely'
import { createDatabase } from '../db/connection.js'
import type { Database } from '../db/database.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>
  }
}

export interface DbPluginOptions {
  readonly url: string
  readonly poolMax: number
}

async function dbPlugin (app: FastifyInstance, options: DbPluginOptions) {
  const db = createDatabase({ url: options.url, poolMax: options.poolMax, log: app.log })
  app.decorate('db', db)
  app.addHook('onClose', async () => await db.destroy())
}

export default fp(dbPlugin, { name: 'db', fastify: '5.x' })
