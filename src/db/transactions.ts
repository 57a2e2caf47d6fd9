/**
 * The unit of work a write use case runs in: one transaction, committed or rolled back as a whole. The caller hands
 * the service its unit of work, and the service runs its statements through it; nothing looks for a transaction that
 * happens to be open already.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from './database.js'

export interface UnitOfWork {
  run<T> (work: (trx: Transaction<Database>) => Promise<T>): Promise<T>
}

/** A transaction of the work's own: committed when the work returns, rolled back when it throws. */
export function ownTransaction (db: Kysely<Database>): UnitOfWork {
  return { run: async (work) => await db.transaction().execute(work) }
}

/**
 * The work joins a transaction that its caller opened and ends, such as an idempotent request's, which stores the
 * request's answer too before it commits: the one way one use case's statements become part of a larger whole.
 */
export function joinTransaction (trx: Transaction<Database>): UnitOfWork {
  return { run: async (work) => await work(trx) }
}
