/**
 * Every statement written as SQL text (`fixedStatement`): the writes, which take their rows as one JSON parameter,
 * and the reads and locks whose text never changes. Each comes with the TypeScript types of its parameters and rows
 * (the rows' from the tables' types in `database.ts` where a column is read from a table) and the Postgres types of
 * both; test/db/statements.test.ts prepares each against the migrated schema and compares. Repositories run them as
 * `statements.<name>.run(db, [...])` and map the rows.
 *
 * Postgres estimates a JSON parameter's rows at 100 whatever it holds, and a generic plan made while a table is small
 * then joins them to it by scanning it whole, for every write from then on (measured: seq scans of `report` at 3,000
 * rows). Look-ups by key are therefore LATERAL subqueries with LIMIT 1, which the planner cannot flatten into such a
 * join: one index look-up per row, at any size.
 */
import type { Selectable } from 'kysely'
import { COVERAGE_POINTERS, RULE_POINTERS, TOP_CONTRIBUTORS } from '../domain/government-parts.js'
import type { Database } from './database.js'
import { cellArray, FIGURE_COLUMN_TYPES, figureColumn } from './figure-columns.js'
import { fixedStatement, type JsonText, type NoRows } from './prepared.js'

type Agency = Selectable<Database['agency']>
type Report = Selectable<Database['report']>
type Revision = Selectable<Database['report_revision']>
type Figures = Selectable<Database['report_figures']>
type ReportEvent = Selectable<Database['report_event']>

/** The position of an input row in its JSON array, which answers by position carry back. */
interface Ordinal {
  ordinal: number
}

/** A row per lock taken: `pg_advisory_xact_lock` returns void, which pg reads as empty text. */
interface AdvisoryLock {
  pg_advisory_xact_lock: ''
}

/** The transaction's locks of the keys given ($1) in one namespace of keys, taken in the order given. */
function advisoryLocks (namespace: 'agency' | 'parts') {
  return fixedStatement<[lockKeys: readonly string[]], AdvisoryLock>({
    text: `select pg_advisory_xact_lock(hashtextextended('${namespace}:' || lock_key, 0))
  from unnest($1::text[]) with ordinality as locks (lock_key, position)
  order by position`,
    parameterTypes: ['text[]'],
    columnTypes: { pg_advisory_xact_lock: 'void' }
  })
}

// Agencies and reports (report-repository.ts)

/**
 * New agencies, and stored ones renamed, unless a stored report of a later year than the input's names them: a
 * report for an earlier year never overwrites what a later year's report said.
 */
export const upsertAgencies = fixedStatement<[agencies: JsonText], NoRows>({
  text: `insert into agency (code, name, region_code)
  select input.code, input.name, input.region_code
  from jsonb_to_recordset($1::jsonb) as input (code text, name text, region_code text, year integer)
  left join lateral (
    select true as found from report where report.agency_code = input.code and report.year > input.year limit 1
  ) as later_report on true
  where later_report.found is null
  on conflict (code) do update set name = excluded.name, updated_at = now()`,
  parameterTypes: ['jsonb'],
  columnTypes: {}
})

/** The stored report under each natural key given, if any. */
export const storedKeys = fixedStatement<[keys: JsonText], Ordinal & Pick<Report, 'id' | 'current_revision'>>({
  text: `
  select input.ordinal, stored.id, stored.current_revision
  from jsonb_to_recordset($1::jsonb) as input (ordinal integer, agency_code text, year integer, kind text)
  cross join lateral (
    select report.id, report.current_revision from report
    where report.agency_code = input.agency_code and report.year = input.year and report.kind = input.kind limit 1
  ) as stored`,
  parameterTypes: ['jsonb'],
  columnTypes: { ordinal: 'integer', id: 'bigint', current_revision: 'integer' }
})

/** Whether each body given equals the stored revision's (jsonb equality, which ignores key order). */
export const comparedBodies = fixedStatement<[revisions: JsonText], Ordinal & { id: Report['id'], revision: Revision['revision'], same: boolean }>({
  text: `
  select input.ordinal, input.id, input.revision, stored.body = input.body as same
  from jsonb_to_recordset($1::jsonb) as input (ordinal integer, id bigint, revision integer, body jsonb)
  cross join lateral (
    select body from report_revision where report_id = input.id and revision = input.revision limit 1
  ) as stored`,
  parameterTypes: ['jsonb'],
  columnTypes: { ordinal: 'integer', id: 'bigint', revision: 'integer', same: 'boolean' }
})

/** New reports, each with its revision 1; a natural key another transaction stored first is skipped. */
export const createReports = fixedStatement<[reports: JsonText], Pick<Report, 'id' | 'agency_code' | 'year' | 'kind'>>({
  text: `
  with input as (
    select * from jsonb_to_recordset($1::jsonb) as input (ordinal integer, agency_code text, year integer,
      kind text, template text, region_code text, body jsonb, source_text text, source_format text)
  ), created as (
    insert into report (agency_code, year, kind, template, region_code)
    select agency_code, year, kind, template, region_code from input order by ordinal
    on conflict on constraint report_natural_key do nothing
    returning id, agency_code, year, kind
  ), revisions as (
    insert into report_revision (report_id, revision, body, source_text, source_format)
    select created.id, 1, input.body, input.source_text, input.source_format
    from created join input using (agency_code, year, kind)
  )
  select id, agency_code, year, kind from created`,
  parameterTypes: ['jsonb'],
  columnTypes: { id: 'bigint', agency_code: 'text', year: 'integer', kind: 'text' }
})

/** The next revision of stored reports, each with its report's new state. */
export const storeRevisions = fixedStatement<[revisions: JsonText, reportIds: readonly number[]], NoRows>({
  text: `
  with input as (
    select * from jsonb_to_recordset($1::jsonb) as input (id bigint, revision integer, template text, region_code text, body jsonb)
  ), revisions as (
    insert into report_revision (report_id, revision, body) select id, revision, body from input
  )
  update report set current_revision = input.revision, version = report.version + 1, template = input.template,
    region_code = input.region_code, updated_at = now()
  from input where report.id = input.id and report.id = any($2::bigint[])`,
  parameterTypes: ['jsonb', 'bigint[]'],
  columnTypes: {}
})

/** For each natural key given, its agency's stored region and the region of the report stored under it. */
export const storedOwnerships = fixedStatement<[keys: JsonText], Ordinal & { agency_region_code: Agency['region_code'] | null, report_region_code: Report['region_code'] | null }>({
  text: `
  select input.ordinal, stored_agency.region_code as agency_region_code, stored_report.region_code as report_region_code
  from jsonb_to_recordset($1::jsonb) as input (ordinal integer, agency_code text, year integer, kind text)
  left join lateral (
    select agency.region_code from agency where agency.code = input.agency_code limit 1
  ) as stored_agency on true
  left join lateral (
    select report.region_code from report
    where report.agency_code = input.agency_code and report.year = input.year and report.kind = input.kind limit 1
  ) as stored_report on true`,
  parameterTypes: ['jsonb'],
  columnTypes: { ordinal: 'integer', agency_region_code: 'text', report_region_code: 'text' }
})

/** A report's owner and its agency's region, the report's row locked against moves. */
export const lockReportOwner = fixedStatement<[reportId: string], Pick<Report, 'agency_code' | 'region_code'> & { agency_region_code: Agency['region_code'] }>({
  text: `
  select report.agency_code, report.region_code, agency.region_code as agency_region_code
  from report join agency on agency.code = report.agency_code
  where report.id = $1::bigint for share of report`,
  parameterTypes: ['bigint'],
  columnTypes: { agency_code: 'text', region_code: 'text', agency_region_code: 'text' }
})

export const agencyRecord = fixedStatement<[code: string], Pick<Agency, 'name' | 'region_code'>>({
  text: 'select name, region_code from agency where code = $1',
  parameterTypes: ['text'],
  columnTypes: { name: 'text', region_code: 'text' }
})

/** An agency placed in a region, stored with its name when new. */
export const placeAgency = fixedStatement<[code: string, name: string, regionCode: string], NoRows>({
  text: `insert into agency (code, name, region_code) values ($1, $2, $3)
  on conflict (code) do update set region_code = excluded.region_code, updated_at = now()`,
  parameterTypes: ['text', 'text', 'text'],
  columnTypes: {}
})

/** The reports of an agency moved to its new region (their versions, so their ETags, change). */
export const moveReports = fixedStatement<[code: string, regionCode: string], Pick<Report, 'id' | 'current_revision'>>({
  text: `update report
  set region_code = $2, version = version + 1, updated_at = now()
  where agency_code = $1 and region_code <> $2
  returning id, current_revision`,
  parameterTypes: ['text', 'text'],
  columnTypes: { id: 'bigint', current_revision: 'integer' }
})

export const moveFigures = fixedStatement<[code: string, regionCode: string], NoRows>({
  text: `update report_figures set region_code = $2
  where report_id in (select id from report where agency_code = $1) and region_code <> $2`,
  parameterTypes: ['text', 'text'],
  columnTypes: {}
})

// Analyses (analysis-repository.ts)

export const lockAgencies = advisoryLocks('agency')

/** The latest revisions of the stored reports among the natural keys given. */
export const yearReports = fixedStatement<[keys: JsonText], Pick<Report, 'id' | 'agency_code' | 'kind' | 'year' | 'current_revision'> & Pick<Revision, 'body'>>({
  text: `
  select stored.id, stored.agency_code, stored.kind, stored.year, stored.current_revision, stored.body
  from jsonb_to_recordset($1::jsonb) as input (agency_code text, kind text, year integer)
  cross join lateral (
    select report.id, report.agency_code, report.kind, report.year, report.current_revision, latest.body
    from report join report_revision as latest on latest.report_id = report.id and latest.revision = report.current_revision
    where report.agency_code = input.agency_code and report.year = input.year and report.kind = input.kind limit 1
  ) as stored`,
  parameterTypes: ['jsonb'],
  columnTypes: { id: 'bigint', agency_code: 'text', kind: 'text', year: 'integer', current_revision: 'integer', body: 'jsonb' }
})

/*
 * Both inserts take their rows as one JSON array, so their text never changes: nothing is built per call and a batch
 * of revisions costs two statements. JSON null is stored as jsonb `null`, as the columns always held.
 */

export const insertAnalyses = fixedStatement<[analyses: JsonText], NoRows>({
  text: `insert into report_analysis (report_id, revision, status, error_count, warning_count, info_count,
    not_assessable_count, previous_report_id, previous_revision, year_over_year)
  select report_id, revision, status, error_count, warning_count, info_count, not_assessable_count,
    previous_report_id, previous_revision, year_over_year
  from jsonb_populate_recordset(null::report_analysis, $1::jsonb)`,
  parameterTypes: ['jsonb'],
  columnTypes: {}
})

export const insertFindings = fixedStatement<[findings: JsonText], NoRows>({
  text: `insert into finding (report_id, revision, ordinal, rule_id, severity, status, message, message_en,
    pointers, expected, actual, difference, context, fingerprint)
  select report_id, revision, ordinal, rule_id, severity, status, message, message_en,
    pointers, coalesce(expected, 'null'), coalesce(actual, 'null'), coalesce(difference, 'null'), context, fingerprint
  from jsonb_populate_recordset(null::finding, $1::jsonb)`,
  parameterTypes: ['jsonb'],
  columnTypes: {}
})

/** The analyses of the revisions given (report ids and revisions by position), their findings with them. */
export const deleteAnalyses = fixedStatement<[reportIds: readonly number[], revisions: readonly number[]], NoRows>({
  text: `delete from report_analysis
  where report_id = any($1::bigint[]) and (report_id, revision) in (select * from unnest($1::bigint[], $2::integer[]))`,
  parameterTypes: ['bigint[]', 'integer[]'],
  columnTypes: {}
})

/** Reports marked changed (their versions, so their ETags, change). */
export const touchReports = fixedStatement<[reportIds: readonly number[]], NoRows>({
  text: 'update report set version = version + 1 where id = any($1::bigint[])',
  parameterTypes: ['bigint[]'],
  columnTypes: {}
})

// Figures (figures-repository.ts)

/** Each column read from its position in a row sent as a JSON array. */
function fromArrayElement ([column, type]: readonly [string, string], position: number): string {
  return type === 'text[]' ? `array(select jsonb_array_elements_text(figures.row -> ${position}))` : `(figures.row ->> ${position})::${type}`
}

/**
 * The upsert of many figures rows sent as one JSON array of arrays (values by position: a row as an object would
 * repeat ~230 column names, 15× the bytes, and Postgres took 3–4× as long to read it). The text never changes, so
 * Postgres plans it once per batch.
 */
export const upsertFigures = fixedStatement<[rows: JsonText], NoRows>({
  text: `insert into report_figures (${FIGURE_COLUMN_TYPES.map(([column]) => column).join(', ')})
  select ${FIGURE_COLUMN_TYPES.map(fromArrayElement).join(', ')} from jsonb_array_elements($1::jsonb) as figures (row)
  on conflict (report_id) do update set ${FIGURE_COLUMN_TYPES.slice(1).map(([column]) => `${column} = excluded.${column}`).join(', ')}`,
  parameterTypes: ['jsonb'],
  columnTypes: {}
})

// A report's write in two round trips (write-repository.ts)

/**
 * The write's locks and everything it is judged and analysed against, read after them (`report_write_prepare`,
 * migration 2026_12_04_120000): one jsonb document.
 */
export const prepareReportWrite = fixedStatement<
  [agencyCodes: readonly string[], regionYearKeys: readonly string[], revisedReportId: string | null, body: JsonText],
  { prepared: unknown }
>({
  text: 'select report_write_prepare($1::text[], $2::text[], $3::bigint, $4::jsonb) as prepared',
  parameterTypes: ['text[]', 'text[]', 'bigint', 'jsonb'],
  columnTypes: { prepared: 'jsonb' }
})

type Analysis = Selectable<Database['report_analysis']>
type AnalysisCounts = Pick<Analysis, 'status' | 'error_count' | 'warning_count' | 'info_count' | 'not_assessable_count'>
type Nullable<T> = { [K in keyof T]: T[K] | null }
type Served<T> = { [K in keyof T as `served_${K & string}`]: T[K] }

/**
 * Everything the write stores, then the report as written (`report_write_store`, migration 2026_12_04_120000): the
 * report's id, the summaries GOV-PARTS found (`gov_parts_summaries`'s rows as JSON), and the report at the revision
 * written, as report-repository.ts reads a report at a revision.
 */
export const storeReportWrite = fixedStatement<[write: JsonText],
  { written_report_id: Report['id'], summaries: unknown } &
  Pick<Report, 'id' | 'agency_code' | 'region_code' | 'year' | 'kind' | 'template' | 'current_revision' | 'version' | 'created_at' | 'updated_at'> &
  { agency_name: Agency['name'] } & Nullable<AnalysisCounts> &
  Served<Nullable<Pick<Revision, 'revision' | 'created_at'> & { body: string }>> & Served<Nullable<AnalysisCounts>>>({
  text: 'select * from report_write_store($1::jsonb)',
  parameterTypes: ['jsonb'],
  columnTypes: {
    written_report_id: 'bigint',
    summaries: 'jsonb',
    id: 'bigint',
    agency_code: 'text',
    agency_name: 'text',
    region_code: 'text',
    year: 'integer',
    kind: 'text',
    template: 'text',
    current_revision: 'integer',
    version: 'integer',
    created_at: 'timestamp with time zone',
    updated_at: 'timestamp with time zone',
    status: 'text',
    error_count: 'integer',
    warning_count: 'integer',
    info_count: 'integer',
    not_assessable_count: 'integer',
    served_revision: 'integer',
    served_created_at: 'timestamp with time zone',
    served_body: 'text',
    served_status: 'text',
    served_error_count: 'integer',
    served_warning_count: 'integer',
    served_info_count: 'integer',
    served_not_assessable_count: 'integer'
  }
})

// The change feed (feed-repository.ts)

/**
 * The events in the order given; each row takes the writing transaction's id (`transaction_id`'s default,
 * `pg_current_xact_id()`), by which the feed is ordered. No lock: writers append and commit concurrently.
 */
export const appendEvents = fixedStatement<[events: JsonText], NoRows>({
  text: `
  insert into report_event (type, report_id, revision)
  select event.type, event.report_id, event.revision
  from jsonb_to_recordset($1::jsonb) as event (ordinal integer, type text, report_id bigint, revision integer)
  order by event.ordinal`,
  parameterTypes: ['jsonb'],
  columnTypes: {}
})

/**
 * Up to $3 events after the position ($1 the transaction id, $2 the event id) in feed order, (transaction id, id),
 * of transactions below the snapshot's watermark only (`report_feed_watermark()`, migration 2026_12_04_090000): every
 * transaction with a lower id that could write here has committed or aborted, so no event can appear before a
 * position once it is passed. The statement's own snapshot is both the one the watermark comes from and the one its
 * rows are read in.
 */
export const feedEvents = fixedStatement<[afterTransaction: string, afterId: string, limit: number],
  Pick<ReportEvent, 'id' | 'transaction_id' | 'type' | 'report_id' | 'revision' | 'occurred_at'> &
  Pick<Report, 'agency_code' | 'year' | 'kind'> & { status: string | null }>({
  text: `
  select event.id, event.transaction_id::text as transaction_id, event.type, event.report_id, event.revision, event.occurred_at,
    report.agency_code, report.year, report.kind, analysis.status
  from report_event as event
  join report on report.id = event.report_id
  left join report_analysis as analysis on analysis.report_id = event.report_id and analysis.revision = event.revision
  where (event.transaction_id, event.id) > ($1::text::xid8, $2::bigint)
    and event.transaction_id < report_feed_watermark()
  order by event.transaction_id, event.id
  limit $3::integer`,
  parameterTypes: ['text', 'bigint', 'integer'],
  columnTypes: {
    id: 'bigint',
    transaction_id: 'text',
    type: 'text',
    report_id: 'bigint',
    revision: 'integer',
    occurred_at: 'timestamp with time zone',
    agency_code: 'text',
    year: 'integer',
    kind: 'text',
    status: 'text'
  }
})

/**
 * What the snapshot sees of the feed (see feedVersion in feed-repository.ts): the highest transaction id of an event
 * below its watermark, `settled` (it sees every event up to there, and no other can appear), and how many events it
 * sees from there on.
 */
export const feedVersion = fixedStatement<[], { settled: string, above: number }>({
  text: `
  select settled::text as settled,
    (select count(*) from report_event where report_event.transaction_id >= settled)::integer as above
  from coalesce((
    select report_event.transaction_id from report_event where report_event.transaction_id < report_feed_watermark()
    order by report_event.transaction_id desc limit 1
  ), '0'::xid8) as settled`,
  parameterTypes: [],
  columnTypes: { settled: 'text', above: 'integer' }
})

// The audit trail (audit-repository.ts)

/** Entries in the order given (their ids follow it). */
export const insertAuditEntries = fixedStatement<[entries: JsonText], NoRows>({
  text: `insert into audit_entry (action, key_id, request_id, client_request_id, report_id, revision,
    finding_id, subject_key_id, agency_code, details)
  select action, key_id, request_id, client_request_id, report_id, revision, finding_id, subject_key_id, agency_code, details
  from jsonb_to_recordset($1::jsonb) as entry (ordinal integer, action text, key_id bigint, request_id text, client_request_id text,
    report_id bigint, revision integer, finding_id bigint, subject_key_id bigint, agency_code text, details jsonb)
  order by entry.ordinal`,
  parameterTypes: ['jsonb'],
  columnTypes: {}
})

// A government's parts (parts-repository.ts)

/** A region-year's departments, and the sum of each cell in the order of the pointers added up. */
export interface RegionPartsRow extends Pick<Figures, 'region_code' | 'year'> {
  departments: Array<[string | number, string, string]> | null
  sums: Array<string | null> | null
}

/** The scope from a JSON parameter: region codes are collated "C" in report_figures, so the index serves the equality. */
const SCOPE_FROM_INPUT = `scope as (
    select distinct input.region_code collate "C" as region_code, input.year
    from jsonb_to_recordset($1::jsonb) as input (region_code text, year integer)
  )`

/**
 * The CTEs that add up the `agency` reports of every region-year in `scope` (region_code, year), one row per
 * region-year in `totals`: the departments, and the sum of each cell in the order of `pointers` (one plain
 * aggregate per column over the region-year's ~20 rows, read by `report_figures_scope_idx`).
 */
function partsCtes (pointers: readonly string[]): string {
  return `parts as (
    select scope.region_code, scope.year, part.report_id, part.agency_code, agency.name as agency_name,
      ${pointers.map((at) => `part.${figureColumn(at)}`).join(', ')}
    from scope
    join report_figures as part on part.year = scope.year and part.kind = 'agency' and part.region_code = scope.region_code
    join agency on agency.code = part.agency_code
  ), totals as (
    select region_code, year,
      jsonb_agg(jsonb_build_array(report_id, agency_code, agency_name) order by agency_code) as departments,
      array[${pointers.map((at) => `sum(${figureColumn(at)})`).join(', ')}]::numeric[] as sums
    from parts group by region_code, year
  )`
}

/** The `agency` reports of each region-year in $1 added up over `pointers`: one row per region-year. */
function regionParts (pointers: readonly string[]) {
  return fixedStatement<[scope: JsonText], RegionPartsRow>({
    text: `with ${SCOPE_FROM_INPUT}, ${partsCtes(pointers)}
    select scope.region_code, scope.year, totals.departments, totals.sums
    from scope left join totals using (region_code, year)`,
    parameterTypes: ['jsonb'],
    columnTypes: { region_code: 'text', year: 'integer', departments: 'jsonb', sums: 'numeric[]' }
  })
}

/**
 * The largest contributors to some cells of some region-years ($1: region_code, year and the cells' 1-based
 * positions in the pointer list): only the non-zero cells asked for are unnested.
 */
function topContributors (pointers: readonly string[]) {
  return fixedStatement<[wanted: JsonText], Pick<Figures, 'region_code' | 'year'> & { position: string, top: Array<[string, string, number | string]> }>({
    text: `
    select wanted.region_code, wanted.year, cell.position,
      (array_agg(jsonb_build_array(part.agency_code, agency.name, cell.value) order by cell.value desc, part.agency_code))[1:${TOP_CONTRIBUTORS}] as top
    from jsonb_to_recordset($1::jsonb) as wanted (region_code text, year integer, positions integer[])
    join report_figures as part on part.year = wanted.year and part.kind = 'agency' and part.region_code = wanted.region_code collate "C"
    join agency on agency.code = part.agency_code
    cross join lateral unnest(${cellArray('part', pointers)}) with ordinality as cell (value, position)
    where cell.value > 0 and cell.position = any(wanted.positions)
    group by wanted.region_code, wanted.year, cell.position`,
    parameterTypes: ['jsonb'],
    columnTypes: { region_code: 'text', year: 'integer', position: 'bigint', top: 'jsonb[]' }
  })
}

/** Over the cells GOV-PARTS compares (`RULE_POINTERS`). */
export const ruleCellParts = regionParts(RULE_POINTERS)
export const ruleCellContributors = topContributors(RULE_POINTERS)
/** Over the cells coverage shows (`COVERAGE_POINTERS`). */
export const coverageCellParts = regionParts(COVERAGE_POINTERS)
export const coverageCellContributors = topContributors(COVERAGE_POINTERS)

export const lockRegionYears = advisoryLocks('parts')

/** A stored summary with its figures, the counts of its other findings, its GOV-PARTS findings and its parts. */
export interface SummaryWithPartsRow extends RegionPartsRow, Pick<Figures, 'report_id' | 'blank_pointers'> {
  revision: Report['current_revision']
  summary_cells: Array<number | string | null>
  finding_count: string
  error_count: string
  warning_count: string
  info_count: string
  not_assessable_count: string
  parts_findings: unknown[] | null
}

/**
 * The region-years' locks ($2) and then their summaries with their parts (see `SUMMARIES_WITH_PARTS_SQL` in
 * parts-repository.ts), in one round trip. Taking the locks in a statement of their own costs a second round trip
 * (0.1–0.25 ms on a quiet machine, milliseconds under load: bench/README.md); taking them inside the read itself
 * would not do, as that statement's snapshot predates the locks (see the migration).
 */
export const summariesWithParts = fixedStatement<[scope: JsonText, lockKeys: readonly string[]], SummaryWithPartsRow>({
  text: 'select * from gov_parts_summaries($1::jsonb, $2::text[])',
  parameterTypes: ['jsonb', 'text[]'],
  columnTypes: {
    report_id: 'bigint',
    revision: 'integer',
    region_code: 'text',
    year: 'integer',
    blank_pointers: 'text[]',
    summary_cells: 'numeric[]',
    finding_count: 'bigint',
    error_count: 'bigint',
    warning_count: 'bigint',
    info_count: 'bigint',
    not_assessable_count: 'bigint',
    parts_findings: 'jsonb',
    departments: 'jsonb',
    sums: 'numeric[]'
  }
})

/**
 * Replaces the GOV-PARTS findings ($2) of summaries and updates their analyses' counts and status and their figures'
 * status ($1), in one statement for any number of summaries.
 */
export const savePartsResults = fixedStatement<[analyses: JsonText, findings: JsonText], { count: string }>({
  text: `with input as (
    select * from jsonb_to_recordset($1::jsonb) as input (report_id bigint, revision integer, status text,
      error_count integer, warning_count integer, info_count integer, not_assessable_count integer)
  ), removed as (
    delete from finding using input
    where finding.report_id = input.report_id and finding.revision = input.revision and finding.rule_id = 'GOV-PARTS'
  ), inserted as (
    insert into finding (report_id, revision, ordinal, rule_id, severity, status, message, message_en,
      pointers, expected, actual, difference, context, fingerprint)
    select report_id, revision, ordinal, rule_id, severity, status, message, message_en,
      pointers, coalesce(expected, 'null'), coalesce(actual, 'null'), coalesce(difference, 'null'), context, fingerprint
    from jsonb_populate_recordset(null::finding, $2::jsonb)
  ), analysis as (
    update report_analysis set status = input.status, error_count = input.error_count, warning_count = input.warning_count,
      info_count = input.info_count, not_assessable_count = input.not_assessable_count, computed_at = now()
    from input where report_analysis.report_id = input.report_id and report_analysis.revision = input.revision
  ), figures as (
    -- A figures row is ~230 columns wide: it is rewritten only when the status changes.
    update report_figures set status = input.status from input
    where report_figures.report_id = input.report_id and report_figures.status <> input.status
  )
  select count(*) from input`,
  parameterTypes: ['jsonb', 'jsonb'],
  columnTypes: { count: 'bigint' }
})

export const agencyYears = fixedStatement<[agencyCode: string], Pick<Report, 'year'>>({
  text: 'select distinct year from report where agency_code = $1 order by year',
  parameterTypes: ['text'],
  columnTypes: { year: 'integer' }
})
