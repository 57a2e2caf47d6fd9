/**
 * `gov_parts_summaries(region_years jsonb, lock_keys text[])`: GOV-PARTS's read of a write, in one round trip. It
 * takes the region-years' advisory locks, in the order given, and then, in statements of their own, finds the
 * `government` reports of the region-years with their parts added up, and marks them changed.
 *
 * Why a function: the lock and the read cannot be one SQL statement, because a statement reads with the snapshot
 * taken when it started, before the lock was granted, and would miss a summary or a department that a writer holding
 * the lock committed meanwhile. Under READ COMMITTED (the service's writes use the server's default) each statement
 * of a VOLATILE PL/pgSQL function takes a new snapshot, so the read here sees every writer that held the lock before.
 * PL/pgSQL also keeps the read's plan per connection, as a prepared statement would.
 *
 * Additive only (a new function), so a running older version is unaffected.
 * Frozen in time: this file imports nothing from src/. The cells of tables 三 and 四 are those of the figures
 * migration, in its order; test/services/government-parts.test.ts checks that the statement here is, word for word,
 * the one `src/db/parts-repository.ts` documents (SUMMARIES_WITH_PARTS_SQL). A change there needs a migration that
 * replaces this function.
 */
import { type Kysely, sql } from 'kysely'
import { CELLS } from './2026_11_28_090000_create_report_figures.js'

/** The columns GOV-PARTS compares: every cell of tables 三 (`t3__`) and 四 (`t4__`), in document order. */
const COLUMNS = CELLS.map(([name]) => name).filter((name) => name.startsWith('t3__') || name.startsWith('t4__'))

const cellArray = (alias: string): string => `array[${COLUMNS.map((name) => `${alias}.${name}`).join(', ')}]::numeric[]`

/** The summaries of the region-years in $1 with their parts added up (see SUMMARIES_WITH_PARTS_SQL in src/db/parts-repository.ts). */
const SUMMARIES_WITH_PARTS = `with summaries as (
    select summary.report_id, report.current_revision as revision, summary.region_code, summary.year, summary.blank_pointers,
      ${cellArray('summary')} as summary_cells
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
      array[${COLUMNS.map((name) => `sum(part.${name})`).join(', ')}]::numeric[] as sums
    from report_figures as part
    join agency on agency.code = part.agency_code
    where part.year = summaries.year and part.kind = 'agency' and part.region_code = summaries.region_code
  ) as totals
  order by summaries.report_id`

export async function up (db: Kysely<any>): Promise<void> {
  // The output columns share names with the statement's columns: `use_column` makes every such name the column.
  await sql.raw(`create or replace function gov_parts_summaries (region_years jsonb, lock_keys text[])
  returns table (report_id bigint, revision integer, region_code text, year integer, blank_pointers text[], summary_cells numeric[],
    finding_count bigint, error_count bigint, warning_count bigint, info_count bigint, not_assessable_count bigint,
    parts_findings jsonb, departments jsonb, sums numeric[])
  language plpgsql volatile
  as $function$
  #variable_conflict use_column
  begin
    -- The region-years' locks, in the order given (the callers' one global order), held until the transaction ends.
    perform pg_advisory_xact_lock(hashtextextended('parts:' || lock_key, 0))
      from unnest($2) with ordinality as locks (lock_key, position)
      order by position;
    -- Each statement from here on reads a new snapshot: it sees what every earlier holder of these locks committed.
    -- Where no summary of the region-years is stored (the usual case: departments publish by 31 January, summaries
    -- by 31 March) the wide statement below is not run at all: its start-up alone costs several times this look-up.
    -- A summary stored meanwhile waits for these locks and is checked against this department when it gets them.
    if not exists (
      select from jsonb_to_recordset($1) as input (region_code text, year integer)
      join report_figures as summary on summary.year = input.year and summary.kind = 'government' and summary.region_code = input.region_code collate "C"
    ) then
      return;
    end if;
    return query ${SUMMARIES_WITH_PARTS};
  end
  $function$`).execute(db)
}

export async function down (db: Kysely<any>): Promise<void> {
  await sql`drop function if exists gov_parts_summaries (jsonb, text[])`.execute(db)
}
