/**
 * POST /v1/reports:bulk — many reports as NDJSON, one per line, stored in batches; one result line
 * per input line streams back while the rest is still being read. Memory holds three batches (two being
 * stored, the next being read), whatever the size of the input.
 */
import { Readable } from 'node:stream'
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import type { TSchema } from 'typebox'
import type { AnnualReport } from '../domain/report.js'
import { actorOf, grantOf } from '../http/caller.js'
import { declaredCharset, exceedsJsonDepth, MAX_JSON_DEPTH } from '../http/body-text.js'
import { isDatabaseUnavailable } from '../db/errors.js'
import { toFieldErrors } from '../http/field-errors.js'
import { compileCheckOf } from '../http/compiled-checks.js'
import { invalidFields, problemDocument, type ProblemParts } from '../http/problem.js'
import { ProblemError } from '../problems.js'
import type { Problem } from '../schemas/problem.js'
import { COMMON_PROBLEM_RESPONSES, problemResponse } from '../schemas/problem.js'
import { BulkResultLineSchema } from '../schemas/bulk.js'
import { AnnualReportSchema } from '../schemas/report.js'
import { type BatchOutcome, type BatchResult, storeBatch } from '../services/reports.js'
import { constraintsProblem } from './reports/constraints.js'
import { reportHref } from './reports/representation.js'

/** Reports stored per transaction: large enough to amortise commits, small enough to hold in memory. */
export const BATCH_SIZE = 100
/**
 * Batches stored at the same time, each in its own transaction: one batch's rules run in Node while the other's
 * statements run in Postgres. Memory holds these and the batch being read.
 */
const CONCURRENT_BATCHES = 2
/** Lines waiting for their batch, rejected ones included: bounds memory when most lines are rejected. */
const MAX_PENDING_LINES = 1000
/** One report is far below this; a longer line is rejected without being held in memory. */
export const MAX_LINE_BYTES = 1024 * 1024

type LineResult =
  | { line: number, outcome: BatchOutcome, id: number, revision: number, status: string | null, href: string }
  | { line: number, outcome: 'rejected', problem: Problem }

type Rejected = { line: number, rejected: LineResult }
type Pending = { line: number, body: AnnualReport } | Rejected

const isValid = (entry: Pending): entry is { line: number, body: AnnualReport } => 'body' in entry

/** Splits a byte stream into lines, refusing to buffer any line longer than `maxBytes`. */
async function * lines (input: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer | { tooLong: true }> {
  let parts: Buffer[] = []
  let length = 0
  let overflowing = false
  for await (const chunk of input) {
    let start = 0
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, newline)
      if (overflowing || length + piece.length > maxBytes) yield { tooLong: true }
      else yield Buffer.concat([...parts, piece])
      parts = []
      length = 0
      overflowing = false
      start = newline + 1
    }
    const rest = chunk.subarray(start)
    if (overflowing || length + rest.length > maxBytes) {
      overflowing = true
      parts = []
      length = 0
    } else if (rest.length > 0) {
      parts.push(Buffer.from(rest))
      length += rest.length
    }
  }
  if (overflowing) yield { tooLong: true }
  else if (length > 0) yield Buffer.concat(parts)
}

const isBlankByte = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d

/**
 * The body as it arrives, once something other than blanks has: undefined when the whole body is blank.
 * An empty upload is a client's mistake (a command that failed before it), to be refused before the
 * answer starts streaming, not answered with a summary of zeros.
 */
async function unlessBlank (input: AsyncIterable<Buffer>): Promise<AsyncIterable<Buffer> | undefined> {
  const iterator = input[Symbol.asyncIterator]()
  const seen: Buffer[] = []
  for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
    seen.push(next.value)
    if (next.value.some((byte) => !isBlankByte(byte))) {
      return (async function * () {
        yield * seen
        for (let rest = await iterator.next(); rest.done !== true; rest = await iterator.next()) yield rest.value
      })()
    }
  }
  return undefined
}

export interface BulkRoutesOptions {
  readonly now: () => Date
  readonly components: readonly TSchema[]
  /** Base URI of problem types (PROBLEM_TYPE_BASE): a rejected line's problem is typed as the same error of `POST /v1/reports`. */
  readonly problemTypeBase: string
}

const bulkRoutes: FastifyPluginAsyncTypebox<BulkRoutesOptions> = async (app, { now, components, problemTypeBase }) => {
  // The body is consumed as a stream by the handler, never buffered whole.
  app.addContentTypeParser('application/x-ndjson', (_request, payload, done) => { done(null, payload) })
  const checkBody = compileCheckOf(components, AnnualReportSchema)
  const utf8 = new TextDecoder('utf-8', { fatal: true })

  const rejected = (line: number, problem: ProblemParts): Rejected =>
    ({ line, rejected: { line, outcome: 'rejected', problem: problemDocument(problemTypeBase, problem) } })

  function accept (line: number, bytes: Buffer): Pending | undefined {
    let text: string
    try {
      text = utf8.decode(bytes)
    } catch {
      return rejected(line, { code: 'MALFORMED_JSON', detail: 'The line is not valid UTF-8.' })
    }
    if (text.trim() === '') return undefined
    if (exceedsJsonDepth(text)) return rejected(line, { code: 'MALFORMED_JSON', detail: `The line nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.` })
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return rejected(line, { code: 'MALFORMED_JSON', detail: 'The line is not valid JSON.' })
    }
    const checked = checkBody(json)
    if ('error' in checked) return rejected(line, invalidFields('body', toFieldErrors(checked.error, 'body')))
    const body = json as AnnualReport
    const violated = constraintsProblem(body, now())
    return violated === undefined ? { line, body } : rejected(line, violated)
  }

  /**
   * Stores the valid lines of `pending` in one batch and answers every line, in order. A line the key may
   * not write (judged alone, inside the batch's transaction) is rejected with its problem; the others still go in.
   */
  async function flush (pending: readonly Pending[], request: FastifyRequest): Promise<LineResult[]> {
    let stored: BatchResult[] = []
    try {
      const valid = pending.filter(isValid)
      if (valid.length > 0) stored = await storeBatch(app.db, valid.map((entry) => entry.body), { actor: actorOf(request), grant: grantOf(request) })
      const byLine = new Map(stored.map((result) => [valid[result.index]?.line, result]))
      return pending.map((entry): LineResult => {
        const result = isValid(entry) ? byLine.get(entry.line) : undefined
        if (result === undefined) return (entry as Rejected).rejected
        if (result.outcome === 'refused') return rejected(entry.line, result.refusal).rejected
        return { line: entry.line, outcome: result.outcome, id: result.report.id, revision: result.revision, status: result.report.analysis?.status ?? null, href: reportHref(result.report.id) }
      })
    } catch (error) {
      // The batch was one transaction: none of it is stored, and every valid line says so.
      request.log.error({ err: error }, 'bulk batch failed')
      const unavailable = error instanceof Error && isDatabaseUnavailable(error)
      const problem: ProblemParts = unavailable
        ? { code: 'SERVICE_UNAVAILABLE', detail: 'The database is unavailable; nothing of this batch was stored.' }
        : { code: 'INTERNAL_ERROR', detail: 'This batch could not be stored.' }
      return pending.map((entry) => 'rejected' in entry ? entry.rejected : rejected(entry.line, problem).rejected)
    }
  }

  app.post('/v1/reports::bulk', {
    config: { access: 'reports:write' },
    schema: {
      operationId: 'bulkStoreReports',
      tags: ['reports'],
      summary: 'Store many reports (NDJSON)',
      description: 'The body is NDJSON: one report per line, as for `POST /v1/reports`. Lines are stored in transactions of ' +
        `${BATCH_SIZE}, as an upsert: a new agency/year/kind is \`stored\`, a different body for a stored one becomes its next revision ` +
        '(`revised`), the same body is `unchanged`; an invalid line, or one for an agency the API key may not write, is ' +
        '`rejected` with its problem and the others still go in. ' +
        'The answer streams back as NDJSON, one result per input line in input order, then a last line with the totals. ' +
        'Cross-year results are recomputed once per batch.',
      body: Type.Unsafe<Readable>({ type: 'string', description: 'NDJSON: one report (JSON object) per line.' }),
      response: {
        200: { description: 'One result line per input line, then `{"summary": {…}}`.', content: { 'application/x-ndjson': { schema: BulkResultLineSchema } } },
        400: problemResponse('The body is empty or holds only blank lines (`MALFORMED_JSON`).'),
        415: problemResponse('The body is not `application/x-ndjson` in UTF-8.'),
        ...COMMON_PROBLEM_RESPONSES
      }
    },
    // The body is a stream checked line by line, not a document this route's schema could check.
    validatorCompiler: () => (value) => ({ value })
  }, async (request, reply) => {
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-ndjson')) {
      throw new ProblemError('UNSUPPORTED_MEDIA_TYPE', 'Send the reports as application/x-ndjson, one per line.')
    }
    const charset = declaredCharset(request.headers['content-type'])
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      throw new ProblemError('UNSUPPORTED_MEDIA_TYPE', `Lines must be UTF-8; charset=${charset} is not accepted.`)
    }
    const received = await unlessBlank(request.body as unknown as AsyncIterable<Buffer>)
    if (received === undefined) throw new ProblemError('MALFORMED_JSON', 'The body holds no report: send one report (a JSON object) per line.')
    const input = received
    async function * results (): AsyncGenerator<string> {
      const totals = { stored: 0, revised: 0, unchanged: 0, rejected: 0 }
      let pending: Pending[] = []
      /** Batches being stored, oldest first; `flush` answers every line even when its batch fails, so none rejects. */
      const storing: Array<{ agencies: ReadonlySet<string>, answers: Promise<LineResult[]> }> = []
      let valid = 0
      let number = 0
      const emit = function * (done: readonly LineResult[]) {
        for (const result of done) {
          totals[result.outcome]++
          yield JSON.stringify(result) + '\n'
        }
      }
      /**
       * Starts storing `batch` once a slot is free and no batch being stored shares an agency with it, answering
       * the batches before it (oldest first) while it waits. Batches of disjoint agencies touch disjoint reports,
       * agencies and neighbouring years, so storing them at once gives what storing them in input order gives.
       */
      const store = async function * (batch: Pending[]) {
        const agencies = new Set(batch.filter(isValid).map((entry) => entry.body.agency.code))
        const overlaps = (other: ReadonlySet<string>) => [...agencies].some((code) => other.has(code))
        while (storing.length >= CONCURRENT_BATCHES || storing.some((entry) => overlaps(entry.agencies))) {
          const oldest = storing.shift()
          if (oldest !== undefined) yield * emit(await oldest.answers)
        }
        storing.push({ agencies, answers: flush(batch, request) })
      }
      for await (const text of lines(input, MAX_LINE_BYTES)) {
        number++
        const entry = Buffer.isBuffer(text)
          ? accept(number, text)
          : rejected(number, { code: 'PAYLOAD_TOO_LARGE', detail: `A line may hold at most ${MAX_LINE_BYTES} bytes.` })
        if (entry === undefined) continue
        pending.push(entry)
        if (isValid(entry)) valid++
        if (valid >= BATCH_SIZE || pending.length >= MAX_PENDING_LINES) {
          yield * store(pending)
          pending = []
          valid = 0
        }
      }
      yield * store(pending)
      for (const { answers } of storing) yield * emit(await answers)
      yield JSON.stringify({ summary: totals }) + '\n'
    }
    return await reply.type('application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').send(Readable.from(results()))
  })
}

export default bulkRoutes
