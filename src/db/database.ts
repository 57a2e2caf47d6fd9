/** Table types of the database, as Kysely sees them. Rows never leave `src/db`: repositories map them. */
import type { ColumnType, Generated } from 'kysely'

/** Postgres returns bigint as a string; ids stay below 2^53, so repositories convert them to numbers. */
type BigintId = ColumnType<string, never, never>
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export interface AgencyTable {
  code: string
  name: string
  region_code: string
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ReportTable {
  id: BigintId
  agency_code: string
  year: number
  kind: string
  template: string
  region_code: string
  current_revision: Generated<number>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ReportRevisionTable {
  report_id: ColumnType<string, number | string, never>
  revision: number
  /** Written as JSON text; read back parsed by pg. */
  body: ColumnType<unknown, string, never>
  created_at: Timestamp
  /** The published text the revision was imported from, if it was. */
  source_text: ColumnType<string | null, string | null | undefined, never>
  source_format: ColumnType<string | null, string | null | undefined, never>
}

export interface ReportAnalysisTable {
  report_id: ColumnType<string, number | string, never>
  revision: number
  status: string
  error_count: number
  warning_count: number
  info_count: number
  not_assessable_count: number
  previous_report_id: ColumnType<string | null, number | string | null, number | string | null>
  previous_revision: number | null
  /** Written as JSON text; read back parsed by pg. */
  year_over_year: ColumnType<unknown, string | null, string | null>
  computed_at: Timestamp
}

export interface FindingTable {
  id: BigintId
  report_id: ColumnType<string, number | string, never>
  revision: number
  ordinal: number
  rule_id: string
  severity: string
  status: string
  message: string
  message_en: string
  pointers: ColumnType<string[], string, never>
  expected: ColumnType<number | string | null, string, never>
  actual: ColumnType<number | string | null, string, never>
  difference: ColumnType<number | null, string, never>
  context: ColumnType<Record<string, unknown>, string, never>
  fingerprint: string
}

export interface ReportEventTable {
  id: BigintId
  type: string
  report_id: ColumnType<string, number | string, never>
  revision: number
  occurred_at: Timestamp
  /** The writing transaction's id (xid8, as text; 0 for the events stored before it was kept): the feed's order. */
  transaction_id: ColumnType<string, never, never>
}

export interface FindingReviewTable {
  id: BigintId
  report_id: ColumnType<string, number | string, never>
  fingerprint: string
  decision: string
  reason: string
  decided_at: Timestamp
}

/**
 * A cell column of `report_figures`: bigint counts and numeric 万元 amounts, which pg returns as text
 * (`figures-repository.ts` converts them). Named from the cell's JSON Pointer: `t2__…`, `t3__…`, `t4__…`.
 */
type FigureCellColumn = ColumnType<string | null, number | null, number | null>

/** The figures of each report's latest revision, one column per cell (see the migration and figures-repository.ts). */
export interface ReportFiguresTable {
  report_id: ColumnType<string, number | string, never>
  agency_code: string
  region_code: string
  year: number
  kind: string
  template: string
  single_row_other: boolean
  status: string
  /** JSON Pointers of the cells printed blank, in document order. */
  blank_pointers: ColumnType<string[], string[], string[]>
  disclosure_rate: number | null
  denial_rate: number | null
  not_held_share: number | null
  review_correction_rate: number | null
  litigation_correction_rate: number | null
  [cell: `t${'2' | '3' | '4'}__${string}`]: FigureCellColumn
}

export interface ApiKeyTable {
  id: BigintId
  lookup_id: string
  secret_digest: ColumnType<Buffer, Buffer, never>
  name: string
  scopes: ColumnType<string[], string[], never>
  agency_codes: ColumnType<string[], string[], never>
  region_prefixes: ColumnType<string[], string[], never>
  created_at: Timestamp
  revoked_at: ColumnType<Date | null, never, Date | string>
}

export interface AuditEntryTable {
  id: BigintId
  occurred_at: Timestamp
  action: string
  key_id: ColumnType<string | null, number | null, never>
  request_id: string | null
  client_request_id: string | null
  report_id: ColumnType<string | null, number | null, never>
  revision: number | null
  finding_id: ColumnType<string | null, number | null, never>
  subject_key_id: ColumnType<string | null, number | null, never>
  agency_code: string | null
  /** Written as JSON text; read back parsed by pg. */
  details: ColumnType<unknown, string | null, never>
}

export interface IdempotencyRecordTable {
  key_id: ColumnType<string, number, never>
  idempotency_key: string
  request_digest: string
  status: number
  /** Written as JSON text; read back parsed by pg. */
  headers: ColumnType<Record<string, string>, string, string>
  body: string
  created_at: Timestamp
}

export interface Database {
  agency: AgencyTable
  report: ReportTable
  report_revision: ReportRevisionTable
  report_analysis: ReportAnalysisTable
  finding: FindingTable
  report_event: ReportEventTable
  finding_review: FindingReviewTable
  report_figures: ReportFiguresTable
  api_key: ApiKeyTable
  audit_entry: AuditEntryTable
  idempotency_record: IdempotencyRecordTable
}
