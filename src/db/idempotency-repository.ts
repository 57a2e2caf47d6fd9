/**
 * Stored answers of POST requests sent with an `Idempotency-Key`. The caller holds the key's lock
 * (`lockIdempotencyKey`) for the whole transaction, so concurrent retries wait for the first answer.
 */
import { sql } from 'kysely'
import type { Executor } from './executor.js'

/** How long an answer is kept for replays (IDEMPOTENCY_RETENTION_HOURS), as a Postgres interval. */
const retention = (hours: number) => sql<Date>`now() - make_interval(hours => ${hours})`

export interface IdempotentAnswer {
  readonly requestDigest: string
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

export async function lockIdempotencyKey (db: Executor, keyId: number, idempotencyKey: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`${keyId}:${idempotencyKey}`}, 0))`.execute(db)
}

export async function findIdempotentAnswer (db: Executor, keyId: number, idempotencyKey: string, retentionHours: number): Promise<IdempotentAnswer | undefined> {
  const row = await db.selectFrom('idempotency_record')
    .select(['request_digest', 'status', 'headers', 'body'])
    .where('key_id', '=', String(keyId))
    .where('idempotency_key', '=', idempotencyKey)
    .where('created_at', '>', retention(retentionHours))
    .executeTakeFirst()
  return row === undefined ? undefined : { requestDigest: row.request_digest, status: row.status, headers: row.headers, body: row.body }
}

/** Saves an answer, replacing an expired one under the same key. */
export async function saveIdempotentAnswer (db: Executor, keyId: number, idempotencyKey: string, answer: IdempotentAnswer): Promise<void> {
  const values = { request_digest: answer.requestDigest, status: answer.status, headers: JSON.stringify(answer.headers), body: answer.body }
  await db.insertInto('idempotency_record')
    .values({ key_id: keyId, idempotency_key: idempotencyKey, ...values })
    .onConflict((conflict) => conflict.columns(['key_id', 'idempotency_key']).doUpdateSet({ ...values, created_at: sql`now()` }))
    .execute()
}

/** Forgets answers past their retention; returns how many. */
export async function deleteExpiredAnswers (db: Executor, retentionHours: number): Promise<number> {
  const result = await db.deleteFrom('idempotency_record')
    .where('created_at', '<=', retention(retentionHours))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
