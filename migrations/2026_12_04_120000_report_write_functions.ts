/**
 * A report's write (`submitReport`, `reviseStoredReport`) in two round trips between BEGIN and COMMIT, by two
 * functions:
 *
 * - `report_write_prepare(agency_codes, region_year_keys, revised_report_id, body)` takes the agencies' locks and the
 *   region-years' (a summary's writer takes those before any report row, see lockForSummaryWrites), locks the report
 *   revised, and reads what the write is judged and analysed against: the agency's stored region, the report stored
 *   under the body's natural key, the report revised with its version and key, whether either's latest body equals
 *   the one sent, and the same agency's reports of the year before and after. One jsonb document.
 * - `report_write_store(write)` stores what the service made of it, in one call: the report (or its next revision)
 *   and the agency, the analyses and findings (the next year's replaced), the figures, the next year's report marked
 *   changed, GOV-PARTS's read (`gov_parts_summaries`, which takes the region-year's lock and marks the summaries
 *   changed), the audit entries, the feed events (those the service gives, then one `findings_recomputed` per
 *   summary found that no other event names), and last the report as written, read back as `GET` serves it.
 *   Report id 0 in the rows given stands for the report the call creates.
 *
 * Why functions: the locks and the reads cannot be one SQL statement, because a statement reads with the snapshot
 * taken when it started, before its locks were granted. Under READ COMMITTED each statement of a VOLATILE PL/pgSQL
 * function takes a new snapshot, so each read here sees every writer that held the locks before, and each write the
 * ones before it. PL/pgSQL keeps each statement's plan per connection; `plan_cache_mode = force_generic_plan` keeps it
 * from planning the wide statements again for every call (bench/README.md, GOV-PARTS).
 *
 * Additive only (new functions), so a running older version is unaffected.
 * Frozen in time: this file imports nothing from src/. The statements are copies of those src/db/statements.ts ran
 * for these steps when this was written (upsertAgencies, lockReport, storedKeys, comparedBodies, yearReports,
 * createReports, storeRevisions, deleteAnalyses, insertAnalyses, insertFindings, upsertFigures, touchReports,
 * insertAuditEntries, appendEvents) and of report-repository.ts's report at a revision; the figures' columns are read from the table as it is now, in its
 * order, which test/db/report-writes.test.ts holds to src/db/figure-columns.ts. A change there needs a migration
 * that replaces these functions.
 */
import { type Kysely, sql } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await sql.raw(`create or replace function report_write_prepare (agency_codes text[], region_year_keys text[], revised_report_id bigint, p_body jsonb)
  returns jsonb
  language plpgsql volatile
  set plan_cache_mode = force_generic_plan
  as $function$
  declare
    key_code text := p_body #>> '{agency,code}';
    key_year integer := (p_body ->> 'year')::integer;
    key_kind text := p_body ->> 'kind';
    v_revised jsonb;
    v_stored jsonb;
    v_agency_region text;
    v_neighbours jsonb;
  begin
    -- The agencies' locks, then the region-years', each in the order given (the callers' one global order).
    perform pg_advisory_xact_lock(hashtextextended('agency:' || lock_key, 0))
      from unnest(agency_codes) with ordinality as locks (lock_key, position)
      order by position;
    perform pg_advisory_xact_lock(hashtextextended('parts:' || lock_key, 0))
      from unnest(region_year_keys) with ordinality as locks (lock_key, position)
      order by position;
    -- Each statement from here on reads a new snapshot: it sees what every earlier holder of these locks committed.
    if revised_report_id is not null then
      select jsonb_build_object('agency_code', report.agency_code, 'region_code', report.region_code, 'year', report.year,
        'kind', report.kind, 'version', report.version, 'current_revision', report.current_revision, 'same', latest.body = p_body)
      into v_revised
      from report join report_revision as latest on latest.report_id = report.id and latest.revision = report.current_revision
      where report.id = revised_report_id
      for update of report;
    end if;
    select agency.region_code into v_agency_region from agency where agency.code = key_code;
    select jsonb_build_object('id', report.id, 'current_revision', report.current_revision, 'region_code', report.region_code,
      'same', latest.body = p_body)
    into v_stored
    from report join report_revision as latest on latest.report_id = report.id and latest.revision = report.current_revision
    where report.agency_code = key_code and report.year = key_year and report.kind = key_kind;
    select coalesce(jsonb_agg(jsonb_build_object('id', report.id, 'year', report.year, 'current_revision', report.current_revision,
      'body', latest.body) order by report.year), '[]')
    into v_neighbours
    from report join report_revision as latest on latest.report_id = report.id and latest.revision = report.current_revision
    where report.agency_code = key_code and report.kind = key_kind and report.year in (key_year - 1, key_year + 1);
    return jsonb_build_object('agency_region_code', v_agency_region, 'stored', v_stored, 'revised', v_revised, 'neighbours', v_neighbours);
  end
  $function$`).execute(db)

  // The figures row as the service sends it: an array of values in the table's column order (upsertFigures).
  const { rows: columns } = await sql<{ name: string, type: string }>`
    select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
    where attrelid = 'report_figures'::regclass and attnum > 0 and not attisdropped order by attnum`.execute(db)
  const figureValue = ({ name, type }: { name: string, type: string }, position: number): string => {
    if (position === 0) return 'case when (figures.row ->> 0)::bigint = 0 then v_id else (figures.row ->> 0)::bigint end'
    return type === 'text[]' ? `array(select jsonb_array_elements_text(figures.row -> ${position}))` : `(figures.row ->> ${position})::${type}`
  }
  const upsertFigures = `insert into report_figures (${columns.map(({ name }) => name).join(', ')})
    select ${columns.map(figureValue).join(', ')} from jsonb_array_elements(p_write -> 'figures') as figures (row)
    on conflict (report_id) do update set ${columns.slice(1).map(({ name }) => `${name} = excluded.${name}`).join(', ')}`

  const upsertAgencies = `insert into agency (code, name, region_code)
      select input.code, input.name, input.region_code
      from jsonb_to_recordset(p_write -> 'agencies') as input (code text, name text, region_code text, year integer)
      left join lateral (
        select true as found from report where report.agency_code = input.code and report.year > input.year limit 1
      ) as later_report on true
      where later_report.found is null
      on conflict (code) do update set name = excluded.name, updated_at = now()`

  // The output columns share names with the tables' columns: \`use_column\` makes every such name the column.
  await sql.raw(`create or replace function report_write_store (p_write jsonb)
  returns table (written_report_id bigint, summaries jsonb,
    id bigint, agency_code text, agency_name text, region_code text, year integer, kind text, template text,
    current_revision integer, version integer, created_at timestamptz, updated_at timestamptz,
    status text, error_count integer, warning_count integer, info_count integer, not_assessable_count integer,
    served_revision integer, served_created_at timestamptz, served_body text, served_status text,
    served_error_count integer, served_warning_count integer, served_info_count integer, served_not_assessable_count integer)
  language plpgsql volatile
  set plan_cache_mode = force_generic_plan
  as $function$
  #variable_conflict use_column
  declare
    v_id bigint;
    v_revision integer := (p_write ->> 'revision')::integer;
    v_summaries jsonb := '[]';
    v_reported bigint[];
  begin
    if jsonb_typeof(p_write) is distinct from 'object' then
      return;
    end if;
    if jsonb_typeof(p_write -> 'create') = 'object' then
      ${upsertAgencies};
      insert into report (agency_code, year, kind, template, region_code)
      select input.agency_code, input.year, input.kind, input.template, input.region_code
      from jsonb_to_record(p_write -> 'create') as input (agency_code text, year integer, kind text, template text, region_code text)
      on conflict on constraint report_natural_key do nothing
      returning report.id into v_id;
      if v_id is null then
        raise exception 'report % was stored by another transaction holding no lock', p_write -> 'create' ->> 'agency_code';
      end if;
      insert into report_revision (report_id, revision, body, source_text, source_format)
      select v_id, 1, input.body, input.source_text, input.source_format
      from jsonb_to_record(p_write -> 'create') as input (body jsonb, source_text text, source_format text);
    else
      v_id := (p_write #>> '{revise,id}')::bigint;
      insert into report_revision (report_id, revision, body)
      select v_id, input.revision, input.body from jsonb_to_record(p_write -> 'revise') as input (revision integer, body jsonb);
      update report set current_revision = input.revision, version = report.version + 1, template = input.template,
        region_code = input.region_code, updated_at = now()
      from jsonb_to_record(p_write -> 'revise') as input (revision integer, template text, region_code text)
      where report.id = v_id;
      ${upsertAgencies};
    end if;

    delete from report_analysis
    using jsonb_to_recordset(p_write -> 'replaced') as input (report_id bigint, revision integer)
    where report_analysis.report_id = input.report_id and report_analysis.revision = input.revision;
    insert into report_analysis (report_id, revision, status, error_count, warning_count, info_count,
      not_assessable_count, previous_report_id, previous_revision, year_over_year)
    select case when input.report_id = 0 then v_id else input.report_id end, input.revision, input.status, input.error_count,
      input.warning_count, input.info_count, input.not_assessable_count,
      case when input.previous_report_id = 0 then v_id else input.previous_report_id end, input.previous_revision, input.year_over_year
    from jsonb_populate_recordset(null::report_analysis, p_write -> 'analyses') as input;
    insert into finding (report_id, revision, ordinal, rule_id, severity, status, message, message_en,
      pointers, expected, actual, difference, context, fingerprint)
    select case when input.report_id = 0 then v_id else input.report_id end, input.revision, input.ordinal, input.rule_id,
      input.severity, input.status, input.message, input.message_en, input.pointers, coalesce(input.expected, 'null'),
      coalesce(input.actual, 'null'), coalesce(input.difference, 'null'), input.context, input.fingerprint
    from jsonb_populate_recordset(null::finding, p_write -> 'findings') as input;
    ${upsertFigures};
    update report set version = report.version + 1
    where report.id in (select touched::bigint from jsonb_array_elements_text(p_write -> 'touched') as touched);

    -- GOV-PARTS's read: the region-years' locks, then (in statements of their own) the summaries with their parts.
    if jsonb_array_length(p_write -> 'parts_scope') > 0 then
      select coalesce(jsonb_agg(to_jsonb(found) order by found.report_id), '[]') into v_summaries
      from gov_parts_summaries(p_write -> 'parts_scope', array(select jsonb_array_elements_text(p_write -> 'parts_locks'))) as found;
    end if;

    insert into audit_entry (action, key_id, request_id, client_request_id, report_id, revision,
      finding_id, subject_key_id, agency_code, details)
    select entry.action, entry.key_id, entry.request_id, entry.client_request_id,
      case when entry.report_id = 0 then v_id else entry.report_id end, entry.revision,
      entry.finding_id, entry.subject_key_id, entry.agency_code, entry.details
    from jsonb_to_recordset(p_write -> 'audit') as entry (ordinal integer, action text, key_id bigint, request_id text, client_request_id text,
      report_id bigint, revision integer, finding_id bigint, subject_key_id bigint, agency_code text, details jsonb)
    order by entry.ordinal;

    v_reported := array(select case when reported::bigint = 0 then v_id else reported::bigint end
      from jsonb_array_elements_text(p_write -> 'reported') as reported);
    insert into report_event (type, report_id, revision)
    select event.type, event.report_id, event.revision
    from (
      select input.ordinal, input.type, case when input.report_id = 0 then v_id else input.report_id end as report_id, input.revision
      from jsonb_to_recordset(p_write -> 'events') as input (ordinal integer, type text, report_id bigint, revision integer)
      union all
      select jsonb_array_length(p_write -> 'events') + found.position::integer, 'findings_recomputed',
        (found.summary ->> 'report_id')::bigint, (found.summary ->> 'revision')::integer
      from jsonb_array_elements(v_summaries) with ordinality as found (summary, position)
      where (found.summary ->> 'report_id')::bigint <> all (v_reported)
    ) as event
    order by event.ordinal;

    return query
    select v_id, v_summaries, report.id, report.agency_code, agency.name, report.region_code, report.year, report.kind,
      report.template, report.current_revision, report.version, report.created_at, report.updated_at,
      report_analysis.status, report_analysis.error_count, report_analysis.warning_count, report_analysis.info_count,
      report_analysis.not_assessable_count,
      served.revision, served.created_at, served.body::text, served_analysis.status, served_analysis.error_count,
      served_analysis.warning_count, served_analysis.info_count, served_analysis.not_assessable_count
    from report
    join agency on agency.code = report.agency_code
    left join report_analysis on report_analysis.report_id = report.id and report_analysis.revision = report.current_revision
    left join report_revision as served on served.report_id = report.id and served.revision = v_revision
    left join report_analysis as served_analysis on served_analysis.report_id = report.id and served_analysis.revision = served.revision
    where report.id = v_id;
  end
  $function$`).execute(db)
}

export async function down (db: Kysely<any>): Promise<void> {
  await sql`drop function if exists report_write_store (jsonb)`.execute(db)
  await sql`drop function if exists report_write_prepare (text[], text[], bigint, jsonb)`.execute(db)
}
