/** The Kysely instance over a pg pool: the one way the service reaches Postgres. */
import { Kysely, type PostgresCursor, PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely'
import pg from 'pg'
import type { Logger } from 'pino'
import type { Database } from './database.js'
import { asConnectionFailure } from './errors.js'
import { preparedStatementName } from './prepared.js'

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
  // A dropped connection is an event of the database (a restart, a failover, Ctrl-C reaching the embedded
  // Postgres too), not a bug here: one line with its code says it. The error's stack points into pg, and pg
  // hangs the connection object on it, which a logger would dump whole.
  const logDropped = (error: Error & { code?: string }) =>
    log?.warn({ code: error.code, reason: error.message }, 'a database connection was closed by the server')
  pool.on('error', logDropped)
  // pg-pool listens on a connection only while it is idle. When the server ends one that a request
  // holds (a restart, a failover), the 'error' would be unhandled and take the process down; the
  // request's own query fails anyway and is answered 503.
  pool.on('connect', (client) => { client.on('error', logDropped) })
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) })
}

/**
 * A pooled connection as Kysely's driver uses it, which runs the texts registered in `prepared.ts` (by
 * `prepareStatement` and `fixedStatement`) as named statements: the driver passes only a text and its
 * values, and pg prepares a statement once per connection only when given a name. pg remembers what each
 * connection has prepared, so a new connection (or one replacing a connection the server dropped) prepares
 * it again on first use. Rows are parsed as for any other statement, and every other statement runs
 * unnamed, as before.
 */
class PreparingClient implements PostgresPoolClient {
  /** Whether the connection failed or the server ended it: pg then fails its statements without a code. */
  private lost = false

  constructor (private readonly client: pg.PoolClient) {
    // pg emits these before it fails the statements they cut off, so `lost` is set when their errors arrive.
    const markLost = () => { this.lost = true }
    client.on('error', markLost)
    client.on('end', markLost)
  }

  query<R> (sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>
  query<R> (cursor: PostgresCursor<R>): PostgresCursor<R>
  query<R> (sqlOrCursor: string | PostgresCursor<R>, parameters: readonly unknown[] = []): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // Cursors (streaming) are handed over as they are; this service configures none.
    if (typeof sqlOrCursor !== 'string') return this.client.query(sqlOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>
    const name = preparedStatementName(sqlOrCursor)
    const values = parameters as unknown[]
    const result = name === undefined ? this.client.query(sqlOrCursor, values) : this.client.query({ name, text: sqlOrCursor, values })
    return result.catch((error: unknown) => { throw this.lost ? asConnectionFailure(error) : error }) as unknown as Promise<PostgresQueryResult<R>>
  }

  release (destroy?: boolean): void {
    this.client.release(destroy)
  }
}

/** The pool as Kysely sees it: the same connections, each wrapped once (Kysely keeps state per connection object). */
function preparingPool (pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PreparingClient>()
  return {
    async connect () {
      const client = await pool.connect().catch((error: unknown) => { throw asConnectionFailure(error) })
      let connection = wrapped.get(client)
      if (connection === undefined) {
        connection = new PreparingClient(client)
        wrapped.set(client, connection)
      }
      return connection
    },
    end: async () => await pool.end()
  }
}
