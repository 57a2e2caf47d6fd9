/**
 * Statements that run on every request are built by Kysely once, not per call: building is pure CPU
 * (a fifth of a report read when profiled) and its result depends only on the statement's shape. The
 * statement is built the first time with sentinel values, whose positions among its parameters say
 * where each real value goes from then on.
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

/** The prepared statement name of `text`, if `prepareStatement` made it (see `createDatabase`). */
export function preparedStatementName (text: string): string | undefined {
  return names.get(text)
}

function register (text: string): void {
  if (!names.has(text)) names.set(text, `prepared_${createHash('sha1').update(text).digest('hex')}`)
}

/**
 * A statement written as SQL whose text never changes (its values go in as parameters, rows as one JSON
 * parameter), run as a named prepared statement. The statements of every write are made this way.
 *
 * Postgres estimates a JSON parameter's rows at 100 whatever it holds, and a generic plan made while a table
 * is small then joins them to it by scanning it whole, for every write from then on (measured: seq scans of
 * `report` at 3,000 rows). Look-ups by key are therefore LATERAL subqueries with LIMIT 1, which the planner
 * cannot flatten into such a join: one index look-up per row, at any size.
 */
export function fixedStatement<Row = Record<string, unknown>> (text: string): (db: Executor, parameters: readonly unknown[]) => Promise<Row[]> {
  register(text)
  return async (db, parameters) => (await db.executeQuery<Row>(CompiledQuery.raw(text, [...parameters]))).rows
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
      register(compiled.sql)
      prepared = { sql: compiled.sql, order }
    }
    const result = await db.executeQuery<Row>(CompiledQuery.raw(prepared.sql, prepared.order.map((key) => values[key])))
    return result.rows
  }
}
