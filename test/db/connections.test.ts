/**
 * The service's connections: DATABASE_READ_URL sends the read endpoints to a replica (writes and keys stay
 * on the primary), every connection has timeouts, and a connection that fails is recognised by a code.
 * A second database stands in for a replica that has not caught up yet, which makes the routing visible.
 */
import { sql } from 'kysely'
import t from 'tap'
import { DATABASE_UNAVAILABLE, DatabaseUnavailableError, isDatabaseUnavailable } from '../../src/db/errors.js'
import { build, createTestDatabase, seedReport } from '../helper.js'

const primary = await createTestDatabase(t)
const replica = await createTestDatabase(t)

t.test('reads go to the replica, writes and their answers to the primary', async (t) => {
  const app = await build(t, primary.url, { env: { DATABASE_READ_URL: replica.url } })
  const created = await app.inject({ method: 'POST', url: '/v1/reports', payload: seedReport() })
  t.equal(created.statusCode, 201, 'the write is answered from the primary')
  t.same(created.json().report, seedReport())

  t.equal((await app.inject({ url: '/v1/reports/1' })).statusCode, 404, 'the lagging replica does not have it yet')
  t.same((await app.inject({ url: '/v1/reports' })).json().items, [])
  t.equal((await app.inject({ url: '/v1/feed' })).json().items.length, 0)

  const direct = await build(t, primary.url)
  t.equal((await direct.inject({ url: '/v1/reports/1' })).statusCode, 200, 'it is on the primary')
  t.equal((await direct.inject({ url: '/v1/feed' })).json().items.length, 1)
})

t.test('readiness needs the replica too', async (t) => {
  const app = await build(t, primary.url, { env: { DATABASE_READ_URL: 'postgres://nobody@127.0.0.1:1/none' } })
  const ready = await app.inject({ url: '/readyz' })
  t.equal(ready.statusCode, 503)
  t.equal(ready.json().code, 'SERVICE_UNAVAILABLE')
})

t.test('the service\'s connections cancel runaway statements and end abandoned transactions', async (t) => {
  const app = await build(t, primary.url)
  const { rows } = await sql<{ statement: string, idle: string }>`
    select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle`.execute(app.db)
  t.same(rows[0], { statement: '1min', idle: '1min' })
})

t.test('a connection the server ends fails its next statement with a code that says the database is unavailable', async (t) => {
  const { ended, next } = await primary.db.connection().execute(async (connection) => {
    const failure = async (statement: ReturnType<typeof sql>) => await statement.execute(connection).then(() => undefined, (error: Error) => error)
    // The second fails in pg with no code of its own ("Connection terminated unexpectedly" or "… not queryable").
    return { ended: await failure(sql`select pg_terminate_backend(pg_backend_pid())`), next: await failure(sql`select 1`) }
  })
  t.match(ended, { code: '57P01' }, 'the statement the server cut off has its Postgres code')
  t.match(next, { code: DATABASE_UNAVAILABLE, name: 'DatabaseUnavailableError' }, 'the statement after it is tagged')
  t.ok(next !== undefined && isDatabaseUnavailable(next), 'and is answered 503')
  t.equal((await sql<{ one: number }>`select 1 as one`.execute(primary.db)).rows[0]?.one, 1, 'the pool connects again')
})

t.test('database unavailability is decided by the error\'s code, never by its message', async (t) => {
  for (const message of ['Connection terminated unexpectedly', 'timeout exceeded when trying to connect', 'Client has encountered a connection error and is not queryable']) {
    t.notOk(isDatabaseUnavailable(new Error(message)), `"${message}" with no code`)
    t.ok(isDatabaseUnavailable(new DatabaseUnavailableError(new Error(message))), `"${message}" as the connection reports it`)
  }
  t.ok(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })))
  t.notOk(isDatabaseUnavailable(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' })))
})
