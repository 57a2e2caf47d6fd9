/**
 * The columns of `report_figures` (one row of cell columns per report): their names and SQL types, which the SQL texts
 * that write and read them and the repositories that fill and interpret their rows both need.
 */
import { AMOUNT_POINTERS, FIGURE_POINTERS } from '../domain/rollup.js'

export type CellColumn = `t${'2' | '3' | '4'}__${string}`

const TABLE_PREFIXES: Readonly<Record<string, '2' | '3' | '4'>> = { proactive: '2', requests: '3', reviewLitigation: '4' }

function snakeCase (segment: string): string {
  return segment.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
}

/**
 * The column of a cell: the table key becomes t2 (二), t3 (三) or t4 (四), then each segment of the JSON Pointer in
 * snake_case, joined by `__` — one-to-one, at most 56 characters (Postgres allows 63). The migration lists the
 * columns this gives for every pointer of `FIGURE_POINTERS`; a test keeps the two in step.
 *
 * Example: `figureColumn('/requests/outcomes/denied/stateSecret/naturalPerson')` → `'t3__outcomes__denied__state_secret__natural_person'`.
 */
export function figureColumn (at: string): CellColumn {
  const [table = '', ...path] = at.slice(1).split('/')
  const prefix = TABLE_PREFIXES[table]
  if (prefix === undefined || path.length === 0) throw new Error(`not a cell of tables 二/三/四: ${at}`)
  return `t${prefix}__${path.map(snakeCase).join('__')}`
}

/** The columns of `report_figures` before the cells, with their SQL types as the migrations create them. */
export const LEADING_COLUMN_TYPES = [
  ['report_id', 'bigint'],
  ['agency_code', 'text'],
  ['region_code', 'text'],
  ['year', 'integer'],
  ['kind', 'text'],
  ['template', 'text'],
  ['single_row_other', 'boolean'],
  ['status', 'text'],
  ['blank_pointers', 'text[]'],
  ['disclosure_rate', 'double precision'],
  ['denial_rate', 'double precision'],
  ['not_held_share', 'double precision'],
  ['review_correction_rate', 'double precision'],
  ['litigation_correction_rate', 'double precision']
] as const

export type LeadingColumn = typeof LEADING_COLUMN_TYPES[number][0]

/** Every column of `report_figures` with its SQL type, in row order: the leading columns, then one per cell. */
export const FIGURE_COLUMN_TYPES: ReadonlyArray<readonly [string, string]> = [
  ...LEADING_COLUMN_TYPES,
  ...FIGURE_POINTERS.map((at) => [figureColumn(at), AMOUNT_POINTERS.includes(at) ? 'numeric' : 'bigint'] as const)
]

/** The cells of `pointers` of a `report_figures` row as one numeric array, in the order given. */
export const cellArray = (alias: string, pointers: readonly string[]): string =>
  `array[${pointers.map((at) => `${alias}.${figureColumn(at)}`).join(', ')}]::numeric[]`
