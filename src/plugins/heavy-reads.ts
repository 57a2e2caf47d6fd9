/**
 * Heavy reads (exports of every matching report, statistics over a province or the whole country) take
 * seconds of database work each. Left alone, fifty of them at once hold every pooled connection, and
 * ordinary reads and writes wait behind them until they time out with 503. So they run in slots of
 * their own: at most `concurrency` at a time, at most `queue` more waiting in order for a slot, and
 * beyond that an immediate 429 with `Retry-After`. Ordinary requests never wait for a slot, and keep
 * the pool's other connections.
 *
 * A route opts in with `config.heavyRead: true`. A slot is held until the answer is sent (a streamed export
 * holds it while it streams) or the client goes away, and a client that leaves while waiting gives up its
 * place. A route that is heavy only for some work (statistics: only when the rollup is not already known)
 * runs that work through `app.heavyWork` instead, which holds a slot while the work runs.
 *
 * Slots bound the connections heavy reads hold, not the CPU they take: one export streaming at full speed
 * keeps a core of the service and one of its database busy, and an ordinary read then waits behind its
 * batches. So a streamed heavy read also gives way: before each chunk it awaits `app.ordinaryFirst()`,
 * which resolves once no ordinary request is in flight, or after `maxPauseMs` at the latest so that
 * exports still progress under a constant stream of ordinary requests.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ProblemError } from '../problems.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Whether the request runs in the heavy-read slots; see src/plugins/heavy-reads.ts. */
    heavyRead?: boolean
  }
  interface FastifyInstance {
    /**
     * Resolves when a streamed heavy read may go on with its next chunk: once no ordinary request is in
     * flight, or after the longest pause at the latest; always after pending I/O has had its turn.
     */
    ordinaryFirst: () => Promise<void>
    /** Runs work in a heavy-read slot (waiting in the queue for one), or throws 429 when the queue is full. */
    heavyWork: <T>(work: () => Promise<T>) => Promise<T>
  }
}

export interface HeavyReadOptions {
  /** Heavy reads that may run at once. */
  readonly concurrency: number
  /** Heavy reads that may wait for a slot; more are answered 429. */
  readonly queue: number
  /** Longest a streamed heavy read waits, before each chunk, for ordinary requests to finish. */
  readonly maxPauseMs: number
}

/** A heavy read takes seconds: come back after a few. */
const RETRY_AFTER_SECONDS = 5

/** Counting slots with a bounded first-in, first-out queue of waiters. */
class Slots {
  private running = 0
  private readonly waiting: Array<(granted: boolean) => void> = []

  constructor (private readonly options: HeavyReadOptions) {}

  /**
   * A place: `granted` resolves true when it holds a slot (at once when one is free), or false when it
   * was cancelled while waiting. Undefined when the queue is full. A granted slot must be released.
   */
  take (): { granted: Promise<boolean>, cancel: () => void } | undefined {
    if (this.running < this.options.concurrency) {
      this.running++
      return { granted: Promise.resolve(true), cancel: () => {} }
    }
    if (this.full()) return undefined
    let settle: (granted: boolean) => void = () => {}
    const granted = new Promise<boolean>((resolve) => { settle = resolve })
    this.waiting.push(settle)
    return {
      granted,
      cancel: () => {
        const index = this.waiting.indexOf(settle)
        if (index === -1) return
        this.waiting.splice(index, 1)
        settle(false)
      }
    }
  }

  /** Whether a place asked for now would be refused. */
  full (): boolean {
    return this.running >= this.options.concurrency && this.waiting.length >= this.options.queue
  }

  release (): void {
    const next = this.waiting.shift()
    if (next === undefined) this.running--
    else next(true)
  }
}

/**
 * Ordinary requests in flight, and the heavy reads waiting for there to be none. A waiter is let go when
 * the count drops to zero or its pause runs out, whichever comes first.
 */
class OrdinaryRequests {
  private inFlight = 0
  private readonly waiting = new Set<() => void>()

  constructor (private readonly maxPauseMs: number) {}

  started (): void {
    this.inFlight++
  }

  finished (): void {
    this.inFlight--
    if (this.inFlight > 0) return
    for (const resume of this.waiting) resume()
    this.waiting.clear()
  }

  async gap (): Promise<void> {
    // setImmediate, not a resolved promise: the event loop's I/O (ordinary requests arriving) runs first.
    await new Promise((resolve) => setImmediate(resolve))
    if (this.inFlight === 0) return
    await new Promise<void>((resolve) => {
      const resume = () => {
        clearTimeout(timer)
        this.waiting.delete(resume)
        resolve()
      }
      const timer = setTimeout(resume, this.maxPauseMs)
      this.waiting.add(resume)
    })
  }
}

/** A place in the slots, given back once the handler's answer has been sent and the connection is done with it. */
interface Hold {
  granted: boolean
  answered: boolean
  closed: boolean
}

function busy (): ProblemError {
  return new ProblemError('RATE_LIMITED',
    `The service is answering as many exports and statistics as it can; retry in ${RETRY_AFTER_SECONDS} seconds.`,
    {}, { 'retry-after': String(RETRY_AFTER_SECONDS) })
}

async function heavyReadsPlugin (app: FastifyInstance, options: HeavyReadOptions) {
  const slots = new Slots(options)
  const ordinary = new OrdinaryRequests(options.maxPauseMs)
  app.decorate('ordinaryFirst', async () => { await ordinary.gap() })
  app.decorate('heavyWork', async <T>(work: () => Promise<T>): Promise<T> => {
    const place = slots.take()
    if (place === undefined) throw busy()
    await place.granted
    try {
      return await work()
    } finally {
      slots.release()
    }
  })
  const holds = new WeakMap<FastifyRequest, Hold>()
  const releaseWhenDone = (hold: Hold) => {
    if (hold.granted && hold.answered && hold.closed) slots.release()
  }

  app.addHook('onRoute', (route) => {
    if (route.config?.heavyRead === undefined || route.schema === undefined) return
    route.schema = {
      ...route.schema,
      description: `${route.schema.description ?? ''}\n\nA heavy read: ` +
        `at most ${options.concurrency} run at once and ${options.queue} wait; beyond that the answer is 429 \`RATE_LIMITED\` with \`Retry-After\`.`
    } as typeof route.schema
  })

  // A client that retries at once while the slots are full costs no authentication and no validation.
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.heavyRead === true && slots.full()) throw busy()
  })

  // After validation, so that a request refused anyway takes no slot.
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.config.heavyRead !== true) {
      ordinary.started()
      reply.raw.once('close', () => { ordinary.finished() })
      return
    }
    const place = slots.take()
    if (place === undefined) throw busy()
    const hold: Hold = { granted: false, answered: false, closed: false }
    // 'close' comes once the answer is sent, or as soon as the client goes away.
    reply.raw.once('close', () => {
      hold.closed = true
      if (hold.granted) releaseWhenDone(hold)
      else place.cancel()
    })
    if (!await place.granted) {
      // The client left while waiting: there is no one to answer.
      reply.hijack()
      return
    }
    hold.granted = true
    holds.set(request, hold)
  })

  // A client that leaves mid-query does not free the slot: the database is still working for it.
  app.addHook('onSend', async (request) => {
    const hold = holds.get(request)
    if (hold === undefined || hold.answered) return
    hold.answered = true
    releaseWhenDone(hold)
  })
}

export default fp(heavyReadsPlugin, { name: 'heavy-reads', fastify: '5.x' })
