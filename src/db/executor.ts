/** What every repository function takes first: the database, or the transaction a service runs its use case in. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from './database.js'

export type Executor = Kysely<Database> | Transaction<Database>
