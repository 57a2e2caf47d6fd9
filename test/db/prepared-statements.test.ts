/**
 * Statements of `prepareStatement` run as Postgres prepared statements: each connection parses one once and then
 * only binds and executes it, which an operator sees in `pg_prepared_statements` of that connection (one row per
 * statement, its executions counted as generic or custom plans). Other statements stay unnamed.
 */
import { setTimeout } from 'node:timers/promises'
import { sql } from 'kysely'
import t from 'tap'
import { createDatabase } from '../../src/db/connection.js'
import { preparedStatementName } from '../../src/db/prepared.js'
import { findReportAtRevision } from '../../src/db/report-repository.js'
import { ownTransaction } from '../../src/db/transactions.js'
import { reviseStoredReport, submitReport } from '../../src/services/reports.js'
import { WRITE_OPTIONS } from '../fixtures.js'
import { createTestDatabase, resetDb, seedReport } from '../helper.js'

const { url, db } = await createTestDatabase(t)

interface PreparedRow {
  name: string
  statement: string
  generic_plans: string
  custom_plans: string
}

/** What the executor's connection has prepared, as an operator would query it. */
const preparedOn = async (executor: typeof db) => (await sql<PreparedRow>`
  select name, statement, generic_plans, custom_plans from pg_prepared_statements order by prepare_time`.execute(executor)).rows

const executions = (row: PreparedRow | undefined) => Number(row?.generic_plans) + Number(row?.custom_plans)

t.beforeEach(async () => {
  await resetDb(db)
  await submitReport(ownTransaction(db), seedReport(), WRITE_OPTIONS)
  await reviseStoredReport(ownTransaction(db), 1, [1], { ...seedReport(), sections: { ...seedReport().sections, other: '修订' } }, WRITE_OPTIONS)
})

t.test('a report read is prepared once per connection and then only executed', async (t) => {
  const single = createDatabase({ url, poolMax: 1 })
  t.teardown(async () => await single.destroy())

  const first = await findReportAtRevision(single, 1)
  const [prepared, ...others] = await preparedOn(single)
  t.equal(others.length, 0, 'only the read is prepared: other statements stay unnamed')
  t.match(prepared?.name, /^prepared_[0-9a-f]{40}$/)
  t.equal(preparedStatementName(prepared?.statement ?? ''), prepared?.name, 'the name is the one registered for its text')
  t.equal(preparedStatementName(`${prepared?.statement ?? ''} `), undefined, 'another text has no name')
  t.equal(executions(prepared), 1)

  for (let index = 0; index < 9; index++) await findReportAtRevision(single, 1)
  const [reused] = await preparedOn(single)
  t.equal(reused?.name, prepared?.name)
  t.equal(executions(reused), 10, 'ten reads executed the one prepared statement')
  t.ok(Number(reused?.generic_plans) > 0, 'Postgres planned it once for all (a generic plan) after its first executions')

  const again = await findReportAtRevision(single, 1)
  t.same(again, first, 'rows are read as before: dates as Date, numbers as numbers, the body as text')
  t.ok(first?.report.createdAt instanceof Date)
  t.equal(first?.revision?.revision, 2)
  t.same(JSON.parse(first?.revision?.bodyText ?? 'null').sections.other, '修订')
})

t.test('an older revision is read with the same statement, in a transaction as outside one', async (t) => {
  await db.transaction().execute(async (trx) => {
    const older = await findReportAtRevision(trx, 1, 1)
    const latest = await findReportAtRevision(trx, 1)
    const missing = await findReportAtRevision(trx, 1, 3)
    t.equal(older?.revision?.revision, 1)
    t.same(JSON.parse(older?.revision?.bodyText ?? 'null'), seedReport())
    t.equal(latest?.revision?.revision, 2)
    t.equal(missing?.revision, undefined, 'a revision that does not exist')
    t.equal(await findReportAtRevision(trx, 2), undefined, 'a report that does not exist')
    // The connection may hold the writes' statements too (beforeEach stored the report through it).
    const reads = (await preparedOn(trx)).filter((row) => row.statement.includes('"served"'))
    t.equal(reads.length, 1, 'one prepared read statement on the transaction\'s connection')
    t.equal(executions(reads[0]) >= 4, true)
  })
})

t.test('the statements of a write are prepared by the first write on a connection and reused by the next', async (t) => {
  const single = createDatabase({ url, poolMax: 1 })
  t.teardown(async () => await single.destroy())
  const storeNew = async (code: string) => await submitReport(ownTransaction(single), { ...seedReport(), agency: { ...seedReport().agency, code } }, WRITE_OPTIONS)
  t.match(await storeNew('11330500MB0000001N'), { outcome: 'created' })
  const afterFirst = await preparedOn(single)
  t.ok(afterFirst.some((row) => row.statement.includes('report_write_store')), 'the call that stores the write is among them')
  t.match(await storeNew('11330500MB0000002L'), { outcome: 'created' })
  const afterSecond = await preparedOn(single)
  t.same(afterSecond.map((row) => row.name), afterFirst.map((row) => row.name), 'nothing new prepared by the second write')
  t.ok(afterSecond.every((row) => executions(row) === 2 * executions(afterFirst.find((first) => first.name === row.name))),
    'each executed once more')
})

t.test('a connection the server dropped is replaced, and the new one prepares the statement again', async (t) => {
  const single = createDatabase({ url, poolMax: 1 })
  t.teardown(async () => await single.destroy())
  await findReportAtRevision(single, 1)
  const { rows: [before] } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(single)
  await sql`select pg_terminate_backend(${before?.pid ?? 0})`.execute(db)
  // The pool drops the connection once it learns that the server closed it; until then a statement may fail.
  let found: Awaited<ReturnType<typeof findReportAtRevision>>
  for (let attempt = 0; found === undefined && attempt < 50; attempt++) {
    try {
      found = await findReportAtRevision(single, 1)
    } catch {
      await setTimeout(20)
    }
  }
  t.equal(found?.revision?.revision, 2, 'the read succeeds on a new connection')
  const { rows: [after] } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(single)
  t.not(after?.pid, before?.pid)
  const prepared = await preparedOn(single)
  t.equal(prepared.length, 1)
  t.equal(executions(prepared[0]), 1, 'prepared anew on the new connection')
})
