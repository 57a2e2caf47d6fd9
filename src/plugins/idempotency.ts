/**
 * `Idempotency-Key` on POST routes that store something (`config.idempotent`): the first request with a
 * key runs in a transaction that also stores its answer, holding a lock on the key; a retry, even one
 * racing the first, waits for that lock and gets the stored answer (with `Idempotent-Replayed: true`)
 * instead of acting again. The same key with another request is refused. Only successful answers are
 * stored: a failed request stored nothing, so running it again is safe.
 *
 * Handlers of such routes hand `request.unitOfWork` to the service they call, which runs its write in it: under a key,
 * the open transaction, joined (see `joinTransaction`); without one, a transaction of the write's own.
 * @see https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/
 */
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { ControlledTransaction } from 'kysely'
import type { Database } from '../db/database.js'
import {
  deleteExpiredAnswers, findIdempotentAnswer, lockIdempotencyKey, saveIdempotentAnswer
} from '../db/idempotency-repository.js'
import { joinTransaction, ownTransaction, type UnitOfWork } from '../db/transactions.js'
import { ProblemError } from '../problems.js'
import { problemResponse } from '../schemas/problem.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route accepts `Idempotency-Key` (and hands `request.unitOfWork` to its service). */
    idempotent?: boolean
  }
  interface FastifyRequest {
    /**
     * The unit of work of the request's write: under an Idempotency-Key, the transaction that also stores the answer
     * and commits as it leaves; else a transaction of the write's own.
     */
    readonly unitOfWork: UnitOfWork
  }
}

interface OpenIdempotentRequest {
  readonly trx: ControlledTransaction<Database>
  readonly unitOfWork: UnitOfWork
  readonly endTurn: () => void
  readonly keyId: number
  readonly idempotencyKey: string
  readonly requestDigest: string
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/
/** Headers of a stored answer that a replay repeats. */
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'] as const
const CLEANUP_INTERVAL_MS = 60 * 60 * 1000

const open = new WeakMap<FastifyRequest, OpenIdempotentRequest>()

/**
 * Requests with the same key take turns in this process before they take a connection: racing
 * retries would otherwise each hold a pooled connection while waiting for the database lock, and
 * enough of them would leave none for the request holding it. The database lock still orders
 * requests across instances.
 */
const turns = new Map<string, Promise<void>>()

async function waitForTurn (name: string): Promise<() => void> {
  const previous = turns.get(name) ?? Promise.resolve()
  let endTurn = () => {}
  const turn = new Promise<void>((resolve) => { endTurn = resolve })
  const queue = previous.then(async () => await turn)
  turns.set(name, queue)
  await previous
  return () => {
    endTurn()
    if (turns.get(name) === queue) turns.delete(name)
  }
}

function requestDigest (request: FastifyRequest): string {
  return createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body)}`).digest('hex')
}

export interface IdempotencyOptions {
  /** How long an answer is kept for replays (IDEMPOTENCY_RETENTION_HOURS). */
  readonly retentionHours: number
}

async function idempotencyPlugin (app: FastifyInstance, { retentionHours }: IdempotencyOptions) {
  const writeOnItsOwn = ownTransaction(app.db)
  app.decorateRequest('unitOfWork', {
    getter (this: FastifyRequest) {
      return open.get(this)?.unitOfWork ?? writeOnItsOwn
    }
  })

  app.addHook('onRoute', (route) => {
    if (route.config?.idempotent !== true || route.schema === undefined) return
    const previous422 = (route.schema.response as Record<number, { description?: string }> | undefined)?.[422]?.description
    route.schema = {
      ...route.schema,
      headers: {
        ...(route.schema.headers as object),
        type: 'object',
        properties: {
          ...(route.schema.headers as { properties?: object } | undefined)?.properties,
          'idempotency-key': {
            type: 'string',
            pattern: KEY_PATTERN.source,
            description: `A unique value (e.g. a UUID) per logical request, with an API key: a retry with the same key gets the first answer (marked \`Idempotent-Replayed: true\`) and never stores twice, even when retries race. Answers are kept ${retentionHours} hours.`
          }
        }
      },
      response: {
        ...route.schema.response as object,
        422: problemResponse(`${previous422 ?? ''} The \`Idempotency-Key\` was used for another request (\`IDEMPOTENCY_KEY_REUSED\`).`.trim())
      }
    } as typeof route.schema
  })

  app.addHook('preHandler', async (request, reply) => {
    const idempotencyKey = request.headers['idempotency-key']
    if (request.routeOptions.config.idempotent !== true || typeof idempotencyKey !== 'string' || request.grant === null) return
    const keyId = request.grant.keyId
    const digest = requestDigest(request)
    const endTurn = await waitForTurn(`${keyId}:${idempotencyKey}`)
    let trx: ControlledTransaction<Database> | undefined
    try {
      trx = await app.db.startTransaction().execute()
      await lockIdempotencyKey(trx, keyId, idempotencyKey)
      const answer = await findIdempotentAnswer(trx, keyId, idempotencyKey, retentionHours)
      if (answer === undefined) {
        open.set(request, { trx, unitOfWork: joinTransaction(trx), endTurn, keyId, idempotencyKey, requestDigest: digest })
        return
      }
      await trx.rollback().execute()
      endTurn()
      if (answer.requestDigest !== digest) {
        throw new ProblemError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with this API key for a different request; use a new key for a new request.')
      }
      return await reply.code(answer.status).headers({ ...answer.headers, 'idempotent-replayed': 'true' }).send(answer.body)
    } catch (error) {
      if (trx !== undefined && !trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute().catch(() => {})
      endTurn()
      throw error
    }
  })

  /** Commits the write with its answer before the answer leaves, so a client never sees an answer that was not kept. */
  app.addHook('onSend', async (request, reply: FastifyReply, payload) => {
    const pending = open.get(request)
    if (pending === undefined) return payload
    open.delete(request)
    if (reply.statusCode >= 300 || typeof payload !== 'string') {
      await pending.trx.rollback().execute().finally(pending.endTurn)
      return payload
    }
    const headers: Record<string, string> = {}
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name)
      if (value !== undefined) headers[name] = String(value)
    }
    try {
      await saveIdempotentAnswer(pending.trx, pending.keyId, pending.idempotencyKey, {
        requestDigest: pending.requestDigest, status: reply.statusCode, headers, body: payload
      })
      await pending.trx.commit().execute()
    } catch (error) {
      if (!pending.trx.isCommitted && !pending.trx.isRolledBack) await pending.trx.rollback().execute().catch(() => {})
      throw error
    } finally {
      pending.endTurn()
    }
    return payload
  })

  /** A request that ended without reaching onSend (aborted, timed out) must not keep its transaction. */
  const release = async (request: FastifyRequest) => {
    const pending = open.get(request)
    if (pending === undefined) return
    open.delete(request)
    await pending.trx.rollback().execute()
      .catch((error: unknown) => request.log.warn({ err: error }, 'rollback of an abandoned idempotent request failed'))
      .finally(pending.endTurn)
  }
  app.addHook('onResponse', release)
  app.addHook('onRequestAbort', release)

  const cleanup = setInterval(() => {
    deleteExpiredAnswers(app.db, retentionHours).then(
      (count) => { if (count > 0) app.log.info({ count }, 'expired idempotency answers deleted') },
      (error: unknown) => app.log.warn({ err: error }, 'deleting expired idempotency answers failed'))
  }, CLEANUP_INTERVAL_MS)
  cleanup.unref()
  app.addHook('onClose', async () => clearInterval(cleanup))
}

export default fp(idempotencyPlugin, { name: 'idempotency', fastify: '5.x', dependencies: ['db', 'auth'] })
