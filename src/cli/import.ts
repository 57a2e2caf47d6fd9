/**
 * `npm run import -- [options] <files…>`: imports published reports (HTML, text, or PDF through
 * `pdftotext -layout` when installed) through `POST /v1/imports`, and reports already in the API's JSON
 * (`.json`: one report; `.ndjson`/`.jsonl`: one per line) through `POST /v1/reports:bulk`, all of them in one
 * streamed request — either of a running service (`--url`) or of the service built in this process on
 * DATABASE_URL / the embedded database in DATA_DIR. Shows a progress bar on a terminal and ends with a
 * summary table; exits 1 if any file failed or any report was rejected.
 */
import { execFile } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import { parseArgs, promisify } from 'node:util'
import { buildApp } from '../app.js'
import { loadConfig } from '../config.js'
import { createDatabase } from '../db/connection.js'
import { openEmbeddedPostgres } from '../db/embedded.js'
import { migrateToLatest } from '../db/migrate.js'

const USAGE = `Usage: npm run import -- [--url http://127.0.0.1:3000] [--store --key KEY] [--strict]
         [--agency-code CODE] [--agency-name NAME] [--region CODE] [--kind agency|government] [--year YYYY] <files…>
Files: .html/.htm (HTML), .pdf (through pdftotext -layout), anything else as UTF-8/GBK text: parsed, checked
and, with --store, stored. .json (one report) and .ndjson/.jsonl (one report per line) in the API's JSON: stored
in one bulk upload (stored, revised, unchanged or rejected line by line).
--store and report files need an API key that may write the reports (--key, or the API_KEY variable).`

interface Outcome {
  readonly file: string
  readonly status: number
  readonly summary: string
}

type Send = (body: string, contentType: string, query: string) => Promise<{ status: number, json: any }>

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

const run = promisify(execFile)

async function readSource (file: string): Promise<{ body: string, contentType: string }> {
  const extension = path.extname(file).toLowerCase()
  if (extension === '.pdf') {
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })
      .catch((error: NodeJS.ErrnoException) => {
        throw new Error(error.code === 'ENOENT' ? 'pdftotext is not installed (Debian: apt-get install poppler-utils)' : error.message)
      })
    return { body: stdout, contentType: 'text/plain; charset=utf-8' }
  }
  const bytes = await readFile(file)
  const contentType = extension === '.html' || extension === '.htm' ? 'text/html' : 'text/plain'
  // Files carry no charset: try UTF-8, and read anything else as GB18030 (which covers GBK).
  try {
    return { body: new TextDecoder('utf-8', { fatal: true }).decode(bytes), contentType: `${contentType}; charset=utf-8` }
  } catch {
    return { body: new TextDecoder('gb18030').decode(bytes), contentType: `${contentType}; charset=utf-8` }
  }
}

function summarise (status: number, json: any): string {
  if (status === 200) {
    const stored = json.stored === null ? 'not stored' : `${json.stored.outcome} as report ${json.stored.id}`
    return `${json.report.agency.name} ${json.report.year}: ${json.analysis.status} (${json.analysis.counts.error} errors, ${json.analysis.counts.warning} warnings), confidence ${json.parse.confidence.toFixed(2)}, ${stored}`
  }
  return `${json.code ?? status}: ${json.detail ?? json.title ?? 'failed'}`
}

function progress (done: number, total: number, file: string): void {
  if (!process.stderr.isTTY) return
  const width = 30
  const filled = Math.round((done / total) * width)
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${path.basename(file).slice(0, 40).padEnd(40)}`)
  if (done === total) process.stderr.write('\n')
}

function headersFor (contentType: string, key: string | undefined): Record<string, string> {
  return { 'content-type': contentType, ...(key === undefined ? {} : { authorization: `Bearer ${key}` }) }
}

async function inProcessSender (key: string | undefined): Promise<Sender> {
  const config = loadConfig(process.env)
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

function httpSender (base: string, key: string | undefined): Sender {
  return {
    send: async (body, contentType, query) => {
      const res = await fetch(new URL(`/v1/imports?${query}`, base), { method: 'POST', headers: headersFor(contentType, key), body })
      return { status: res.status, json: await res.json() }
    },
    sendBulk: async (lines) => {
      const res = await fetch(new URL('/v1/reports:bulk', base), {
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
    if (result.outcome === 'rejected') counts.rejected.push(`line ${result.line - origin.firstLine + 1}: ${result.problem.code} ${result.problem.detail}`)
    else counts[result.outcome as 'stored' | 'revised' | 'unchanged']++
  }
  return files.map((file) => {
    const counts = perFile.get(file) ?? { stored: 0, revised: 0, unchanged: 0, rejected: [] }
    const summary = `${counts.stored} stored, ${counts.revised} revised, ${counts.unchanged} unchanged, ${counts.rejected.length} rejected` +
      counts.rejected.slice(0, 3).map((reason) => `; ${reason}`).join('') + (counts.rejected.length > 3 ? '; …' : '')
    return { file, status: counts.rejected.length === 0 ? 200 : 422, summary }
  })
}

async function main (): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      key: { type: 'string' },
      store: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      'agency-code': { type: 'string' },
      'agency-name': { type: 'string' },
      region: { type: 'string' },
      kind: { type: 'string' },
      year: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  if (values.help || positionals.length === 0) {
    console.error(USAGE)
    return values.help ? 0 : 2
  }
  const query = new URLSearchParams()
  for (const [option, parameter] of [['agency-code', 'agencyCode'], ['agency-name', 'agencyName'], ['region', 'regionCode'], ['kind', 'kind'], ['year', 'year']] as const) {
    const value = values[option]
    if (value !== undefined) query.set(parameter, value)
  }
  if (values.store) query.set('store', 'true')
  if (values.strict) query.set('strict', 'true')

  const key = values.key ?? (process.env.API_KEY === '' ? undefined : process.env.API_KEY)
  const sender = values.url === undefined ? await inProcessSender(key) : httpSender(values.url, key)
  const outcomes: Outcome[] = []
  const reportFiles = positionals.filter((file) => REPORT_FILE.test(file))
  const published = positionals.filter((file) => !REPORT_FILE.test(file))
  try {
    if (reportFiles.length > 0) {
      outcomes.push(...await storeReportFiles(sender, reportFiles).catch((error: unknown) =>
        reportFiles.map((file) => ({ file, status: 0, summary: error instanceof Error ? error.message : String(error) }))))
    }
    for (const [index, file] of published.entries()) {
      progress(index, published.length, file)
      try {
        const { body, contentType } = await readSource(file)
        const { status, json } = await sender.send(body, contentType, query.toString())
        outcomes.push({ file, status, summary: summarise(status, json) })
      } catch (error) {
        outcomes.push({ file, status: 0, summary: error instanceof Error ? error.message : String(error) })
      }
      progress(index + 1, published.length, file)
    }
  } finally {
    await sender.close()
  }
  console.table(outcomes.map(({ file, status, summary }) => ({ file: path.basename(file), status: status === 0 ? 'error' : status, result: summary })))
  const failed = outcomes.filter((outcome) => outcome.status !== 200).length
  console.log(`${outcomes.length - failed} imported, ${failed} failed`)
  return failed === 0 ? 0 : 1
}

process.exitCode = await main()
