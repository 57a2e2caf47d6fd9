/**
 * The floors of bench/http.ts: a bare Fastify app (no plugins, no hooks, Fastify's own JSON parser and serializer)
 * over a plain pg pool of the service's size. Two floors, each a route per scenario:
 *
 * The bare floor, the least any server must do:
 * - `POST /floor/reports` inserts the parsed JSON body into one JSONB column (`bench_floor.body`) — no validation;
 * - `GET /floor/reports/:id` selects one such row by primary key and sends its body;
 * - `POST /floor/validate` runs only the compiled TypeBox check of the report body, compiled as the service compiles
 *   it (`compileCheckOf(REPORT_COMPONENTS, AnnualReportSchema)`, with the `credit-code` format registered), and stores nothing.
 *
 * The same-work floor, the work the service cannot skip, written plainly:
 * - `POST /floor/same-work/reports` parses the body, reads the same agency's report of the year before in one
 *   statement, runs the service's own `analyseReport` on them (every rule and the year-over-year changes), and stores
 *   the body and the analysis in one INSERT (`bench_floor_analysed`);
 * - `POST /floor/same-work/validate` does the same but the INSERT, and answers the analysis.
 * Its two statements are named (prepared once per connection), as the service's are.
 *
 * Run in a child process by bench/harness/server-child.ts; bench/http.ts creates the tables with `FLOOR_TABLES_DDL`.
 */
import Fastify from 'fastify'
import pg from 'pg'
import Format from 'typebox/format'
import { analyseReport } from '../src/domain/analysis.js'
import { isValidCreditCode } from '../src/domain/credit-code.js'
import type { AnnualReport } from '../src/domain/report.js'
import { compileCheckOf } from '../src/http/compiled-checks.js'
import { AnnualReportSchema, REPORT_COMPONENTS } from '../src/schemas/report.js'
import type { FloorOptions } from './harness/servers.js'

/** The floors' whole storage: a row per body, and for the same-work floor a row per body with its key and analysis. */
export const FLOOR_TABLES_DDL = [
  'create table bench_floor (id bigint generated always as identity primary key, body jsonb not null)',
  `create table bench_floor_analysed (
    id bigint generated always as identity primary key,
    agency_code text not null, kind text not null, year integer not null,
    body jsonb not null, analysis jsonb not null)`,
  'create index on bench_floor_analysed (agency_code, kind, year)'
]

const PRIOR_YEAR = {
  name: 'floor-prior-year',
  text: 'select body from bench_floor_analysed where agency_code = $1 and kind = $2 and year = $3 order by id desc limit 1'
}
const STORE_ANALYSED = {
  name: 'floor-store-analysed',
  text: 'insert into bench_floor_analysed (agency_code, kind, year, body, analysis) values ($1, $2, $3, $4, $5) returning id'
}

export async function buildFloorApp ({ databaseUrl, poolMax, bodyLimit }: FloorOptions) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax })
  pool.on('error', () => {})

  // The service registers this format in plugins/validation.ts before compiling; without it the check would fail.
  Format.Set('credit-code', isValidCreditCode)
  const check = compileCheckOf(REPORT_COMPONENTS, AnnualReportSchema)

  const app = Fastify({ logger: false, bodyLimit })
  app.addHook('onClose', async () => await pool.end())

  app.post('/floor/reports', async (request, reply) => {
    const { rows } = await pool.query<{ id: string }>('insert into bench_floor (body) values ($1) returning id', [JSON.stringify(request.body)])
    return await reply.code(201).send({ id: Number(rows[0]?.id) })
  })

  app.get<{ Params: { id: string } }>('/floor/reports/:id', async (request, reply) => {
    const { rows } = await pool.query<{ body: unknown }>('select body from bench_floor where id = $1', [request.params.id])
    const row = rows[0]
    if (row === undefined) return await reply.code(404).send({ error: 'not found' })
    return row.body
  })

  app.post('/floor/validate', async (request, reply) => {
    const result = check(request.body)
    if ('error' in result) return await reply.code(400).send({ errors: result.error.length })
    return { valid: true }
  })

  async function analyse (report: AnnualReport) {
    const { rows } = await pool.query<{ body: AnnualReport }>({ ...PRIOR_YEAR, values: [report.agency.code, report.kind, report.year - 1] })
    return analyseReport(report, rows[0]?.body ?? null)
  }

  app.post('/floor/same-work/reports', async (request, reply) => {
    const report = request.body as AnnualReport
    const analysis = await analyse(report)
    const { rows } = await pool.query<{ id: string }>({
      ...STORE_ANALYSED,
      values: [report.agency.code, report.kind, report.year, JSON.stringify(report), JSON.stringify(analysis)]
    })
    return await reply.code(201).send({ id: Number(rows[0]?.id) })
  })

  app.post('/floor/same-work/validate', async (request) => await analyse(request.body as AnnualReport))

  return app
}
