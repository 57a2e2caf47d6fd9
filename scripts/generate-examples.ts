/**
 * `npm run openapi:examples`: regenerates openapi/examples.json, the request and response examples of the
 * OpenAPI document. They are real exchanges, not hand-written: the app runs on a throwaway database on the
 * server in DATABASE_URL (the role needs CREATEDB), the seed report (湖州市吴兴区发改经信局, 2023) and a 2022
 * report derived from it are submitted, and each documented request is sent and its answer recorded.
 * Then run `npm run openapi` to put them in openapi/openapi.json.
 */
import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import pg from 'pg'
import { buildApp, type App } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { createDatabase } from '../src/db/connection.js'
import { migrateToLatest } from '../src/db/migrate.js'
import type { AnnualReport } from '../src/domain/report.js'
import { EXAMPLES_FILE, type OperationExamples } from '../src/plugins/swagger.js'
import { createKey } from '../src/services/api-keys.js'

const SEED_FILE = new URL('../examples/seed-2023.json', import.meta.url)

/** The tests' "today": after the seed's publication deadline. */
const TODAY = new Date('2026-11-27T08:00:00Z')
/** Stands for every timestamp the service answers, so that regenerating does not change the file. */
const EXAMPLE_TIME = '2024-01-31T09:00:00.000Z'
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/
/** Stands for the request id this service gives each request, so that regenerating does not change the file. */
const EXAMPLE_REQUEST_ID = '6690c89c-55c4-468c-a550-d8df0aab8d79'
/** Examples show the shape, not everything: lists are asked for pages of this size, findings cut to this many. */
const LIST_PAGE_SIZE = 2
const SHOWN_FINDINGS = 5

interface Exchange {
  readonly method: 'GET' | 'POST'
  readonly url: string
  readonly body?: unknown
  readonly status: number
}

interface Answer {
  readonly mediaType: string
  readonly value: unknown
}

function serverUrl (): string {
  const url = process.env.DATABASE_URL
  if (url === undefined || url === '') throw new Error('DATABASE_URL is not set: give a Postgres server whose role may create databases')
  return url
}

async function adminQuery (text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/**
 * The agency's report of the year before, derived from the seed: fewer requests and reviews, one more
 * 行政规范性文件 in force, and prose of its own whose counts (190 and 56 items published) are the ones the seed's
 * "比2022年减少了10.5%" and "增加了7.1%" compare against. Its tables balance and the seed's 结转 and 现行有效
 * follow from them, so the seed's year-over-year changes are real differences, not findings.
 */
function priorYearOf (seed: AnnualReport): AnnualReport {
  if (seed.template !== '2021') throw new Error('the seed is expected on the 2021 template')
  const { requests, reviewLitigation } = seed
  return {
    ...seed,
    year: 2022,
    publication: { ...seed.publication, indexNo: `${seed.agency.code}/2023-00005`, documentDate: '2023-01-30' },
    sections: {
      overview: '2022年,我局按照政务公开有关要求,扎实推进政府信息公开工作。全年主动公开政务信息190条,全年公开重点领域政府信息共56条。' +
        '收到申请信息公开件共7件,其中同意公开2件,无法提供5件。',
      problems: '2022年,我局政府信息公开的及时性、全面性有待加强。下一步将加强培训,提高信息质量。',
      other: '2022年,吴兴区发改经信局未收取政府信息公开信息处理费。本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。'
    },
    proactive: { ...seed.proactive, normativeDocuments: { issued: 1, repealed: 0, inForce: 3 } },
    requests: {
      ...requests,
      newReceived: { ...requests.newReceived, naturalPerson: 7, total: 7 },
      outcomes: {
        ...requests.outcomes,
        granted: { ...requests.outcomes.granted, naturalPerson: 2, total: 2 },
        unable: { ...requests.outcomes.unable, notHeld: { ...requests.outcomes.unable.notHeld, naturalPerson: 5, total: 5 } },
        total: { ...requests.outcomes.total, naturalPerson: 7, total: 7 }
      },
      carriedForward: { ...requests.carriedForward, naturalPerson: 0, total: 0 }
    },
    reviewLitigation: { ...reviewLitigation, review: { ...reviewLitigation.review, upheld: 0, total: 0 } }
  }
}

/** The seed made invalid twice over: a negative count and a field the template does not have. */
function invalidSeed (seed: AnnualReport): unknown {
  const { requests } = seed
  return { ...seed, requests: { ...requests, newReceived: { ...requests.newReceived, naturalPerson: -1 } }, remarks: '附件另行报送' }
}

function withExampleTimes (value: unknown): unknown {
  if (typeof value === 'string') return ISO_TIMESTAMP.test(value) ? EXAMPLE_TIME : value
  if (Array.isArray(value)) return value.map(withExampleTimes)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withExampleTimes(item)]))
  }
  return value
}

/** The app, and an API key that may write the seed's reports. */
interface Client {
  readonly app: App
  readonly token: string
}

async function send ({ app, token }: Client, { method, url, body, status }: Exchange): Promise<Answer> {
  const response = await app.inject({
    method, url, payload: body as object | undefined, headers: { authorization: `Bearer ${token}` }
  })
  if (response.statusCode !== status) throw new Error(`${method} ${url} answered ${response.statusCode}, not ${status}: ${response.body}`)
  const mediaType = String(response.headers['content-type']).split(';')[0]?.trim() ?? ''
  const value = withExampleTimes(response.json())
  const requestId = response.headers['x-request-id']
  return { mediaType, value: typeof requestId === 'string' ? JSON.parse(JSON.stringify(value).replaceAll(requestId, EXAMPLE_REQUEST_ID)) : value }
}

interface ChangesJson { readonly changes: ReadonlyArray<{ readonly delta: number | null }> }

/** Only the cells that changed: the informative part of a list of every comparable cell. */
function changedCellsOnly<T extends ChangesJson> (result: T): T {
  return { ...result, changes: result.changes.filter((cell) => cell.delta !== 0) }
}

/** The exchanges the examples come from, in order: the seed first, so that it is report 1. */
async function captureExamples (client: Client, seed: AnnualReport): Promise<OperationExamples> {
  const created = await send(client, { method: 'POST', url: '/v1/reports', body: seed, status: 201 })
  const refused = await send(client, { method: 'POST', url: '/v1/reports', body: invalidSeed(seed), status: 400 })
  // Storing the prior year re-checks the seed against it: from here on the seed has year-over-year changes.
  await send(client, { method: 'POST', url: '/v1/reports', body: priorYearOf(seed), status: 201 })
  const report = `/v1/reports/${(created.value as { id: number }).id}`
  const read = await send(client, { method: 'GET', url: report, status: 200 })
  const list = await send(client, { method: 'GET', url: `/v1/reports?limit=${LIST_PAGE_SIZE}`, status: 200 })
  const findings = await send(client, { method: 'GET', url: `${report}/findings`, status: 200 })
  const changes = await send(client, { method: 'GET', url: `${report}/changes`, status: 200 })
  const validation = await send(client, { method: 'POST', url: '/v1/validate', body: seed, status: 200 })
  const agencies = await send(client, { method: 'GET', url: `/v1/agencies?limit=${LIST_PAGE_SIZE}`, status: 200 })
  const agency = await send(client, { method: 'GET', url: `/v1/agencies/${seed.agency.code}`, status: 200 })

  const listed = findings.value as { items: unknown[] }
  const checked = validation.value as { findings: unknown[], yearOverYear: ChangesJson | null }
  const seedBody = { summary: 'The seed report: 湖州市吴兴区发展改革和经济信息化局, 2023', mediaType: 'application/json', value: seed }
  return {
    createReport: {
      request: seedBody,
      responses: {
        201: { summary: 'The seed report stored as report 1', ...created },
        400: { summary: 'The seed with a negative count and an unknown field', ...refused }
      }
    },
    getReport: { responses: { 200: { summary: 'The seed report, once its 2022 report is stored too', ...read } } },
    listReports: { responses: { 200: { summary: 'The seed report and its 2022 report', ...list } } },
    listReportFindings: {
      responses: {
        200: { summary: `The findings of the seed report (at most ${SHOWN_FINDINGS})`, ...findings, value: { ...listed, items: listed.items.slice(0, SHOWN_FINDINGS) } }
      }
    },
    getReportChanges: {
      responses: {
        200: { summary: 'The seed report against 2022, cells shortened to those that changed', ...changes, value: changedCellsOnly(changes.value as ChangesJson) }
      }
    },
    validateReport: {
      request: seedBody,
      responses: {
        200: {
          summary: `The seed report checked against 2022 (at most ${SHOWN_FINDINGS} findings; cells shortened to those that changed)`,
          ...validation,
          value: {
            ...checked,
            findings: checked.findings.slice(0, SHOWN_FINDINGS),
            yearOverYear: checked.yearOverYear === null ? null : changedCellsOnly(checked.yearOverYear)
          }
        }
      }
    },
    listAgencies: { responses: { 200: { summary: 'The seed report\'s agency', ...agencies } } },
    getAgency: { responses: { 200: { summary: 'The seed report\'s agency with its 2023 and 2022 reports', ...agency } } }
  }
}

/** Runs `capture` on the app over a fresh, migrated database, dropped afterwards whatever happens. */
async function withThrowawayApp<T> (capture: (client: Client) => Promise<T>): Promise<T> {
  const databaseName = `reports_examples_${randomBytes(4).toString('hex')}`
  await adminQuery(`create database ${databaseName}`)
  try {
    const url = new URL(serverUrl())
    url.pathname = `/${databaseName}`
    const db = createDatabase({ url: url.href, poolMax: 2 })
    let token: string
    try {
      await migrateToLatest(db)
      const grant = { name: '湖州市政务服务数据管理局', scopes: ['reports:write'], agencyCodes: [], regionPrefixes: ['3305'] }
      token = (await createKey(db, grant, { keyId: null, requestId: null })).token
    } finally {
      await db.destroy()
    }
    const app = await buildApp({ config: loadConfig({}), databaseUrl: url.href, logger: false, now: () => TODAY })
    try {
      return await capture({ app, token })
    } finally {
      await app.close()
    }
  } finally {
    await adminQuery(`drop database if exists ${databaseName} with (force)`)
  }
}

const seed = JSON.parse(await readFile(SEED_FILE, 'utf8')) as AnnualReport
const examples = await withThrowawayApp(async (client) => await captureExamples(client, seed))
await writeFile(EXAMPLES_FILE, `${JSON.stringify(examples, null, 2)}\n`)
console.log(`wrote ${EXAMPLES_FILE.pathname}`)
