/**
 * The import readers: worker threads that read the published documents of POST /v1/imports, one document each at a
 * time. PDF.js and the parsers then never hold the main event loop, the memory and the time one reading may take
 * are bounded without touching the rest of the service, and no more documents are read at once than there are
 * threads: a reading beyond that is refused at once, never queued.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import { DomainError } from '../domain/errors.js'
import type { ImportHints } from '../domain/import/index.js'
import { DocumentTooLargeError, type DocumentLimits, type PublishedDocument, type ReadDocument } from './import-documents.js'
import type { ReadingStarted, ReadOutcome, ReadTask, Refusal } from './import-worker.js'

/** Thrown when every thread is reading; the route answers 429. */
export class ReadersBusyError extends Error {
  constructor (readonly threads: number) {
    super(`${threads} imports are being read`)
    this.name = 'ReadersBusyError'
  }
}

export interface ImportReadersOptions {
  /** Threads, and so documents read at once (IMPORT_CONCURRENCY). */
  readonly threads: number
  /** JavaScript heap of each thread, in MiB (IMPORT_WORKER_MEMORY_MB). */
  readonly memoryMb: number
  /** Longest a reading may take in its thread, in milliseconds (IMPORT_TIMEOUT_MS). */
  readonly timeoutMs: number
  /**
   * Told of a thread that failed between readings (it is replaced); without a listener that failure would end
   * the process.
   */
  readonly onIdleThreadError: (error: Error) => void
}

/**
 * The worker's entry, beside this module and with its extension: `.ts` where tsx or ts-node run the sources (a
 * worker inherits their loader through `process.execArgv`), `.js` in dist/ and in the compiled test suite.
 */
const WORKER_ENTRY = new URL(`./import-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url)

function refusalError (refusal: Refusal): Error {
  return refusal.error === 'DomainError'
    ? new DomainError(refusal.code, refusal.detail, refusal.extensions)
    : new DocumentTooLargeError(refusal.message)
}

export class ImportReaders {
  readonly threads: number
  readonly #memoryMb: number
  readonly #timeoutMs: number
  readonly #pool: Piscina<ReadTask, ReadOutcome>
  #reading = 0
  #lastTaskId = 0
  /** What to do when the reading of a task starts in its thread: start its time limit. */
  readonly #onStart = new Map<number, () => void>()

  constructor ({ threads, memoryMb, timeoutMs, onIdleThreadError }: ImportReadersOptions) {
    this.threads = threads
    this.#memoryMb = memoryMb
    this.#timeoutMs = timeoutMs
    this.#pool = new Piscina({
      filename: WORKER_ENTRY.href,
      // Threads start with the first readings and are kept (a thread that read a PDF keeps PDF.js loaded); one
      // stopped for its time or memory is replaced by the next reading.
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: Infinity,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb }
    })
    this.#pool.on('error', onIdleThreadError)
    this.#pool.on('message', ({ readingStarted }: ReadingStarted) => { this.#onStart.get(readingStarted)?.() })
  }

  /**
   * Reads a document in a thread, as `readPublishedDocument` does: its DomainError and DocumentTooLargeError arrive
   * as they were thrown. A reading that runs out of its thread's memory or time is a DocumentTooLargeError too; with
   * every thread reading, a ReadersBusyError.
   */
  async read (document: PublishedDocument, hints: ImportHints, limits: DocumentLimits): Promise<ReadDocument> {
    // Counted here rather than left to piscina's queue, which holds a task while a thread starts.
    if (this.#reading >= this.threads) throw new ReadersBusyError(this.threads)
    this.#reading++
    const id = ++this.#lastTaskId
    // On abort piscina terminates the thread that is reading.
    const timeout = new AbortController()
    let timer: NodeJS.Timeout | undefined
    this.#onStart.set(id, () => { timer = setTimeout(() => { timeout.abort() }, this.#timeoutMs) })
    let outcome: ReadOutcome
    try {
      outcome = await this.#pool.run({ id, document, hints, limits }, { signal: timeout.signal })
    } catch (error) {
      if (timeout.signal.aborted) {
        throw new DocumentTooLargeError(`Reading the document took longer than ${this.#timeoutMs} ms (IMPORT_TIMEOUT_MS) and was stopped.`)
      }
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new DocumentTooLargeError(`Reading the document needs more memory than the ${this.#memoryMb} MiB an import may use (IMPORT_WORKER_MEMORY_MB).`)
      }
      throw error
    } finally {
      clearTimeout(timer)
      this.#onStart.delete(id)
      this.#reading--
    }
    if ('refused' in outcome) throw refusalError(outcome.refused)
    return outcome.read
  }

  /** Terminates every thread, and with it any reading still in progress. */
  async close (): Promise<void> {
    await this.#pool.destroy()
  }
}
