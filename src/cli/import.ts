/**
 * `npm run import -- [options] <files…>`: imports published reports (HTML, text, or PDF through
 * `pdftotext -layout` when installed) through `POST /v1/imports`, either of a running service
 * (`--url`) or of the service built in this process on DATABASE_URL / the embedded database in DATA_DIR.
 * Shows a progress bar on a terminal and ends with a summary table; exits 1 if any file failed.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { buildApp } from '../app.js'
import { loadConfig } from '../config.js'
import { createDatabase } from '../db/connection.js'
import { openEmbeddedPostgres } from '../db/embedded.js'
import { migrateToLatest } from '../db/migrate.js'

const USAGE = `Usage: npm run import -- [--url http://127.0.0.1:3000] [--store --key KEY] [--strict]
         [--agency-code CODE] [--agency-name NAME] [--region CODE] [--kind agency|government] [--year YYYY] <files…>
Files: .html/.htm (HTML), .pdf (through pdftotext -layout), anything else as UTF-8/GBK text.
--store needs an API key that may write the reports (--key, or the API_KEY variable).`

interface Outcome {
  readonly file: string
  readonly status: number
  readonly summary: string
}

type Send = (body: string, contentType: string, query: string) => Promise<{ status: number, json: any }>

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

async function inProcessSender (key: string | undefined): Promise<{ send: Send, close: () => Promise<void> }> {
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
    close: async () => {
      await app.close()
      await embedded?.stop()
    }
  }
}

function httpSender (base: string, key: string | undefined): { send: Send, close: () => Promise<void> } {
  return {
    send: async (body, contentType, query) => {
      const res = await fetch(new URL(`/v1/imports?${query}`, base), { method: 'POST', headers: headersFor(contentType, key), body })
      return { status: res.status, json: await res.json() }
    },
    close: async () => {}
  }
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
  try {
    for (const [index, file] of positionals.entries()) {
      progress(index, positionals.length, file)
      try {
        const { body, contentType } = await readSource(file)
        const { status, json } = await sender.send(body, contentType, query.toString())
        outcomes.push({ file, status, summary: summarise(status, json) })
      } catch (error) {
        outcomes.push({ file, status: 0, summary: error instanceof Error ? error.message : String(error) })
      }
      progress(index + 1, positionals.length, file)
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
