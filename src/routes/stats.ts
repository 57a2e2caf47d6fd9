/**
 * /v1/stats — totals over many reports: every cell summed by region, year and kind, the indicators recomputed
 * from the sums, the year before and the changes, and a breakdown by region or agency. Served from
 * `report_figures` (one row of columns per report), so a province is one SQL aggregation per year.
 */
import { type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  type FigureFilters, type FigureGrouping, type GroupTotals, inStatsSnapshot, sumFigureGroups, sumFigures
} from '../db/figures-repository.js'
import {
  compareRollups, FIGURE_POINTERS, HEADLINE_POINTERS, INDICATOR_INPUTS, nextRegionLevel, type Rollup, summarise
} from '../domain/rollup.js'
import { ProblemError } from '../problems.js'
import { COMMON_PROBLEM_RESPONSES, problemResponse } from '../schemas/problem.js'
import { StatsQuerySchema, StatsSchema } from '../schemas/stats.js'

const KNOWN_CELLS = new Set(FIGURE_POINTERS)

function invalidQuery (parameter: string, detail: string): ProblemError {
  return new ProblemError('VALIDATION_ERROR', `Invalid query parameter \`${parameter}\`: ${detail}.`, {
    errors: [{ pointer: `/${parameter}`, location: 'querystring', detail }]
  })
}

/** The cells a breakdown carries: those named in `cells`, each a cell some report can have, or the headline totals. */
function groupCells (cells: string | undefined): readonly string[] {
  if (cells === undefined) return HEADLINE_POINTERS
  const requested = [...new Set(cells.split(','))]
  const unknown = requested.filter((at) => !KNOWN_CELLS.has(at))
  if (unknown.length > 0) throw invalidQuery('cells', `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a cell' : 'are not cells'} of tables 二/三/四`)
  return requested
}

function rollupJson (year: number, { reports, agencies, byStatus, byTemplate, cells, indicators }: Rollup) {
  return { year, reports, agencies, byStatus, byTemplate, cells: [...cells], indicators }
}

const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** GET /v1/stats — rollup of the matching reports of a year and the year before, with an optional breakdown. */
  app.get('/v1/stats', {
    // A rollup of the whole country or a province adds up tens of thousands of reports; a city's is quick.
    config: { heavyRead: (request) => ((request.query as { region?: string }).region ?? '').length <= 2 },
    schema: {
      operationId: 'getStats',
      tags: ['stats'],
      summary: 'Statistics over many reports',
      description: 'Adds up every table cell of the latest revisions of the reports matching a region prefix, a year, a kind ' +
        'and optionally a template, and does the same for the year before: counts of reports by status and template, ' +
        'distinct agencies, per cell its sum, its blanks (counted apart from zeros) and how many reports have it, and the ' +
        'derived indicators recomputed from the sums (never averaged). `changes` compares the two years cell by cell. ' +
        'With `groupBy`, `groups` breaks the year down by region (one level below `region`), by agency or by kind, each ' +
        'group with its indicators and the cells named in `cells`. Cached for a minute. Statistics of the whole country or ' +
        'of a province (no `region`, or one of 2 digits) are a heavy read.',
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
    if (groupBy === 'agency' && region === undefined) throw invalidQuery('groupBy', 'a breakdown by agency needs `region`')
    const filters: FigureFilters = { region, year, kind, template }
    const grouping: FigureGrouping | undefined = groupBy === undefined
      ? undefined
      : groupBy === 'region' ? { by: 'region', digits: nextRegionLevel(region) } : { by: groupBy }
    const totals = await inStatsSnapshot(app.dbRead, async (trx) => ({
      current: await sumFigures(trx, filters),
      previous: await sumFigures(trx, { ...filters, year: year - 1 }),
      groups: grouping === undefined ? null : await sumFigureGroups(trx, filters, grouping, [...new Set([...cells, ...INDICATOR_INPUTS])])
    }))
    const current = summarise(totals.current)
    const previous = summarise(totals.previous)
    const comparison = compareRollups(previous, current)
    const shown = new Set(cells)
    const groupJson = (group: GroupTotals) => {
      const { cells: groupTotals, ...rollup } = rollupJson(year, summarise(group))
      const query = new URLSearchParams({
        ...(groupBy !== 'kind' ? { region: group.key } : region === undefined ? {} : { region }),
        year: String(year),
        kind: groupBy === 'kind' ? group.key : kind,
        ...(template === undefined ? {} : { template })
      })
      return {
        key: group.key,
        name: group.name,
        href: groupBy === 'agency' ? `/v1/agencies/${group.key}` : `/v1/stats?${query.toString()}`,
        reports: rollup.reports,
        agencies: rollup.agencies,
        byStatus: rollup.byStatus,
        byTemplate: rollup.byTemplate,
        cells: groupTotals.filter((cell) => shown.has(cell.pointer)),
        indicators: rollup.indicators
      }
    }
    reply.header('cache-control', 'public, max-age=60')
    return {
      filters: { region: region ?? null, year, kind, template: template ?? null, groupBy: groupBy ?? null, cells: [...cells] },
      current: rollupJson(year, current),
      previous: rollupJson(year - 1, previous),
      comparableTables: [...comparison.comparableTables],
      changes: [...comparison.changes],
      indicatorChanges: [...comparison.indicators],
      groups: totals.groups?.map(groupJson) ?? null
    }
  })
}

export default statsRoutes
