/**
 * The part of pg-copy-streams 7's API that bench/bulk.ts uses (so that @types/pg-copy-streams is not needed).
 * @see https://github.com/brianc/node-pg-copy-streams#readme
 */
declare module 'pg-copy-streams' {
  import type { Writable, WritableOptions } from 'node:stream'
  import type { Submittable } from 'pg'

  /** `COPY … FROM STDIN`: write the data to it, and it ends once Postgres has committed (ReadyForQuery). */
  export interface CopyStreamQuery extends Writable, Submittable {
    /** Rows Postgres reports as copied, once finished. */
    rowCount: number
  }

  export function from (text: string, options?: WritableOptions): CopyStreamQuery
}
