/** Table types of the database, as Kysely sees them. Rows never leave `src/db`: repositories map them. */
import type { ColumnType, Generated, Selectable } from 'kysely'

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
}

export interface Database {
  agency: AgencyTable
  report: ReportTable
  report_revision: ReportRevisionTable
}

export type AgencyRow = Selectable<AgencyTable>
export type ReportRow = Selectable<ReportTable>
export type ReportRevisionRow = Selectable<ReportRevisionTable>
