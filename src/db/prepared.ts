/**
 * Statements whose text never changes between calls, of two makings. `prepareStatement` has Kysely build a
 * statement once, not per call: building is pure CPU (a fifth of a report read when profiled) and its result
 * depends only on the statement's shape. The statement is built the first time with sentinel values, whose
 * positions among its parameters say where each real value goes from then on. `fixedStatement` takes SQL
 * written as text, with the types of its parameters and columns: every such statement is in `statements.ts`.
 *
 * Their texts are also registered under a name, so that the connections of `createDatabase` run them as
 * Postgres prepared statements: parsed and planned once per connection (Postgres switches to a generic
 * plan after five executions when that costs no more), then only bound and executed. They are listed in
 * `pg_prepared_statements` of the connection that prepared them.
 */
import { createHash } from 'node:crypto'
import { type Compilable, CompiledQuery } from 'kysely'
import type { Executor } from './executor.js'

export type Statement<Values, Row> = (db: Executor, values: Values) => Promise<Row[]>

/** Names by statement text. A name is derived from the text alone, so it can never stand for two texts. */
const names = new Map<string, string>()

/** The prepared statement name of `text`, if `prepareStatement` or `fixedStatement` made it (see `createDatabase`). */
export function preparedStatementName (text: string): string | undefined {
  return names.get(text)
}

function register (text: string): void {
  if (!names.has(text)) names.set(text, `prepared_${createHash('sha1').update(text).digest('hex')}`)
}

/** A JSON document as text (`JSON.stringify`), read by the statement as `$n::jsonb`. */
export type JsonText = string

/** The Postgres types a parameter of a fixed statement may have, as Postgres infers them from the text. */
export type ParameterType = 'jsonb' | 'text' | 'bigint' | 'integer' | 'text[]' | 'bigint[]' | 'integer[]'

/** The types a parameter may have for pg to bind `Value` to it (pg sends it as text). */
type ParameterTypeOf<Value> =
  Value extends string ? 'jsonb' | 'text' | 'bigint'
    : Value extends number ? 'bigint' | 'integer'
      : Value extends readonly string[] ? 'text[]'
        : Value extends readonly number[] ? 'bigint[]' | 'integer[]'
          : never

/** The Postgres types a result column may have for pg to read it as `Value`. */
type ColumnTypeOf<Value> = unknown extends Value ? 'jsonb' : NonNullColumnTypeOf<NonNullable<Value>>

/** pg reads bigint and numeric as text (to keep their precision), void as empty text, and parses json. */
type NonNullColumnTypeOf<Value> =
  Value extends boolean ? 'boolean'
    : Value extends number ? 'integer' | 'double precision'
      : Value extends string ? 'text' | 'bigint' | 'numeric' | 'void'
        : Value extends Date ? 'timestamp with time zone'
          : Value extends ReadonlyArray<infer Element> ? `${NonNullColumnTypeOf<NonNullable<Element>>}[]` | 'jsonb'
            : 'jsonb'

/** The row of a statement that returns none. */
export type NoRows = Record<never, never>

/** One type per column of `Row`; none, and no other name (which an empty object type would let through), for `NoRows`. */
type ColumnTypes<Row> = [keyof Row] extends [never] ? Record<string, never> : { readonly [Column in keyof Row]-?: ColumnTypeOf<Row[Column]> }

/**
 * A statement written as SQL (its values go in as parameters, rows as one JSON parameter), run as a named
 * prepared statement. The statements of every write are made this way.
 *
 * The types of its parameters and of its result's columns are written beside the text, in Postgres's words: the
 * type checker holds them to the TypeScript types of the parameters and rows, and test/db/statements.test.ts holds
 * them to what Postgres makes of the text.
 */
export interface FixedStatement<Parameters extends readonly unknown[], Row extends object> {
  readonly text: string
  readonly parameterTypes: { readonly [Position in keyof Parameters]: ParameterTypeOf<Parameters[Position]> }
  /** In the order of the text's result columns. */
  readonly columnTypes: ColumnTypes<Row>
  readonly run: (db: Executor, parameters: Parameters) => Promise<Row[]>
}

export function fixedStatement<Parameters extends readonly unknown[], Row extends object> (
  definition: Omit<FixedStatement<Parameters, Row>, 'run'>
): FixedStatement<Parameters, Row> {
  const { text } = definition
  register(text)
  return { ...definition, run: async (db, parameters) => (await db.executeQuery<Row>(CompiledQuery.raw(text, [...parameters]))).rows }
}

/**
 * @param build makes the statement from a values object (the sentinels the first time)
 * @param sentinels one value per parameter that appears nowhere else in the statement
 */
export function prepareStatement<Values extends Record<string, unknown>, Row> (
  build: (db: Executor, values: Values) => Compilable<Row>,
  sentinels: Values
): Statement<Values, Row> {
  let prepared: { sql: string, order: Array<keyof Values> } | undefined
  return async (db, values) => {
    if (prepared === undefined) {
      const compiled = build(db, sentinels).compile()
      const keys = Object.keys(sentinels) as Array<keyof Values>
      const order = compiled.parameters.map((parameter) => {
        const key = keys.find((candidate) => sentinels[candidate] === parameter)
        if (key === undefined) throw new Error(`parameter ${String(parameter)} is not a sentinel of the prepared statement`)
        return key
      })
      // A sentinel missing from the parameters is a value the statement would silently ignore.
      const missing = keys.filter((key) => !order.includes(key))
      if (missing.length > 0) throw new Error(`sentinel ${missing.map(String).join(', ')} does not appear among the parameters of the prepared statement`)
      register(compiled.sql)
      prepared = { sql: compiled.sql, order }
    }
    const result = await db.executeQuery<Row>(CompiledQuery.raw(prepared.sql, prepared.order.map((key) => values[key])))
    return result.rows
  }
}
