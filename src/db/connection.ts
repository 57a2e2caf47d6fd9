/** The Kysely instance over a pg pool: the one way the service reaches Postgres. */
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Logger } from 'pino'
import type { Database } from './database.js'

export interface ConnectionOptions {
  readonly url: string
  readonly poolMax?: number
  /** Where connection errors go: without a listener pg would crash the process when the server drops. */
  readonly log?: Pick<Logger, 'warn'>
  /**
   * For the service: a statement running longer is cancelled, and a transaction left idle longer is
   * ended by the server, so that nothing holds locks or connections forever. Migrations pass none.
   */
  readonly statementTimeoutMs?: number
}

/**
 * Creates a lazily connecting Kysely instance: nothing touches the network until the first query,
 * so the app can be built (e.g. to generate the OpenAPI document) with no database.
 */
export function createDatabase ({ url, poolMax = 10, log, statementTimeoutMs }: ConnectionOptions): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    ...(statementTimeoutMs === undefined ? {} : { statement_timeout: statementTimeoutMs, idle_in_transaction_session_timeout: statementTimeoutMs }),
    // Fail fast while the database is down instead of queueing requests indefinitely.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000
  })
  pool.on('error', (error) => log?.warn({ err: error }, 'idle database connection failed'))
  // pg-pool listens on a connection only while it is idle. When the server ends one that a request
  // holds (a restart, a failover), the 'error' would be unhandled and take the process down; the
  // request's own query fails anyway and is answered 503.
  pool.on('connect', (client) => {
    client.on('error', (error) => log?.warn({ err: error }, 'database connection failed'))
  })
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}
