/**
 * The entry of an import worker thread (see import-readers.ts): reads one published document per task. An error
 * crosses back to the main thread by structured clone, which keeps only an Error's message: the two the route
 * answers by their class are sent as data instead, and made into those classes again on the other side.
 */
import { parentPort } from 'node:worker_threads'
import { DomainError } from '../domain/errors.js'
import type { ImportHints } from '../domain/import/index.js'
import { DocumentTooLargeError, readPublishedDocument, type DocumentLimits, type PublishedDocument, type ReadDocument } from './import-documents.js'

export interface ReadTask {
  /** Told back when the reading starts, for its time limit. */
  readonly id: number
  readonly document: PublishedDocument
  readonly hints: ImportHints
  readonly limits: DocumentLimits
}

/** How a reading refused its document, as data. */
export type Refusal =
  | { readonly error: 'DomainError', readonly code: DomainError['code'], readonly detail: string, readonly extensions: DomainError['extensions'] }
  | { readonly error: 'DocumentTooLargeError', readonly message: string }

export type ReadOutcome = { readonly read: ReadDocument } | { readonly refused: Refusal }

/** Posted as a reading starts: its time limit runs from then, the thread's start and its modules' loading left out. */
export interface ReadingStarted { readonly readingStarted: number }

export default async function readTask ({ id, document, hints, limits }: ReadTask): Promise<ReadOutcome> {
  parentPort?.postMessage({ readingStarted: id } satisfies ReadingStarted)
  try {
    return { read: await readPublishedDocument(document, hints, limits) }
  } catch (error) {
    if (error instanceof DomainError) {
      return { refused: { error: 'DomainError', code: error.code, detail: error.detail, extensions: error.extensions } }
    }
    if (error instanceof DocumentTooLargeError) return { refused: { error: 'DocumentTooLargeError', message: error.message } }
    throw error
  }
}
