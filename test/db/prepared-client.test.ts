/**
 * What the prepared statements take from Kysely, checked against the version installed: `prepareStatement` compiles a
 * query once with sentinel values and finds each among `compiled.parameters` to know where the real values go, and
 * `createDatabase` (src/db/connection.ts) relies on Kysely's Postgres driver handing pg each statement as its text and
 * values on the pooled connection it runs on, where the registered texts are swapped for named statements. A Kysely
 * that compiled or called pg otherwise fails here, not in a repository's rows.
 */
import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import t from 'tap'
import { createDatabase } from '../../src/db/connection.js'
import type { Executor } from '../../src/db/executor.js'
import { preparedStatementName, prepareStatement } from '../../src/db/prepared.js'
import * as statements from '../../src/db/statements.js'
import { createTestDatabase } from '../helper.js'

const { url, db } = await createTestDatabase(t)

const REGION = '330502'
const OTHER_REGION = '330503'
await db.insertInto('agency').values([
  { code: '11330500MB0000001A', name: '一局', region_code: REGION },
  { code: '11330500MB0000002B', name: '二局', region_code: REGION },
  { code: '11330500MB0000002C', name: '邻区二局', region_code: OTHER_REGION },
  { code: '11330500MB0000003C', name: '三局', region_code: REGION },
  { code: '11330500MB0000004D', name: '四局', region_code: REGION }
]).execute()

type Range = Record<'region' | 'to' | 'from', string>

/** The agencies of a region with codes in [from, to): its placeholders come in the order from, to, region. */
const agenciesInRange = (executor: Executor, { region, to, from }: Range) => executor.selectFrom('agency').select('code')
  .where('code', '>=', from).where('code', '<', to).where('region_code', '=', region).orderBy('code')

/** Declared in another order than the placeholders': only positions found by value put each in its place. */
const SENTINELS: Range = { region: '\u0000region', to: '\u0000to', from: '\u0000from' }

/** Its sole correct answer: any value in another's place finds no agency (or the neighbouring region's). */
const SECOND_AND_THIRD = { region: REGION, from: '11330500MB0000002', to: '11330500MB0000004' }

/** Whether `version` is within a caret range as npm reads it: `^0.28.19` is at least 0.28.19 and below 0.29.0. */
function withinCaretRange (version: string, range: string): boolean {
  const floor = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range)?.slice(1).map(Number)
  const installed = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)?.slice(1).map(Number)
  if (floor === undefined || installed === undefined) throw new Error(`a caret range and a release were expected, not ${range} and ${version}`)
  // The leftmost part that is not zero, and every part before it, stay as the range has them.
  const leftmostNonZero = floor.findIndex((part) => part !== 0)
  const kept = leftmostNonZero === -1 ? floor.length : leftmostNonZero + 1
  if (floor.slice(0, kept).some((part, index) => installed[index] !== part)) return false
  const firstDifference = floor.findIndex((part, index) => installed[index] !== part)
  return firstDifference === -1 || (installed[firstDifference] ?? 0) > (floor[firstDifference] ?? 0)
}

t.test('the installed Kysely is within the range package.json asks for', async (t) => {
  const range = (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies.kysely ?? ''
  const { version } = JSON.parse(readFileSync('node_modules/kysely/package.json', 'utf8')) as { version: string }
  t.ok(withinCaretRange(version, range), `kysely ${version} satisfies ${range}`)
  t.notOk(withinCaretRange('0.29.0', '^0.28.19'), 'the next minor version of a 0.x range is outside it')
  t.notOk(withinCaretRange('0.28.18', '^0.28.19'), 'so is an earlier patch')
  t.ok(withinCaretRange('0.28.20', '^0.28.19'), 'a later patch is within it')
})

t.test('Kysely compiles every value as a parameter, in placeholder order, in a text that does not depend on the values', async (t) => {
  const withSentinels = agenciesInRange(db, SENTINELS).compile()
  const withValues = agenciesInRange(db, SECOND_AND_THIRD).compile()
  t.same(withSentinels.parameters, [SENTINELS.from, SENTINELS.to, SENTINELS.region], 'the sentinels themselves, in placeholder order')
  t.equal(withValues.sql, withSentinels.sql, 'one text for any values')
  t.same(withValues.parameters, [SECOND_AND_THIRD.from, SECOND_AND_THIRD.to, SECOND_AND_THIRD.region], 'the values in the sentinels\' places')
})

t.test('a prepared statement binds each value in its place, whatever the order its sentinels were declared in', async (t) => {
  const inRange = prepareStatement(agenciesInRange, SENTINELS)
  t.same((await inRange(db, SECOND_AND_THIRD)).map(({ code }) => code), ['11330500MB0000002B', '11330500MB0000003C'], 'the first values in their places')
  t.same((await inRange(db, { region: OTHER_REGION, from: '11330500MB0000002', to: '11330500MB0000003' })).map(({ code }) => code),
    ['11330500MB0000002C'], 'and the next values in theirs')
})

t.test('a sentinel missing from the parameters, or a parameter that is no sentinel, is an error', async (t) => {
  const ignoringRegion = prepareStatement((executor, { code }: { code: string, region: string }) =>
    executor.selectFrom('agency').select('code').where('code', '=', code), { code: '\u0000code', region: '\u0000region' })
  await t.rejects(ignoringRegion(db, { code: '11330500MB0000001A', region: REGION }), /sentinel region does not appear/)
  const fixedRegion = prepareStatement((executor, { code }: { code: string }) =>
    executor.selectFrom('agency').select('code').where('code', '=', code).where('region_code', '=', REGION), { code: '\u0000code' })
  await t.rejects(fixedRegion(db, { code: '11330500MB0000001A' }), /parameter 330502 is not a sentinel/)
})

t.test('statements run through createDatabase are prepared on their connection under their registered names, others not', async (t) => {
  const single = createDatabase({ url, poolMax: 1 })
  t.teardown(async () => await single.destroy())
  const inRange = prepareStatement(agenciesInRange, SENTINELS)
  await inRange(single, SECOND_AND_THIRD)
  t.same(await statements.agencyRecord.run(single, ['11330500MB0000001A']), [{ name: '一局', region_code: REGION }], 'a fixed statement\'s rows')
  await single.selectFrom('agency').select('name').where('code', '=', '11330500MB0000001A').execute()

  const byName = (a: { name?: string }, b: { name?: string }) => (a.name ?? '') < (b.name ?? '') ? -1 : 1
  const { rows } = await sql<{ name: string, statement: string }>`select name, statement from pg_prepared_statements`.execute(single)
  const expected = [agenciesInRange(single, SENTINELS).compile().sql, statements.agencyRecord.text]
    .map((text) => ({ name: preparedStatementName(text), statement: text }))
  t.same(rows.sort(byName), expected.sort(byName), 'the two registered texts, exactly as written, and no other statement')
})
