/**
 * `npm run import -- [options] <files…>`: imports published reports (PDF, Word, HTML, markdown or text, sent as
 * they are: the service reads them) through `POST /v1/imports`, and reports already in the API's JSON
 * (`.json`: one report; `.ndjson`/`.jsonl`: one per line) through `POST /v1/reports:bulk`, all of them in one
 * streamed request — either of a running service (`--url`) or of the service built in this process on
 * DATABASE_URL / the embedded database in DATA_DIR. Shows a progress bar on a terminal and ends with a
 * summary table; exits 1 if any file failed or any report was rejected.
 *
 * `runImport` is the command as a function, on the environment and output streams it is given (src/cli/io.ts);
 * src/cli/import.ts runs it on the process's own.
 */
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import type { ParseArgsOptionsConfig } from 'node:util'
import { buildApp } from '../app.js'
import { loadConfig } from '../config.js'
import { createDatabase } from '../db/connection.js'
import { openEmbeddedPostgres } from '../db/embedded.js'
import { migrateToLatest } from '../db/migrate.js'
import { type CommandIo, commandArguments, consoleOf } from './io.js'

const USAGE = `Usage: npm run import -- [--url http://127.0.0.1:3000] [--store --key KEY] [--strict]
         [--agency-code CODE] [--agency-name NAME] [--region CODE] [--kind agency|government] [--year YYYY] <files…>
Files: .pdf, .docx, .html/.htm, .md/.markdown, anything else as UTF-8/GBK text: sent to the service, which reads,
checks and, with --store, stores them (--agency is accepted for --agency-code). .json (one report) and .ndjson/.jsonl (one report per line) in the API's JSON: stored
in one bulk upload (stored, revised, unchanged or rejected line by line).
--store and report files need an API key that may write the reports (--key, or the API_KEY variable).`

interface Outcome {
  readonly file: string
  readonly status: number
  readonly summary: string
}

type Send = (body: Buffer | string, contentType: string, query: string) => Promise<{ status: number, json: any }>

/** Sends NDJSON lines to `POST /v1/reports:bulk` as they are read; answers the status and the answer's lines. */
type SendBulk = (lines: AsyncIterable<string>) => Promise<{ status: number, lines: any[] }>

interface Sender {
  readonly send: Send
  readonly sendBulk: SendBulk
  readonly close: () => Promise<void>
}

/** Files in the API's own JSON, stored through the bulk endpoint rather than parsed as published text. */
const REPORT_FILE = /\.(json|ndjson|jsonl)$/i

const ndjsonBody = (lines: AsyncIterable<string>): Readable =>
  Readable.from((async function * () { for await (const line of lines) yield line + '\n' })())

const parseNdjson = (text: string): any[] => text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line))

/** Documents sent as their bytes, with their type: the service reads PDFs and Word files itself. */
const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
}

const TEXT_TYPES: Readonly<Record<string, string>> = { '.html': 'text/html', '.htm': 'text/html', '.md': 'text/markdown', '.markdown': 'text/markdown' }

async function readSource (file: string): Promise<{ body: Buffer | string, contentType: string }> {
  const extension = path.extname(file).toLowerCase()
  const bytes = await readFile(file)
  const documentType = DOCUMENT_TYPES[extension]
  if (documentType !== undefined) return { body: bytes, contentType: documentType }
  const contentType = TEXT_TYPES[extension] ?? 'text/plain'
  // Files carry no charset: try UTF-8, and read anything else as GB18030 (which covers GBK).
  try {
    return { body: new TextDecoder('utf-8', { fatal: true }).decode(bytes), contentType: `${contentType}; charset=utf-8` }
  } catch {
    return { body: new TextDecoder('gb18030').decode(bytes), contentType: `${contentType}; charset=utf-8` }
  }
}

/** The option that supplies each part of a report a text may not state, for the messages that name it missing. */
const FLAG_FOR: Readonly<Record<string, string>> = {
  '/agency/code': '--agency-code CODE (统一社会信用代码)',
  '/agency/name': '--agency-name NAME',
  '/agency/regionCode': '--region CODE (6-digit 行政区划代码)',
  '/kind': '--kind agency|government',
  '/year': '--year YYYY'
}

/** A problem answer in one line; what options would supply the parts it misses, and the fields it rejects. */
function problemSummary (status: number, json: any): string {
  const missing: string[] = Array.isArray(json?.missing) ? json.missing : []
  const flags = missing.map((pointer) => FLAG_FOR[pointer]).filter((flag) => flag !== undefined)
  const fields: string[] = Array.isArray(json?.errors) ? json.errors.slice(0, 3).map((e: any) => `${e.pointer === '' ? '(body)' : e.pointer} ${e.detail}`) : []
  return `${json?.code ?? status}: ${json?.detail ?? json?.title ?? 'failed'}` +
    (fields.length > 0 ? ` (${fields.join('; ')})` : '') +
    (flags.length > 0 ? ` Pass ${flags.join(', ')}.` : '')
}

function summarise (status: number, json: any): string {
  if (status === 200 && json.complete === false) {
    const missing: string[] = json.parse.missing
    const flags = missing.map((pointer) => FLAG_FOR[pointer]).filter((flag) => flag !== undefined)
    return `read in part: ${missing.length} unread (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}), not stored` +
      (flags.length > 0 ? `. Pass ${flags.join(', ')}.` : '')
  }
  if (status === 200) {
    const stored = json.stored === null ? 'not stored' : `${json.stored.outcome} as report ${json.stored.id}`
    return `${json.report.agency.name} ${json.report.year}: ${json.analysis.status} (${json.analysis.counts.error} errors, ${json.analysis.counts.warning} warnings), confidence ${json.parse.confidence.toFixed(2)}, ${stored}`
  }
  return problemSummary(status, json)
}

function progress (stderr: CommandIo['stderr'], done: number, total: number, file: string): void {
  if (stderr.isTTY !== true) return
  const width = 30
  const filled = Math.round((done / total) * width)
  stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${path.basename(file).slice(0, 40).padEnd(40)}`)
  if (done === total) stderr.write('\n')
}

function headersFor (contentType: string, key: string | undefined): Record<string, string> {
  return { 'content-type': contentType, ...(key === undefined ? {} : { authorization: `Bearer ${key}` }) }
}

async function inProcessSender (env: NodeJS.ProcessEnv, key: string | undefined): Promise<Sender> {
  const config = loadConfig(env)
  const embedded = config.DATABASE_URL === undefined ? await openEmbeddedPostgres({ dataDir: config.DATA_DIR }) : undefined
  if (embedded?.started === true) {
    const db = createDatabase({ url: embedded.url, poolMax: 1 })
    await migrateToLatest(db).finally(async () => await db.destroy())
  }
  const app = await buildApp({ config, databaseUrl: config.DATABASE_URL ?? embedded?.url ?? '' })
  return {
    send: async (body, contentType, query) => {
      const res = await app.inject({ method: 'POST', url: `/v1/imports?${query}`, headers: headersFor(contentType, key), payload: body })
      return { status: res.statusCode, json: res.json() }
    },
    sendBulk: async (lines) => {
      const res = await app.inject({ method: 'POST', url: '/v1/reports:bulk', headers: headersFor('application/x-ndjson', key), payload: ndjsonBody(lines) })
      return { status: res.statusCode, lines: res.statusCode === 200 ? parseNdjson(res.body) : [res.json()] }
    },
    close: async () => {
      await app.close()
      await embedded?.stop()
    }
  }
}

/** fetch's "fetch failed" in words: what could not be reached, and why. */
function unreachable (base: string, error: unknown): Error {
  const cause = (error as { cause?: { code?: string, message?: string } }).cause
  const why = cause?.code === 'ECONNREFUSED'
    ? 'nothing is listening there: is the service running (npm start), and on this port?'
    : cause?.code === 'ENOTFOUND' ? 'no such host' : cause?.message ?? (error as Error).message
  return new Error(`cannot reach the service at ${base}: ${why}`)
}

function httpSender (base: string, key: string | undefined): Sender {
  const call = async (url: URL, init: RequestInit): Promise<Response> => await fetch(url, init).catch((error: unknown) => { throw unreachable(base, error) })
  return {
    send: async (body, contentType, query) => {
      const res = await call(new URL(`/v1/imports?${query}`, base), { method: 'POST', headers: headersFor(contentType, key), body })
      return { status: res.status, json: await res.json() }
    },
    sendBulk: async (lines) => {
      const res = await call(new URL('/v1/reports:bulk', base), {
        method: 'POST',
        headers: headersFor('application/x-ndjson', key),
        body: Readable.toWeb(ndjsonBody(lines)) as ReadableStream,
        duplex: 'half'
      } as RequestInit & { duplex: 'half' })
      const text = await res.text()
      return { status: res.status, lines: res.status === 200 ? parseNdjson(text) : [JSON.parse(text)] }
    },
    close: async () => {}
  }
}

/**
 * The NDJSON lines of report files, in order, noting where each file starts: a `.json` file is one line (its
 * report, compacted), an NDJSON file its own lines, read as a stream. Holds one line at a time.
 */
async function * reportLines (files: readonly string[], starts: Array<{ file: string, firstLine: number }>): AsyncGenerator<string> {
  let count = 0
  for (const file of files) {
    starts.push({ file, firstLine: count + 1 })
    if (path.extname(file).toLowerCase() === '.json') {
      const text = await readFile(file, 'utf8')
      let line: string
      try {
        line = JSON.stringify(JSON.parse(text))
      } catch {
        // Not JSON: sent on one line all the same, so that the service rejects it with its own problem.
        line = text.replace(/[\r\n]+/g, ' ')
      }
      count++
      yield line
    } else {
      for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
        count++
        yield line
      }
    }
  }
}

/** One outcome per report file: how many of its lines were stored, revised, unchanged and rejected, and why. */
async function storeReportFiles (sender: Sender, files: readonly string[]): Promise<Outcome[]> {
  const starts: Array<{ file: string, firstLine: number }> = []
  const { status, lines } = await sender.sendBulk(reportLines(files, starts))
  if (status !== 200) return files.map((file) => ({ file, status, summary: summarise(status, lines[0]) }))
  const perFile = new Map(files.map((file) => [file, { stored: 0, revised: 0, unchanged: 0, rejected: [] as string[] }]))
  for (const result of lines) {
    if (typeof result.line !== 'number') continue
    const origin = starts.findLast((start) => start.firstLine <= result.line)
    const counts = origin === undefined ? undefined : perFile.get(origin.file)
    if (origin === undefined || counts === undefined) continue
    if (result.outcome === 'rejected') counts.rejected.push(`line ${result.line - origin.firstLine + 1}: ${problemSummary(422, result.problem)}`)
    else counts[result.outcome as 'stored' | 'revised' | 'unchanged']++
  }
  return files.map((file) => {
    const counts = perFile.get(file) ?? { stored: 0, revised: 0, unchanged: 0, rejected: [] }
    const summary = `${counts.stored} stored, ${counts.revised} revised, ${counts.unchanged} unchanged, ${counts.rejected.length} rejected` +
      counts.rejected.slice(0, 3).map((reason) => `; ${reason}`).join('') + (counts.rejected.length > 3 ? '; …' : '')
    return { file, status: counts.rejected.length === 0 ? 200 : 422, summary }
  })
}

const OPTIONS = {
  url: { type: 'string' },
  key: { type: 'string' },
  store: { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false },
  'agency-code': { type: 'string' },
  // The spelling of `npm run keys`.
  agency: { type: 'string' },
  'agency-name': { type: 'string' },
  region: { type: 'string' },
  kind: { type: 'string' },
  year: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false }
} as const satisfies ParseArgsOptionsConfig

/** Runs the command on `args` (the arguments after the script's name); answers its exit code. */
export async function runImport (args: readonly string[], io: CommandIo): Promise<number> {
  const out = consoleOf(io)
  const parsed = commandArguments(args, OPTIONS, USAGE, out)
  if (parsed === undefined) return 2
  const { values, positionals } = parsed
  if (values.agency !== undefined && values['agency-code'] !== undefined && values.agency !== values['agency-code']) {
    out.error('--agency and --agency-code name the same thing; pass one.')
    return 2
  }
  if (values.help || positionals.length === 0) {
    out.error(USAGE)
    return values.help ? 0 : 2
  }
  const agencyCode = values['agency-code'] ?? values.agency
  const query = new URLSearchParams()
  if (agencyCode !== undefined) query.set('agencyCode', agencyCode)
  for (const [option, parameter] of [['agency-name', 'agencyName'], ['region', 'regionCode'], ['kind', 'kind'], ['year', 'year']] as const) {
    const value = values[option]
    if (value !== undefined) query.set(parameter, value)
  }
  if (values.store) query.set('store', 'true')
  if (values.strict) query.set('strict', 'true')
  return await importFiles(values, positionals, query, io)
}

async function importFiles (values: { url?: string, key?: string, store: boolean }, positionals: readonly string[], query: URLSearchParams, io: CommandIo): Promise<number> {
  const out = consoleOf(io)
  const key = values.key ?? (io.env.API_KEY === '' ? undefined : io.env.API_KEY)
  const sender = values.url === undefined ? await inProcessSender(io.env, key) : httpSender(values.url, key)
  const outcomes: Outcome[] = []
  const reportFiles = positionals.filter((file) => REPORT_FILE.test(file))
  const published = positionals.filter((file) => !REPORT_FILE.test(file))
  try {
    if (reportFiles.length > 0) {
      outcomes.push(...await storeReportFiles(sender, reportFiles).catch((error: unknown) =>
        reportFiles.map((file) => ({ file, status: 0, summary: error instanceof Error ? error.message : String(error) }))))
    }
    for (const [index, file] of published.entries()) {
      progress(io.stderr, index, published.length, file)
      try {
        const { body, contentType } = await readSource(file)
        const { status, json } = await sender.send(body, contentType, query.toString())
        outcomes.push({ file, status, summary: summarise(status, json) })
      } catch (error) {
        outcomes.push({ file, status: 0, summary: error instanceof Error ? error.message : String(error) })
      }
      progress(io.stderr, index + 1, published.length, file)
    }
  } finally {
    await sender.close()
  }
  out.table(outcomes.map(({ file, status, summary }) => ({ file: path.basename(file), status: status === 0 ? 'error' : status, result: summary })))
  const failed = outcomes.filter((outcome) => outcome.status !== 200).length
  const read = outcomes.length - failed
  // Published documents are only read unless --store; report files are always stored (they are the API's JSON).
  const readOnly = values.store ? 0 : outcomes.filter((outcome) => outcome.status === 200 && !REPORT_FILE.test(outcome.file)).length
  const done = readOnly === 0
    ? `${read} imported`
    : `${read - readOnly} imported, ${readOnly} read but not stored (pass --store --key KEY to store them)`
  out.log(`${done}, ${failed} failed`)
  return failed === 0 ? 0 : 1
}
