/** The printed layout of table 三 (src/domain/tables.ts): rows built once per layout, cells read from each report. */
import t from 'tap'
import { pointer } from '../../src/domain/cells.js'
import { APPLICANT_COLUMNS } from '../../src/domain/report.js'
import { requestRows } from '../../src/domain/tables.js'
import { applicantRow, report2019, seed } from './fixtures.js'

t.test('each row carries the pointers of its path, in both layouts of （六）其他处理', async (t) => {
  for (const [name, report, rowCount] of [['2021 layout', seed(), 25], ['2019 layout', report2019(), 23]] as const) {
    const rows = requestRows(report.requests)
    t.equal(rows.length, rowCount, name)
    for (const row of rows) {
      t.equal(row.pointer, pointer(...row.path), `${name}: ${row.pointer}`)
      t.same(row.cellPointers, Object.fromEntries(APPLICANT_COLUMNS.map((column) => [column, pointer(...row.path, column)])))
    }
  }
})

t.test('the layout is shared, the cells are each report\'s own', async (t) => {
  const first = seed((d) => { d.requests.newReceived = applicantRow({ naturalPerson: 1 }) })
  const second = seed((d) => { d.requests.newReceived = applicantRow({ commercial: 2 }) })
  const rowsOfFirst = requestRows(first.requests)
  const rowsOfSecond = requestRows(second.requests)
  t.equal(rowsOfFirst[0]?.cells, first.requests.newReceived, 'read from the report asked about')
  t.equal(rowsOfSecond[0]?.cells, second.requests.newReceived, 'a later call reads its own report')
  t.equal(rowsOfFirst[0]?.cells.total, 1, 'and leaves the earlier rows alone')
  t.not(rowsOfFirst[0], rowsOfSecond[0], 'every call returns rows of its own')
})
