/**
 * The floors of bench/http.ts: a bare Fastify app with one route per scenario and nothing else (no plugins,
 * no hooks, Fastify's own JSON parser and serializer), over a plain pg pool of the service's size.
 * - `POST /floor/reports` inserts the parsed JSON body into one JSONB column (`bench_floor.body`) — no validation;
 * - `GET /floor/reports/:id` selects one such row by primary key and sends its body;
 * - `POST /floor/validate` runs only the compiled TypeBox check of the report body, compiled as the service compiles
 *   it (`compileCheckOf(REPORT_COMPONENTS, AnnualReportSchema)`, with the `credit-code` format registered), and stores nothing.
 *
 * Run in a child process by bench/harness/server-child.ts; bench/http.ts creates the table with `FLOOR_TABLE_DDL`.
 */
import Fastify from 'fastify'
import pg from 'pg'
import Format from 'typebox/format'
import { isValidCreditCode } from '../src/domain/credit-code.js'
import { compileCheckOf } from '../src/http/compiled-checks.js'
import { AnnualReportSchema, REPORT_COMPONENTS } from '../src/schemas/report.js'
import type { FloorOptions } from './harness/servers.js'

/** One row per stored body: the floor's whole storage. */
export const FLOOR_TABLE_DDL = 'create table bench_floor (id bigint generated always as identity primary key, body jsonb not null)'

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

  return app
}
