/**
 * The figures of each report's latest revision in columns (`report_figures`, one row per report) and the totals
 * over them: one SQL aggregation adds up every cell of thousands of reports. Executor first; rows are turned into
 * the domain's `FigureTotals` here, and `src/domain/rollup.ts` interprets them (blanks, indicators, changes).
 */
import { type Insertable, type Kysely, type RawBuilder, sql, type Transaction } from 'kysely'
import { reportCells } from '../domain/cells.js'
import type { AnnualReport, ReportKind, Template } from '../domain/report.js'
import { FIGURE_POINTERS, type FigureTotals, type LayoutCount, LAYOUTS, layoutOf, REPORT_STATUSES, type ReportStatus } from '../domain/rollup.js'
import { computeIndicators } from '../domain/year-over-year.js'
import type { Database, ReportFiguresTable } from './database.js'
import type { Executor } from './executor.js'
import { type CellColumn, FIGURE_COLUMN_TYPES, figureColumn, LEADING_COLUMN_TYPES, type LeadingColumn } from './figure-columns.js'
import * as statements from './statements.js'

// The tests and benchmarks of the figures name a cell's column through this module.
export { figureColumn }

const CELL_COLUMNS: ReadonlyMap<string, CellColumn> = new Map(FIGURE_POINTERS.map((at) => [at, figureColumn(at)]))

/** What the columns of a figures row are read from. */
interface FiguresSource {
  readonly reportId: number
  readonly body: AnnualReport
  readonly status: ReportStatus
  readonly indicators: ReturnType<typeof computeIndicators>
  readonly blanks: readonly string[]
}

/** How each column of `report_figures` before the cells is read from its report. */
const LEADING_VALUES: { readonly [Column in LeadingColumn]: (source: FiguresSource) => unknown } = {
  report_id: ({ reportId }) => reportId,
  agency_code: ({ body }) => body.agency.code,
  region_code: ({ body }) => body.agency.regionCode,
  year: ({ body }) => body.year,
  kind: ({ body }) => body.kind,
  template: ({ body }) => body.template,
  single_row_other: ({ body }) => layoutOf(body).singleRowOther,
  status: ({ status }) => status,
  blank_pointers: ({ blanks }) => blanks,
  disclosure_rate: ({ indicators }) => indicators.disclosureRate,
  denial_rate: ({ indicators }) => indicators.denialRate,
  not_held_share: ({ indicators }) => indicators.notHeldShare,
  review_correction_rate: ({ indicators }) => indicators.reviewCorrectionRate,
  litigation_correction_rate: ({ indicators }) => indicators.litigationCorrectionRate
}

const CELL_POSITIONS: ReadonlyMap<string, number> = new Map(FIGURE_POINTERS.map((at, index) => [at, LEADING_COLUMN_TYPES.length + index]))

/**
 * The `report_figures` row of a report body as values in column order: every column is set, the cells the report
 * does not have (those of the other template or （六） layout) to null, so that an upsert after a change of layout
 * leaves nothing stale.
 */
function figuresValues (reportId: number, body: AnnualReport, status: ReportStatus): unknown[] {
  const values: unknown[] = new Array(FIGURE_COLUMN_TYPES.length).fill(null)
  const blanks: string[] = []
  for (const cell of reportCells(body)) {
    const position = CELL_POSITIONS.get(cell.pointer)
    if (position === undefined) throw new Error(`report_figures has no column for the cell ${cell.pointer}`)
    values[position] = cell.value
    if (cell.value === null) blanks.push(cell.pointer)
  }
  const source = { reportId, body, status, indicators: computeIndicators(body), blanks }
  LEADING_COLUMN_TYPES.forEach(([column], position) => { values[position] = LEADING_VALUES[column](source) })
  return values
}

/** The `report_figures` row of a report body by column name (see `figuresValues`). */
export function figuresRow (reportId: number, body: AnnualReport, status: ReportStatus): Insertable<ReportFiguresTable> {
  const values = figuresValues(reportId, body, status)
  return Object.fromEntries(FIGURE_COLUMN_TYPES.map(([column], position) => [column, values[position]])) as Insertable<ReportFiguresTable>
}

/** The figures of one report's latest revision, with the status of its analysis. */
export interface ReportFiguresEntry {
  readonly reportId: number
  readonly body: AnnualReport
  readonly status: ReportStatus
}

/**
 * Stores the figures of reports' latest revisions (replacing those of the revisions before), in one statement.
 * Call it in the transaction that stores the revisions and their analyses, with the analyses' status. A report
 * given twice keeps its last entry.
 */
export async function saveFigures (db: Executor, entries: readonly ReportFiguresEntry[]): Promise<void> {
  if (entries.length === 0) return
  await statements.upsertFigures.run(db, [JSON.stringify(figuresRows(entries))])
}

/** The figures rows of entries as `upsertFigures` reads them, values by position; of a report given twice, its last. */
export function figuresRows (entries: readonly ReportFiguresEntry[]): unknown[][] {
  const latest = new Map(entries.map((entry) => [entry.reportId, entry]))
  return [...latest.values()].map(({ reportId, body, status }) => figuresValues(reportId, body, status))
}

export interface FigureFilters {
  /** A prefix of the 6-digit region code (digits only). */
  readonly region?: string
  readonly year: number
  readonly kind: ReportKind
  readonly template?: Template
}

/** The figures rows of the filters; with `everyKind`, of both kinds (a breakdown by kind keeps them apart). */
function scoped (db: Executor, filters: FigureFilters, { everyKind = false } = {}) {
  let query = db.selectFrom('report_figures').where('report_figures.year', '=', filters.year)
  if (!everyKind) query = query.where('report_figures.kind', '=', filters.kind)
  // region_code is collated "C", so the prefix is a range scan of report_figures_scope_idx. The schema lets
  // only digits through, so the prefix holds no LIKE wildcard.
  if (filters.region !== undefined) query = query.where('report_figures.region_code', 'like', `${filters.region}%`)
  if (filters.template !== undefined) query = query.where('report_figures.template', '=', filters.template)
  return query
}

const ref = (column: string) => sql.ref(`report_figures.${column}`)

/**
 * The aggregates of one rollup: report counts (all, by status, by layout), distinct agencies, and each cell's sum
 * (a blank is NULL and adds nothing). Aliases are positional (`s0`, `s1`, …) to keep the statement short.
 *
 * Blanks are counted by `blankCounts`, not with a `count(column)` per cell here: measured on ~2,400 reports, a
 * count beside each sum made the aggregation ~1.7× as slow and its planning 2–3× as slow, while the few reports
 * with blanks (3 %) are counted in under a millisecond (bench/README.md).
 */
function totalsSelections (pointers: readonly string[]) {
  return [
    sql<string>`count(*)`.as('reports'),
    sql<string>`count(distinct ${ref('agency_code')})`.as('agencies'),
    ...REPORT_STATUSES.map((status) => sql<string>`count(*) filter (where ${ref('status')} = ${sql.lit(status)})`.as(`status_${status}`)),
    ...LAYOUTS.map((layout, index) =>
      sql<string>`count(*) filter (where ${ref('template')} = ${sql.lit(layout.template)} and ${layout.singleRowOther ? sql`` : sql`not `}${ref('single_row_other')})`.as(`layout${index}`)),
    ...pointers.map((at, index) => sql<string | null>`sum(${ref(CELL_COLUMNS.get(at) ?? figureColumn(at))})`.as(`s${index}`))
  ]
}

/** The reports with a blank cell among those matching, one row per (key, blank pointer); served by report_figures_blanks_idx. */
function blankRows (db: Executor, filters: FigureFilters, key: RawBuilder<string>, everyKind = false) {
  return scoped(db, filters, { everyKind })
    .where(ref('blank_pointers'), '!=', sql`'{}'`)
    .select([key.as('key'), sql<string>`unnest(${ref('blank_pointers')})`.as('pointer')])
}

/** Per key and cell, how many matching reports left the cell blank. */
async function blankCounts (db: Executor, filters: FigureFilters, key: RawBuilder<string>, everyKind = false): Promise<Map<string, Map<string, number>>> {
  const rows = await db.selectFrom(blankRows(db, filters, key, everyKind).as('blank'))
    .select(['blank.key', 'blank.pointer', sql<string>`count(*)`.as('reports')])
    .groupBy(['blank.key', 'blank.pointer'])
    .execute()
  const counts = new Map<string, Map<string, number>>()
  for (const row of rows) {
    const perKey = counts.get(row.key) ?? new Map<string, number>()
    perKey.set(row.pointer, Number(row.reports))
    counts.set(row.key, perKey)
  }
  return counts
}

// Built once: the builders are immutable, and the full list takes a millisecond or two to build per request.
const ALL_CELLS_SELECTIONS = totalsSelections(FIGURE_POINTERS)

function selectionsFor (pointers: readonly string[]) {
  return pointers === FIGURE_POINTERS ? ALL_CELLS_SELECTIONS : totalsSelections(pointers)
}

function toTotals (row: Readonly<Record<string, unknown>>, pointers: readonly string[], blanks: ReadonlyMap<string, number> | undefined): FigureTotals {
  // pg returns bigint counts and numeric sums as text; sums of counts stay far below 2^53, amounts keep 6 decimals.
  const number = (alias: string): number => Number(row[alias] ?? 0)
  return {
    reports: number('reports'),
    agencies: number('agencies'),
    byStatus: { clean: number('status_clean'), warnings: number('status_warnings'), errors: number('status_errors') },
    layouts: LAYOUTS.map((layout, index): LayoutCount => ({ ...layout, reports: number(`layout${index}`) })),
    cells: new Map(pointers.map((at, index) => [at, { sum: number(`s${index}`), blanks: blanks?.get(at) ?? 0 }]))
  }
}

/** The rollup query of one year (without the blanks), unexecuted: `sumFigures` runs it, the benchmark explains it. */
export function totalsQuery (db: Executor, filters: FigureFilters, pointers: readonly string[] = FIGURE_POINTERS) {
  return scoped(db, filters).select(selectionsFor(pointers))
}

/** The key of a rollup without groups. */
const NO_KEY = sql<string>`''`

/** The blank-counting query of one year, unexecuted (for the benchmark). */
export function blanksQuery (db: Executor, filters: FigureFilters) {
  return blankRows(db, filters, NO_KEY)
}

/**
 * Adds up the figures of every report matching the filters (one year, one kind, a region prefix, a template):
 * counts by status and layout, distinct agencies, and per cell its sum (one SQL aggregation) and its blanks.
 */
export async function sumFigures (db: Executor, filters: FigureFilters, pointers: readonly string[] = FIGURE_POINTERS): Promise<FigureTotals> {
  const row = await totalsQuery(db, filters, pointers).executeTakeFirstOrThrow()
  const blanks = await blankCounts(db, filters, NO_KEY)
  return toTotals(row, pointers, blanks.get(''))
}

/**
 * A breakdown: by region one level below the filter's prefix (2, 4 or 6 digits), by agency, or by kind (the
 * departments' own reports and the governments' summaries side by side, never added together).
 */
export type FigureGrouping = { readonly by: 'region', readonly digits: 2 | 4 | 6 } | { readonly by: 'agency' } | { readonly by: 'kind' }

export interface GroupTotals extends FigureTotals {
  /** The region prefix or the agency's 统一社会信用代码. */
  readonly key: string
  /** The agency's name as its most recent report states it; null for regions. */
  readonly name: string | null
}

/**
 * The totals of each group of matching reports, in key order, for the given cells only (the indicators need
 * `INDICATOR_INPUTS`): a breakdown over many groups keeps few aggregates per group.
 */
export async function sumFigureGroups (
  db: Executor, filters: FigureFilters, grouping: FigureGrouping, pointers: readonly string[]
): Promise<GroupTotals[]> {
  const selections = selectionsFor(pointers)
  if (grouping.by === 'kind') {
    const key = sql<string>`${ref('kind')}`
    const rows = await scoped(db, filters, { everyKind: true }).select([key.as('key'), ...selections]).groupBy(key).orderBy(key).execute()
    const blanks = await blankCounts(db, filters, key, true)
    return rows.map((row) => ({ key: row.key, name: null, ...toTotals(row, pointers, blanks.get(row.key)) }))
  }
  if (grouping.by === 'region') {
    const key = sql<string>`substr(${ref('region_code')}, 1, ${sql.lit(grouping.digits)})`
    const rows = await scoped(db, filters).select([key.as('key'), ...selections]).groupBy(key).orderBy(key).execute()
    const blanks = await blankCounts(db, filters, key)
    return rows.map((row) => ({ key: row.key, name: null, ...toTotals(row, pointers, blanks.get(row.key)) }))
  }
  const rows = await scoped(db, filters)
    .innerJoin('agency', 'agency.code', 'report_figures.agency_code')
    .select(['report_figures.agency_code as key', 'agency.name as name', ...selections])
    .groupBy(['report_figures.agency_code', 'agency.name'])
    .orderBy('report_figures.agency_code')
    .execute()
  const blanks = await blankCounts(db, filters, sql<string>`${ref('agency_code')}`)
  return rows.map((row) => ({ key: row.key, name: row.name, ...toTotals(row, pointers, blanks.get(row.key)) }))
}

/**
 * Runs the queries of one statistics request in one read-only snapshot (both years and the breakdown see the same
 * data), with JIT compilation off: Postgres would JIT-compile a nationwide rollup (its cost passes `jit_above_cost`),
 * and compiling ~200 aggregates took 100–650 ms against ~20 ms to run them interpreted (measured on Postgres 15).
 */
export async function inStatsSnapshot<T> (db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return await db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (trx) => {
    await sql`set local jit = off`.execute(trx)
    return await work(trx)
  })
}
