/**
 * /v1/stats — totals over many reports: every cell summed by region, year and kind, the indicators recomputed
 * from the sums, the year before and the changes, and a breakdown by region or agency. Served from
 * `report_figures` (one row of columns per report), so a province is one SQL aggregation per year.
 */
import { type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { FIGURE_POINTERS, HEADLINE_POINTERS, type Rollup } from '../domain/rollup.js'
import { invalidQueryParameter } from '../http/problem.js'
import { COMMON_PROBLEM_RESPONSES, problemResponse } from '../schemas/problem.js'
import { StatsQuerySchema, StatsSchema } from '../schemas/stats.js'
import { type StatsGroup, StatsReader } from '../services/stats.js'

/** Cell totals kept in memory by the rollups read most recently: about 50 MB. */
const KEPT_CELLS = 500_000

const KNOWN_CELLS = new Set(FIGURE_POINTERS)

/** The cells a breakdown carries: those named in `cells`, each a cell some report can have, or the headline totals. */
function groupCells (cells: string | undefined): readonly string[] {
  if (cells === undefined) return HEADLINE_POINTERS
  const requested = [...new Set(cells.split(','))]
  const unknown = requested.filter((at) => !KNOWN_CELLS.has(at))
  if (unknown.length > 0) throw invalidQueryParameter('cells', `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a cell' : 'are not cells'} of tables 二/三/四`)
  return requested
}

function rollupJson (year: number, { reports, agencies, byStatus, byTemplate, cells, indicators }: Rollup) {
  return { year, reports, agencies, byStatus, byTemplate, cells: [...cells], indicators }
}

const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const reader = new StatsReader(app.dbRead, { keptCells: KEPT_CELLS, heavyWork: app.heavyWork })

  /** GET /v1/stats — rollup of the matching reports of a year and the year before, with an optional breakdown. */
  app.get('/v1/stats', {
    schema: {
      operationId: 'getStats',
      tags: ['stats'],
      summary: 'Statistics over many reports',
      description: 'Adds up every table cell of the latest revisions of the reports matching a region prefix, a year, a kind ' +
        'and optionally a template, and does the same for the year before: counts of reports by status and template, ' +
        'distinct agencies, per cell its sum, its blanks (counted apart from zeros) and how many reports have it, and the ' +
        'derived indicators recomputed from the sums (never averaged). `changes` compares the two years cell by cell. ' +
        'With `groupBy`, `groups` breaks the year down by region (one level below `region`), by agency or by kind, each ' +
        'group with its indicators and the cells named in `cells`. Totals are kept by the service until a report is stored, ' +
        'revised or moved (an answer always includes every write that was committed before the request), and HTTP caches ' +
        'may keep them for a minute. Computing the statistics of the whole country or of a province (no `region`, or one ' +
        `of 2 digits) again is a heavy read: at most ${'`HEAVY_READ_CONCURRENCY`'} run at once and ${'`HEAVY_READ_QUEUE`'} wait; ` +
        'beyond that the answer is 429 `RATE_LIMITED` with `Retry-After`.',
      querystring: StatsQuerySchema,
      response: {
        200: {
          description: 'The rollups, their changes and the breakdown.',
          headers: { 'cache-control': { type: 'string', description: '`public, max-age=60`: totals may be a minute old.' } },
          content: { 'application/json': { schema: StatsSchema } }
        },
        400: problemResponse('Invalid query: a missing or out-of-range year, a region that is not 2–6 digits, an unknown cell in `cells`, or `groupBy=agency` without `region` (`VALIDATION_ERROR`).'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request, reply) => {
    const { region, year, template, groupBy } = request.query
    const kind = request.query.kind ?? 'agency'
    const cells = groupBy === undefined ? [] : groupCells(request.query.cells)
    // One row per agency of a whole country would be ~75,000 groups: a breakdown by agency is per region.
    if (groupBy === 'agency' && region === undefined) throw invalidQueryParameter('groupBy', 'a breakdown by agency needs `region`')
    const stats = await reader.read({ region, year, kind, template, groupBy, cells })
    const shown = new Set(cells)
    const groupJson = ({ key, name, rollup }: StatsGroup) => {
      const { cells: groupTotals, ...totals } = rollupJson(year, rollup)
      const query = new URLSearchParams({
        ...(groupBy !== 'kind' ? { region: key } : region === undefined ? {} : { region }),
        year: String(year),
        kind: groupBy === 'kind' ? key : kind,
        ...(template === undefined ? {} : { template })
      })
      return {
        key,
        name,
        href: groupBy === 'agency' ? `/v1/agencies/${key}` : `/v1/stats?${query.toString()}`,
        reports: totals.reports,
        agencies: totals.agencies,
        byStatus: totals.byStatus,
        byTemplate: totals.byTemplate,
        cells: groupTotals.filter((cell) => shown.has(cell.pointer)),
        indicators: totals.indicators
      }
    }
    reply.header('cache-control', 'public, max-age=60')
    return {
      filters: { region: region ?? null, year, kind, template: template ?? null, groupBy: groupBy ?? null, cells: [...cells] },
      current: rollupJson(year, stats.current),
      previous: rollupJson(year - 1, stats.previous),
      comparableTables: [...stats.comparison.comparableTables],
      changes: [...stats.comparison.changes],
      indicatorChanges: [...stats.comparison.indicators],
      groups: stats.groups?.map(groupJson) ?? null
    }
  })
}

export default statsRoutes
