import { promises as fs } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { FileMigrationProvider, Migrator, sql } from 'kysely'
import t, { type Test } from 'tap'
import { generateReports, type SyntheticReport } from '../support/generate-reports.js'
import { CELLS } from '../../migrations/2026_11_28_090000_create_report_figures.js'
import { saveAnalyses } from '../../src/db/analysis-repository.js'
import {
  figureColumn, type FigureFilters, figuresRow, inStatsSnapshot, saveFigures, sumFigureGroups, sumFigures
} from '../../src/db/figures-repository.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { createReports, upsertAgencies } from '../../src/db/report-repository.js'
import { analyseReport } from '../../src/domain/analysis.js'
import { reportCells } from '../../src/domain/cells.js'
import type { AnnualReport } from '../../src/domain/report.js'
import { AMOUNT_POINTERS, FIGURE_POINTERS, HEADLINE_POINTERS, INDICATOR_INPUTS, summarise } from '../../src/domain/rollup.js'
import { applicantRow, report2019, seed } from '../domain/fixtures.js'
import { creditCode } from '../fixtures.js'
import { createTestDatabase, resetDb } from '../helper.js'

const { db } = await createTestDatabase(t)

const THIS_MIGRATION = '2026_11_28_090000_create_report_figures'

/** Stores a new report as revision 1 (its agency first), as the repository's statements do. */
async function created (body: AnnualReport): Promise<number> {
  await upsertAgencies(db, [body])
  const [reportId] = await createReports(db, [{ body }])
  if (reportId === undefined) throw new Error(`not created: ${body.agency.code} ${body.year}`)
  return reportId
}

async function store (body: AnnualReport, status: SyntheticReport['status'] = 'clean'): Promise<number> {
  const reportId = await created(body)
  await saveFigures(db, [{ reportId, body, status }])
  return reportId
}

async function figuresOf (reportId: number): Promise<Record<string, unknown>> {
  const { rows } = await sql<Record<string, unknown>>`select * from report_figures where report_id = ${reportId}`.execute(db)
  if (rows[0] === undefined) throw new Error(`no figures for report ${reportId}`)
  return rows[0]
}

/** A stored row as the repository wrote it: numeric and bigint come back as text. */
function expectedRow (reportId: number, body: AnnualReport, status: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(figuresRow(reportId, body, status as 'clean')).map(([column, value]) =>
    [column, typeof value === 'number' && (column.startsWith('t') || column === 'report_id') ? String(value) : value]))
}

t.test('the migration has a column for every cell of both templates and layouts, as the repository names them', async (t) => {
  const { rows } = await sql<{ column_name: string, data_type: string }>`
    select column_name, data_type from information_schema.columns
    where table_name = 'report_figures' and column_name ~ '^t[234]__' order by ordinal_position`.execute(db)
  const bodies: AnnualReport[] = [
    seed(),
    seed((d) => { d.requests.outcomes.other = applicantRow({}) }),
    report2019(),
    report2019((d) => { d.requests.outcomes.other = { noCorrection: applicantRow({}), feeUnpaid: applicantRow({}), misc: applicantRow({}) } })
  ]
  const pointers = new Set(bodies.flatMap((body) => reportCells(body).map((cell) => cell.pointer)))
  t.same(new Set(rows.map((row) => row.column_name)), new Set([...pointers].map(figureColumn)), 'one column per pointer of reportCells, no other')
  t.same(rows.map((row) => row.column_name), FIGURE_POINTERS.map(figureColumn), 'in document order')
  t.same(rows.map((row) => row.data_type), FIGURE_POINTERS.map((at) => AMOUNT_POINTERS.includes(at) ? 'numeric' : 'bigint'), 'amounts numeric, counts bigint')
  t.same(CELLS.map(([column, jsonPath]) => [column, `/${jsonPath.slice(1, -1).split(',').join('/')}`]),
    FIGURE_POINTERS.map((at) => [figureColumn(at), at]), 'the backfill reads each column from its own cell')
  t.ok(rows.every((row) => row.column_name.length <= 63), 'names fit Postgres identifiers')
})

t.test('the migration fills in the figures of reports stored before it, as saveFigures would', async (t) => {
  await resetDb(db)
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: fileURLToPath(new URL('../../migrations', import.meta.url)) })
  })
  const names = (await migrator.getMigrations()).map((migration) => migration.name)
  const before = names[names.indexOf(THIS_MIGRATION) - 1]
  if (before === undefined) throw new Error('no migration before report_figures')
  const down = await migrator.migrateTo(before)
  t.equal(down.error, undefined)
  const bodies = [
    seed(),
    seed((d) => { d.year = 2022; d.requests.outcomes.other = applicantRow({ naturalPerson: 0 }); d.reviewLitigation.review.pending = null }),
    report2019(),
    ...[...generateReports(12, { seed: 5, provinces: ['33'], years: [2023] })].map((generated) => generated.body)
  ]
  const expected = []
  for (const body of bodies) {
    const reportId = await created(body)
    const analysis = analyseReport(body, null)
    await saveAnalyses(db, [{ target: { reportId, revision: 1 }, analysis, previous: null }], { replace: false })
    expected.push(expectedRow(reportId, body, analysis.summary.status))
  }
  await migrateToLatest(db)
  for (const row of expected) t.same(await figuresOf(Number(row.report_id)), row, `report ${String(row.report_id)}`)
  await resetDb(db)
})

t.test('saveFigures stores every cell of the latest revision, blank as null, and replaces them on upsert', async (t) => {
  await resetDb(db)
  const id = await store(seed((d) => { d.requests.newReceived.research = null; d.proactive.fees.amountWan = 12.345678 }))
  const first = await figuresOf(id)
  t.equal(first.t3__new_received__research, null, 'blank kept as null')
  t.same(first.blank_pointers, ['/requests/newReceived/research'], 'and listed among the blanks')
  t.equal(first.t3__new_received__natural_person, '10')
  t.equal(first.t2__fees__amount_wan, '12.345678', 'amount exact')
  t.equal(first.t2__licensing__previous_items, null, 'a 2019 cell the report does not have')
  t.equal(first.single_row_other, false)
  t.equal(first.disclosure_rate, 1 / 3)

  const revised = seed((d) => { d.requests.outcomes.other = applicantRow({ naturalPerson: 1 }) })
  await saveFigures(db, [{ reportId: id, body: revised, status: 'warnings' }])
  t.same(await figuresOf(id), expectedRow(id, revised, 'warnings'))
  const second = await figuresOf(id)
  t.equal(second.t3__outcomes__other__misc__total, null, 'the three rows are gone with the layout')
  t.equal(second.t3__outcomes__other__total, '1')
})

t.test('rollups over many reports', async (t) => {
  await resetDb(db)
  const generated = [...generateReports(420, { seed: 11, provinces: ['33', '32'], years: [2020, 2021, 2022, 2023] })]
  const stored: Array<SyntheticReport & { id: number }> = []
  for (const report of generated) stored.push({ ...report, id: await store(report.body, report.status) })
  t.ok(generated.some((r) => r.status === 'warnings') && generated.some((r) => r.status === 'errors'), 'the sample has blanks and errors')

  function matching (filters: FigureFilters) {
    return stored.filter(({ body }) => body.year === filters.year && body.kind === filters.kind &&
      body.agency.regionCode.startsWith(filters.region ?? '') && (filters.template === undefined || body.template === filters.template))
  }

  /** Sums computed here from the bodies, independently of SQL: per cell its sum (exact to 6 decimals), blanks and reports. */
  function expectedCells (reports: readonly SyntheticReport[], pointers: readonly string[] = FIGURE_POINTERS) {
    const byPointer = new Map<string, { micro: number, blanks: number, reports: number }>()
    for (const { body } of reports) {
      for (const cell of reportCells(body)) {
        const entry = byPointer.get(cell.pointer) ?? { micro: 0, blanks: 0, reports: 0 }
        entry.reports++
        if (cell.value === null) entry.blanks++
        else entry.micro += Math.round(cell.value * 1e6)
        byPointer.set(cell.pointer, entry)
      }
    }
    const wanted = new Set(pointers)
    return FIGURE_POINTERS.filter((at) => wanted.has(at)).flatMap((pointer) => {
      const entry = byPointer.get(pointer)
      return entry === undefined ? [] : [{ pointer, sum: entry.micro / 1e6, blanks: entry.blanks, reports: entry.reports }]
    })
  }

  /** The indicators of rules.md, written out here over the summed cells. */
  function expectedIndicators (cells: ReadonlyArray<{ pointer: string, sum: number }>) {
    const sum = (...pointers: string[]) => pointers.reduce((acc, at) => acc + (cells.find((c) => c.pointer === at)?.sum ?? 0), 0)
    const ratio = (n: number, d: number) => (d > 0 ? n / d : null)
    const o = '/requests/outcomes'
    const handled = sum(`${o}/total/total`)
    const denied = ['stateSecret', 'lawProhibited', 'securityStability', 'thirdParty', 'internalAffairs', 'processInfo', 'enforcementFile', 'adminQuery']
    const suits = ['suitDirect', 'suitAfterReview'].map((g) => `/reviewLitigation/${g}`)
    return {
      disclosureRate: ratio(sum(`${o}/granted/total`, `${o}/partiallyGranted/total`), handled),
      denialRate: ratio(sum(...denied.map((row) => `${o}/denied/${row}/total`)), handled),
      notHeldShare: ratio(sum(`${o}/unable/notHeld/total`), handled),
      reviewCorrectionRate: ratio(sum('/reviewLitigation/review/corrected'), sum('/reviewLitigation/review/total') - sum('/reviewLitigation/review/pending')),
      litigationCorrectionRate: ratio(sum(...suits.map((g) => `${g}/corrected`)), sum(...suits.map((g) => `${g}/total`)) - sum(...suits.map((g) => `${g}/pending`)))
    }
  }

  function close (t: Test, actual: Record<string, number | null>, expected: Record<string, number | null>, name: string) {
    for (const [key, value] of Object.entries(expected)) {
      const got = actual[key] ?? null
      if (value === null || got === null) t.equal(got, value, `${name}: ${key}`)
      else t.ok(Math.abs(got - value) < 1e-12, `${name}: ${key} ${got} ≈ ${value}`)
    }
  }

  const cases: FigureFilters[] = [
    { region: '33', year: 2023, kind: 'agency' },
    { region: '3305', year: 2023, kind: 'agency' },
    { region: '32', year: 2022, kind: 'government' },
    { year: 2020, kind: 'agency' },
    { year: 2021, kind: 'agency', template: '2021' },
    { region: '3301', year: 2021, kind: 'agency' },
    { region: '44', year: 2023, kind: 'agency' }
  ]
  for (const filters of cases) {
    const name = JSON.stringify(filters)
    const reports = matching(filters)
    const rollup = summarise(await sumFigures(db, filters))
    const cells = expectedCells(reports)
    t.equal(rollup.reports, reports.length, `${name}: reports`)
    t.equal(rollup.agencies, new Set(reports.map((r) => r.body.agency.code)).size, `${name}: agencies`)
    t.same(rollup.byStatus, {
      clean: reports.filter((r) => r.status === 'clean').length,
      warnings: reports.filter((r) => r.status === 'warnings').length,
      errors: reports.filter((r) => r.status === 'errors').length
    }, `${name}: by status`)
    t.same(rollup.cells, cells, `${name}: every cell's sum, blanks and reports`)
    close(t, rollup.indicators, expectedIndicators(cells), name)
  }
  t.ok(matching(cases[0]!).length > 30, 'a province has many reports')
  const blanks = summarise(await sumFigures(db, cases[0]!)).cells.filter((c) => c.blanks > 0)
  t.ok(blanks.length > 0, 'some blanks among them')

  t.test('blanks are counted apart from zeros', async (t) => {
    const region = '110105' // outside the generated provinces, so the other cases are not disturbed
    await store(seed((d) => { d.agency = { ...d.agency, code: creditCode('91110105MA1234567'), regionCode: region }; d.reviewLitigation.review.pending = 0 }))
    await store(seed((d) => { d.agency = { ...d.agency, code: creditCode('91110105MA7654321'), regionCode: region }; d.reviewLitigation.review.pending = null }))
    const rollup = summarise(await sumFigures(db, { region, year: 2023, kind: 'agency' }))
    t.same(rollup.cells.find((c) => c.pointer === '/reviewLitigation/review/pending'), { pointer: '/reviewLitigation/review/pending', sum: 0, blanks: 1, reports: 2 })
    t.same(rollup.cells.find((c) => c.pointer === '/reviewLitigation/review/upheld'), { pointer: '/reviewLitigation/review/upheld', sum: 2, blanks: 0, reports: 2 })
  })

  t.test('a breakdown by region sums each city', async (t) => {
    const filters: FigureFilters = { region: '33', year: 2023, kind: 'agency' }
    const pointers = [...new Set([...HEADLINE_POINTERS, ...INDICATOR_INPUTS])]
    const groups = await sumFigureGroups(db, filters, { by: 'region', digits: 4 }, pointers)
    const cities = [...new Set(matching(filters).map((r) => r.body.agency.regionCode.slice(0, 4)))].sort()
    t.same(groups.map((g) => g.key), cities)
    t.ok(cities.length >= 5, 'several cities')
    for (const group of groups) {
      const reports = matching({ ...filters, region: group.key })
      const rollup = summarise(group)
      t.equal(group.name, null)
      t.equal(rollup.reports, reports.length, `${group.key}: reports`)
      t.same(rollup.cells, expectedCells(reports, pointers), `${group.key}: cells`)
      close(t, rollup.indicators, expectedIndicators(expectedCells(reports)), group.key)
    }
  })

  t.test('a breakdown by agency has one report per agency, with its name', async (t) => {
    const cities = matching({ region: '33', year: 2022, kind: 'agency' }).map((r) => r.body.agency.regionCode.slice(0, 4))
    const busiest = cities.sort((a, b) => cities.filter((c) => c === b).length - cities.filter((c) => c === a).length)[0]
    const filters: FigureFilters = { region: busiest, year: 2022, kind: 'agency' }
    const groups = await sumFigureGroups(db, filters, { by: 'agency' }, HEADLINE_POINTERS)
    const reports = matching(filters).sort((a, b) => a.body.agency.code.localeCompare(b.body.agency.code))
    t.ok(reports.length > 3)
    t.same(groups.map((g) => [g.key, g.name, g.reports]), reports.map((r) => [r.body.agency.code, r.body.agency.name, 1]))
    for (const [index, group] of groups.entries()) t.same(summarise(group).cells, expectedCells([reports[index]!], HEADLINE_POINTERS))
  })
})

t.test('statistics run in a read-only snapshot without JIT', async (t) => {
  const inside = await inStatsSnapshot(db, async (trx) => (await sql<{ jit: string, ro: string }>`
    select current_setting('jit') as jit, current_setting('transaction_read_only') as ro`.execute(trx)).rows[0])
  t.same(inside, { jit: 'off', ro: 'on' })
})
