import t from 'tap'
import { addCells, cellsOf, pointer, reportCells, sumCells, sumOrNull } from '../../src/domain/cells.js'
import { otherRows, report2019, seed } from './fixtures.js'

/** Every number-or-null leaf under the three tables, by walking the JSON itself (independent of the code under test). */
function leaves (value: unknown, path: string): { pointer: string, value: number | null }[] {
  if (value === null || typeof value === 'number') return [{ pointer: path, value }]
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, `${path}/${key}`))
}

const tableLeaves = (report: object): { pointer: string, value: number | null }[] =>
  (['proactive', 'requests', 'reviewLitigation'] as const).flatMap((key) => leaves((report as Record<string, unknown>)[key], `/${key}`))

t.test('pointer builds RFC 6901 pointers', async (t) => {
  const cases: [string[], string][] = [
    [['requests', 'newReceived', 'total'], '/requests/newReceived/total'],
    [['a/b', 'c~d'], '/a~1b/c~0d'],
    [[], '']
  ]
  for (const [segments, expected] of cases) t.equal(pointer(...segments), expected, expected)
})

t.test('sums treat a blank as 0 and remember it', async (t) => {
  t.equal(addCells([3, null, 4]), 7)
  t.equal(addCells([]), 0)
  t.same(sumCells([{ pointer: '/a', value: 3 }, { pointer: '/b', value: null }]), { sum: 3, blanks: ['/b'] })
  t.same(sumCells([]), { sum: 0, blanks: [] })
  const orNull: [(number | null)[], number | null][] = [[[1, null, 2], 3], [[null, null], null], [[0], 0], [[], null]]
  for (const [values, expected] of orNull) t.equal(sumOrNull(values), expected, JSON.stringify(values))
})

t.test('cellsOf lists the named cells of a row in the order asked', async (t) => {
  t.same(cellsOf(['reviewLitigation', 'review'], seed().reviewLitigation.review, ['total', 'upheld']), [
    { pointer: '/reviewLitigation/review/total', value: 1 },
    { pointer: '/reviewLitigation/review/upheld', value: 1 }
  ])
})

t.test('reportCells lists every numeric cell of the seed in document order', async (t) => {
  const report = seed((d) => { otherRows(d).misc.research = null })
  const cells = reportCells(report)
  t.equal(cells.length, 200, '10 in table 二, 175 in table 三, 15 in table 四')
  t.same(cells, tableLeaves(report), 'same pointers, values and order as the JSON itself')
  t.same(cells.slice(0, 3).map((c) => c.pointer), ['/proactive/regulations/issued', '/proactive/regulations/repealed', '/proactive/regulations/inForce'])
  t.same(cells.find((c) => c.pointer === '/requests/outcomes/other/misc/research'), { pointer: '/requests/outcomes/other/misc/research', value: null },
    'a blank is kept as null')
  t.same(cells.at(-1), { pointer: '/reviewLitigation/suitAfterReview/total', value: 0 })
})

t.test('reportCells follows the 2019 layouts', async (t) => {
  const report = report2019()
  const cells = reportCells(report)
  t.equal(cells.length, 198, '22 in table 二, 161 in table 三 (single-row 其他处理), 15 in table 四')
  t.same(cells, tableLeaves(report))
  t.same(cells.find((c) => c.pointer === '/proactive/procurement/amountWan'), { pointer: '/proactive/procurement/amountWan', value: 123.456789 })
})
