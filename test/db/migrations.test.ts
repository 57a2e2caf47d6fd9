/** Migrations can be run twice, and by two deployments at once, without harm. */
import { sql } from 'kysely'
import t from 'tap'
import { createDatabase } from '../../src/db/connection.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { createEmptyDatabase } from '../helper.js'

t.test('two concurrent runs apply each migration once; a third run applies nothing', async (t) => {
  const { url, db } = await createEmptyDatabase(t)
  const other = createDatabase({ url, poolMax: 2 })
  t.teardown(async () => await other.destroy())

  const [first, second] = await Promise.all([migrateToLatest(db), migrateToLatest(other)])
  const applied = [...(first?.applied ?? []), ...(second?.applied ?? [])]
  t.ok(applied.length > 0)
  t.equal(new Set(applied).size, applied.length, 'no migration ran twice')

  const { rows } = await sql<{ count: string }>`select count(*) from kysely_migration`.execute(db)
  t.equal(Number(rows[0]?.count), applied.length, 'each is recorded once')
  t.same(await migrateToLatest(db), { applied: [] }, 'running again changes nothing')
})
