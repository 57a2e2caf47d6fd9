/**
 * A government's summary and the departments' reports of its region and year, read from `report_figures` (one row
 * of cell columns per report): the parts added up cell by cell in one aggregate per region-year, served by
 * `report_figures_scope_idx` (year, kind, region_code); and the GOV-PARTS results of summaries saved in place.
 * Executor first; rows are mapped to the domain's `RegionParts` here.
 */
import type { CellRef } from '../domain/cells.js'
import type { FindingSummary } from '../domain/check-report.js'
import type { Finding } from '../domain/findings.js'
import { COVERAGE_POINTERS, type PartCellSum, type RegionParts, RULE_POINTERS } from '../domain/government-parts.js'
import { findingRow } from './analysis-repository.js'
import type { Executor } from './executor.js'
import { cellArray, figureColumn } from './figure-columns.js'
import * as statements from './statements.js'

/** One region and year: the scope of a summary and of its parts. */
export interface RegionYear {
  readonly regionCode: string
  readonly year: number
}

export const regionYearText = ({ regionCode, year }: RegionYear): string => `${regionCode}:${year}`

/** Each region-year once, in one global order (the order their locks are taken in: see `lockSummariesWithParts`). */
export function uniqueRegionYears (keys: readonly RegionYear[]): RegionYear[] {
  const unique = new Map(keys.map((key) => [regionYearText(key), { regionCode: key.regionCode, year: key.year }]))
  return [...unique.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([, key]) => key)
}

function toRegionParts (row: statements.RegionPartsRow, pointers: readonly string[]): RegionParts {
  const cells = new Map<string, PartCellSum>()
  for (const [position, sum] of (row.sums ?? []).entries()) {
    const at = pointers[position]
    if (at === undefined) throw new Error(`parts aggregate returned cell ${position + 1} of ${pointers.length}`)
    if (sum !== null && Number(sum) !== 0) cells.set(at, { sum: Number(sum), top: [] })
  }
  return {
    regionCode: row.region_code,
    year: row.year,
    departments: (row.departments ?? []).map(([reportId, agencyCode, agencyName]) => ({ reportId: Number(reportId), agencyCode, agencyName })),
    cells
  }
}

type PointerSet = typeof RULE_POINTERS | typeof COVERAGE_POINTERS

const STATEMENTS = new Map([
  [RULE_POINTERS, { sums: statements.ruleCellParts, contributors: statements.ruleCellContributors }],
  [COVERAGE_POINTERS, { sums: statements.coverageCellParts, contributors: statements.coverageCellContributors }]
])

function statementsFor (pointers: PointerSet) {
  const found = STATEMENTS.get(pointers)
  if (found === undefined) throw new Error('parts are added up over RULE_POINTERS or COVERAGE_POINTERS')
  return found
}

const scopeJson = (keys: readonly RegionYear[]): string => JSON.stringify(keys.map(({ regionCode, year }) => ({ region_code: regionCode, year })))

/**
 * The stored `agency` reports of each region-year added up over `pointers` (the cells GOV-PARTS compares, or those
 * coverage shows), one statement for all of them; `get` answers by region-year, with no departments where none is
 * stored. The contributors are not looked up (`withTopContributors` adds them where they are needed).
 */
export async function findRegionParts (db: Executor, keys: readonly RegionYear[], pointers: PointerSet): Promise<{ get: (key: RegionYear) => RegionParts }> {
  const unique = uniqueRegionYears(keys)
  const found = new Map<string, RegionParts>()
  if (unique.length > 0) {
    for (const row of await statementsFor(pointers).sums.run(db, [scopeJson(unique)])) {
      found.set(regionYearText({ regionCode: row.region_code, year: row.year }), toRegionParts(row, pointers))
    }
  }
  return { get: (key) => found.get(regionYearText(key)) ?? { ...key, departments: [], cells: new Map() } }
}

/**
 * Each region's parts with the largest contributors of the cells asked for filled in (one statement for all,
 * none when no cell is asked for): a finding names them, and an exceeded cell is rare.
 */
export async function withTopContributors (
  db: Executor, requests: ReadonlyArray<{ readonly parts: RegionParts, readonly cells: readonly string[] }>, pointers: PointerSet
): Promise<RegionParts[]> {
  const positions = new Map(pointers.map((at, index) => [at, index + 1]))
  const wanted = requests.filter(({ cells }) => cells.length > 0).map(({ parts, cells }) =>
    ({ region_code: parts.regionCode, year: parts.year, positions: cells.map((at) => positions.get(at)).filter((position) => position !== undefined) }))
  if (wanted.length === 0) return requests.map(({ parts }) => parts)
  const tops = new Map<string, PartCellSum['top']>()
  for (const row of await statementsFor(pointers).contributors.run(db, [JSON.stringify(wanted)])) {
    const top = row.top.map(([agencyCode, agencyName, value]) => ({ agencyCode, agencyName, value: Number(value) }))
    tops.set(`${regionYearText({ regionCode: row.region_code, year: row.year })}:${pointers[Number(row.position) - 1] ?? ''}`, top)
  }
  return requests.map(({ parts }) => ({
    ...parts,
    cells: new Map([...parts.cells].map(([at, cell]) => [at, { ...cell, top: tops.get(`${regionYearText(parts)}:${at}`) ?? cell.top }]))
  }))
}

/** A stored summary, its cells of tables 三 and 四 as its figures row holds them, and its parts. */
export interface SummaryWithParts {
  readonly reportId: number
  readonly revision: number
  /** The cells the summary has (a blank is null; a cell of the other （六） layout is left out). */
  readonly cells: readonly CellRef[]
  /** Its stored findings of every other rule, counted as `FindingSummary` counts them, and how many there are. */
  readonly otherFindings: { readonly count: number, readonly counts: FindingSummary['counts'] }
  /** Its stored GOV-PARTS findings, in order, as `comparableFinding` gives them. */
  readonly storedFindings: readonly unknown[]
  readonly parts: RegionParts
}

/** The fields of a finding that GOV-PARTS sets, as one array: a stored finding and a recomputed one compare by it. */
export function comparableFinding (finding: Finding): unknown[] {
  const { ruleId, severity, status, message, messageEn, pointers, expected, actual, difference, context } = finding
  return [ruleId, severity, status, message, messageEn, pointers, expected, actual, difference, context]
}

/**
 * The `government` reports of the region-years in $1 with their figures, the counts of their other findings, their
 * stored GOV-PARTS findings and their parts added up: one statement, whatever the number of summaries. Summaries
 * are found by `report_figures_scope_idx`, and each summary's parts are one aggregate (one sum per cell) over the rows
 * of its region-year that the same index finds. It also marks the summaries changed (their version, so their ETags
 * change): their parts changed.
 *
 * It runs inside the database function `gov_parts_summaries` (migration 2026_12_03_090000), after the region-years'
 * locks and in a snapshot of its own; the migration holds a frozen copy of this text, which
 * test/services/government-parts.test.ts compares with this one. Exported for that test and the benchmark's EXPLAIN.
 */
export const SUMMARIES_WITH_PARTS_SQL = `with summaries as (
    select summary.report_id, report.current_revision as revision, summary.region_code, summary.year, summary.blank_pointers,
      ${cellArray('summary', RULE_POINTERS)} as summary_cells
    from jsonb_to_recordset($1::jsonb) as input (region_code text, year integer)
    join report_figures as summary on summary.year = input.year and summary.kind = 'government' and summary.region_code = input.region_code collate "C"
    join report on report.id = summary.report_id
  ), touched as (
    update report set version = report.version + 1 from summaries where report.id = summaries.report_id
  )
  select summaries.report_id, summaries.revision, summaries.region_code, summaries.year, summaries.blank_pointers, summaries.summary_cells,
    other.finding_count, other.error_count, other.warning_count, other.info_count, other.not_assessable_count, other.parts_findings,
    totals.departments, totals.sums
  from summaries
  cross join lateral (
    select count(*) filter (where rule_id <> 'GOV-PARTS') as finding_count,
      count(*) filter (where rule_id <> 'GOV-PARTS' and status = 'failed' and severity = 'error') as error_count,
      count(*) filter (where rule_id <> 'GOV-PARTS' and status = 'failed' and severity = 'warning') as warning_count,
      count(*) filter (where rule_id <> 'GOV-PARTS' and status = 'failed' and severity = 'info') as info_count,
      count(*) filter (where rule_id <> 'GOV-PARTS' and status = 'not_assessable') as not_assessable_count,
      jsonb_agg(jsonb_build_array(rule_id, severity, status, message, message_en, pointers, expected, actual, difference, context)
        order by ordinal) filter (where rule_id = 'GOV-PARTS') as parts_findings
    from finding where finding.report_id = summaries.report_id and finding.revision = summaries.revision
  ) as other
  cross join lateral (
    select jsonb_agg(jsonb_build_array(part.report_id, part.agency_code, agency.name) order by part.agency_code) as departments,
      array[${RULE_POINTERS.map((at) => `sum(part.${figureColumn(at)})`).join(', ')}]::numeric[] as sums
    from report_figures as part
    join agency on agency.code = part.agency_code
    where part.year = summaries.year and part.kind = 'agency' and part.region_code = summaries.region_code
  ) as totals
  order by summaries.report_id`

/**
 * Takes the locks of these region-years (those `lockSummariesWithParts` takes again later, which then costs
 * nothing): for a writer that locks or updates a summary's report row before its GOV-PARTS. A department's writer
 * holds the region-year's lock when it marks the summary changed, so a writer that held the summary's row first and
 * asked for the lock after would deadlock with it. Called after the agencies' locks.
 */
export async function lockRegionYears (db: Executor, keys: readonly RegionYear[]): Promise<void> {
  const unique = uniqueRegionYears(keys)
  if (unique.length === 0) return
  await statements.lockRegionYears.run(db, [unique.map(regionYearText)])
}

/**
 * Takes the locks of these region-years, which serialise the writers of their summaries and parts (a summary and a
 * department's report stored at once still see each other, as each reads after the other committed), then returns
 * their stored summaries, each with its parts added up, marked changed (see `SUMMARIES_WITH_PARTS_SQL`). Called after
 * the agencies' locks.
 */
export async function lockSummariesWithParts (db: Executor, keys: readonly RegionYear[]): Promise<SummaryWithParts[]> {
  const unique = uniqueRegionYears(keys)
  if (unique.length === 0) return []
  const scope = JSON.stringify(unique.map(({ regionCode, year }) => ({ region_code: regionCode, year })))
  // The locks are taken in the order of `unique`, the same for every writer, so that two writers cannot deadlock.
  const rows = await statements.summariesWithParts.run(db, [scope, unique.map(regionYearText)])
  return rows.map(toSummaryWithParts)
}

/** A summary found with its parts, as `gov_parts_summaries` answers it (pg's row, or the same row as JSON). */
export function toSummaryWithParts (row: statements.SummaryWithPartsRow): SummaryWithParts {
  const blanks = new Set(row.blank_pointers)
  // A null column is a blank only if the row lists it; otherwise the summary's layout has no such cell.
  const cells = RULE_POINTERS.flatMap((pointer, position): CellRef[] => {
    const value = row.summary_cells[position] ?? null
    if (value === null) return blanks.has(pointer) ? [{ pointer, value: null }] : []
    return [{ pointer, value: Number(value) }]
  })
  return {
    reportId: Number(row.report_id),
    revision: row.revision,
    cells,
    otherFindings: {
      count: Number(row.finding_count),
      counts: {
        error: Number(row.error_count),
        warning: Number(row.warning_count),
        info: Number(row.info_count),
        notAssessable: Number(row.not_assessable_count)
      }
    },
    storedFindings: row.parts_findings ?? [],
    parts: toRegionParts(row, RULE_POINTERS)
  }
}

/** A summary's recomputed GOV-PARTS findings, placed after its other findings, and its new summary of all of them. */
export interface PartsResult {
  readonly reportId: number
  readonly revision: number
  /** The ordinal of the first of `findings`: the number of the revision's other findings. */
  readonly firstOrdinal: number
  readonly findings: readonly Finding[]
  readonly summary: FindingSummary
}

export async function savePartsResults (db: Executor, results: readonly PartsResult[]): Promise<void> {
  if (results.length === 0) return
  const analyses = results.map(({ reportId, revision, summary }) => ({
    report_id: reportId,
    revision,
    status: summary.status,
    error_count: summary.counts.error,
    warning_count: summary.counts.warning,
    info_count: summary.counts.info,
    not_assessable_count: summary.counts.notAssessable
  }))
  const findings = results.flatMap(({ reportId, revision, firstOrdinal, findings }) =>
    findings.map((finding, position) => findingRow({ reportId, revision }, firstOrdinal + position, finding)))
  await statements.savePartsResults.run(db, [JSON.stringify(analyses), JSON.stringify(findings)])
}

/** The years an agency has reports in, of either kind. */
export async function findAgencyYears (db: Executor, agencyCode: string): Promise<number[]> {
  return (await statements.agencyYears.run(db, [agencyCode])).map((row) => row.year)
}
