/** Running work in a transaction, or in the one the caller already opened (an idempotent request's). */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from './database.js'

export async function inTransaction<T> (db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? await work(db as Transaction<Database>) : await db.transaction().execute(work)
}
