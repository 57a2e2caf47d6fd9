/**
 * GET /v1/exports/reports.csv and .ndjson — every matching report in one streamed download.
 * Reports are read from the database a batch at a time and written as they come, so memory stays
 * flat whatever the number of reports.
 */
import { Readable } from 'node:stream'
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { AnnualReport } from '../domain/report.js'
import type { ReportSummary } from '../domain/stored-report.js'
import { ReportFilterProperties } from '../schemas/analysis.js'
import { CELL_COLUMNS } from '../schemas/cell-columns.js'
import { COMMON_PROBLEM_RESPONSES, problemResponse } from '../schemas/problem.js'
import { reportHref, summaryJson } from './reports/representation.js'
import { type ReportFilters, readReportsWithBodies } from '../services/reads.js'

const FILTERS = ReportFilterProperties

const META_COLUMNS = [
  ['id', '报告编号'], ['agencyCode', '统一社会信用代码'], ['agencyName', '机关名称'], ['regionCode', '行政区划代码'],
  ['year', '报告年度'], ['kind', '报告类型'], ['template', '报告格式'], ['revision', '修订版本'], ['status', '检查结果']
] as const

/**
 * The first characters with which a spreadsheet reads a cell as a formula (OWASP, "CSV Injection"):
 * an agency name such as `=HYPERLINK(…)` would run when the file is opened in Excel or LibreOffice.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * RFC 4180 quoting: fields with commas, quotes or line breaks are quoted, quotes doubled. Text that a
 * spreadsheet would take for a formula is neutralised as OWASP advises: a single quote before it, and
 * the field quoted. Numbers are written as they are: the export's numbers are counts and amounts.
 */
function csvField (value: string | number | null): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  if (FORMULA_START.test(value)) return `"'${value.replaceAll('"', '""')}"`
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** The value at a JSON Pointer of our own making (keys never need escaping), or null when absent. */
function valueAt (body: AnnualReport, pointer: string): number | null {
  let node: unknown = body
  for (const key of pointer.slice(1).split('/')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined
  }
  return typeof node === 'number' ? node : null
}

function csvRow (report: ReportSummary, body: AnnualReport): string {
  const meta = [report.id, report.agencyCode, report.agencyName, report.regionCode, report.year, report.kind, report.template,
    report.latestRevision, report.analysis?.status ?? null]
  return [...meta, ...CELL_COLUMNS.map((column) => valueAt(body, column.pointer))].map(csvField).join(',') + '\r\n'
}

type ExportRows = AsyncIterable<{ report: ReportSummary, body: AnnualReport }>

/** Rows written between two turns given to ordinary requests (see `ordinaryFirst`): a few milliseconds of work. */
const ROWS_PER_TURN = 50

const GIVES_WAY = `Ordinary requests go first: while any is in flight, the export pauses before each ${ROWS_PER_TURN} rows, ` +
  'for at most `HEAVY_READ_MAX_PAUSE_MS` (100 ms by default) each time.'

/** The rows, pausing before each chunk of them while ordinary requests are in flight. */
async function * givingWay (rows: ExportRows, ordinaryFirst: () => Promise<void>): ExportRows {
  let count = 0
  for await (const row of rows) {
    if (count++ % ROWS_PER_TURN === 0) await ordinaryFirst()
    yield row
  }
}

async function * csvLines (rows: ExportRows, labels: boolean): AsyncGenerator<string> {
  // The byte order mark makes Excel read the file as UTF-8 (otherwise the Chinese comes out garbled).
  const header = [...META_COLUMNS.map(([key, label]) => labels ? label : key), ...CELL_COLUMNS.map((column) => labels ? column.label : column.pointer)]
  yield '\uFEFF' + header.map(csvField).join(',') + '\r\n'
  for await (const { report, body } of rows) yield csvRow(report, body)
}

async function * ndjsonLines (rows: ExportRows): AsyncGenerator<string> {
  for await (const { report, body } of rows) {
    yield JSON.stringify({ ...summaryJson(report), href: reportHref(report.id), report: body }) + '\n'
  }
}

const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const responses = (mediaType: string, description: string) => ({
    200: { description, content: { [mediaType]: { schema: { type: 'string' } } } },
    400: problemResponse('An unknown or invalid filter.'),
    ...COMMON_PROBLEM_RESPONSES
  })

  /** GET /v1/exports/reports.csv — one row per report, one column per cell. */
  app.get('/v1/exports/reports.csv', {
    config: { heavyRead: true },
    schema: {
      operationId: 'exportReportsCsv',
      tags: ['exports'],
      summary: 'Export reports as CSV',
      description: 'One row per report (its latest revision), one column per cell of tables 二, 三 and 四 of both templates ' +
        '(blank cells and cells of the other template are empty). UTF-8 with a byte order mark for Excel. ' +
        'Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is written ' +
        'with a single quote before it, as OWASP advises against CSV injection; the NDJSON export keeps every text exact. ' +
        'The header names columns by JSON Pointer, or by the form\'s Chinese labels with `header=labels`. Same filters as `GET /v1/reports`. ' + GIVES_WAY,
      querystring: Type.Object({
        ...FILTERS,
        header: Type.Optional(Type.Union([Type.Literal('pointers'), Type.Literal('labels')], { default: 'pointers', description: 'Header row: JSON Pointers (default) or Chinese labels.' }))
      }, { additionalProperties: false }),
      response: responses('text/csv', 'The reports, streamed.')
    }
  }, async (request, reply) => {
    const { header, ...filters } = request.query
    const rows = givingWay(readReportsWithBodies(app.dbRead, filters satisfies ReportFilters), app.ordinaryFirst)
    return await reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="reports.csv"')
      .header('cache-control', 'no-cache')
      .send(Readable.from(csvLines(rows, header === 'labels')))
  })

  /** GET /v1/exports/reports.ndjson — one JSON document per line. */
  app.get('/v1/exports/reports.ndjson', {
    config: { heavyRead: true },
    schema: {
      operationId: 'exportReportsNdjson',
      tags: ['exports'],
      summary: 'Export reports as NDJSON',
      description: 'One line per report: the fields of `GET /v1/reports` items plus `report`, the body of its latest revision. Same filters as `GET /v1/reports`. ' + GIVES_WAY,
      querystring: Type.Object(FILTERS, { additionalProperties: false }),
      response: responses('application/x-ndjson', 'The reports, streamed.')
    }
  }, async (request, reply) => {
    const rows = givingWay(readReportsWithBodies(app.dbRead, request.query), app.ordinaryFirst)
    return await reply
      .type('application/x-ndjson; charset=utf-8')
      .header('content-disposition', 'attachment; filename="reports.ndjson"')
      .header('cache-control', 'no-cache')
      .send(Readable.from(ndjsonLines(rows)))
  })
}

export default exportRoutes
