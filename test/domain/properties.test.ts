/**
 * Property tests of the rule engine: reports generated consistent by construction (both templates, both layouts of
 * （六）其他处理, blank cells where they keep the identities) pass every error rule; changing any one cell of table 三
 * or 四 is caught by an error rule that names that cell; CY-CARRY holds exactly when the years join up.
 */
import assert from 'node:assert/strict'
import fc from 'fast-check'
import t from 'tap'
import { reportCells } from '../../src/domain/cells.js'
import type { CellRef } from '../../src/domain/cells.js'
import { checkReport } from '../../src/domain/check-report.js'
import type { Finding } from '../../src/domain/findings.js'
import { APPLICANT_COLUMNS, isSingleRowOther } from '../../src/domain/report.js'
import type {
  AnnualReport, ApplicantColumn, ApplicantRow, CaseGroup, Cell, OtherOutcomes, Proactive2019, Proactive2021,
  ReportKind, ReviewLitigation
} from '../../src/domain/report.js'
import { seed } from './fixtures.js'
import type { Draft } from './fixtures.js'

const RUNS = 200

/**
 * Prose that states no number, so the narrative rules have nothing to compare with the generated tables (the seed's
 * own prose quotes its own tables, and gets them wrong).
 */
const NEUTRAL_SECTIONS = { overview: '一、总体情况', problems: '五、存在的主要问题及改进情况\n信息公开的及时性有待加强。下一步将加强培训，提高信息质量。', other: '六、其他需要报告的事项：未收取信息处理费。' }

/** The six applicant columns that add up to 总计. */
const PARTS = APPLICANT_COLUMNS.filter((column) => column !== 'total')

/** The outcome rows of the 2021 layout in printed order: （一）（二）, 8 denied, 3 unable, 5 rejected, 3 other. */
const OUTCOME_ROWS = {
  denied: ['stateSecret', 'lawProhibited', 'securityStability', 'thirdParty', 'internalAffairs', 'processInfo', 'enforcementFile', 'adminQuery'],
  unable: ['notHeld', 'needCreation', 'unclear'],
  rejected: ['petition', 'duplicate', 'publication', 'massRepeat', 'confirm'],
  other: ['noCorrection', 'feeUnpaid', 'misc']
} as const
const OUTCOME_ROW_COUNT = 2 + 8 + 3 + 5 + 3

/** A count as real reports have them: mostly 0, often small, now and then a large city's figure. */
const count = fc.oneof(
  { arbitrary: fc.constant(0), weight: 6 },
  { arbitrary: fc.integer({ min: 1, max: 20 }), weight: 3 },
  { arbitrary: fc.integer({ min: 21, max: 3000 }), weight: 1 }
)

/** One count per applicant column (the six parts; 总计 is always computed). */
const parts = fc.array(count, { minLength: 6, maxLength: 6 })

/** Everything a report is built from; totals are not here, they are computed from the parts. */
interface Plan {
  readonly year: number
  readonly kind: ReportKind
  /** （六）其他处理 as the single 2019 row (the sum of the three 2021 rows) instead of three rows. */
  readonly singleRowOther: boolean
  /** No request and no case at all, as in many small departments' reports (all-zero tables 三 and 四). */
  readonly quiet: boolean
  /** Columns with any traffic; most real reports only have 自然人. */
  readonly activeColumns: readonly boolean[]
  /** [row][part], OUTCOME_ROW_COUNT rows. */
  readonly outcomes: readonly (readonly number[])[]
  readonly carriedForward: readonly number[]
  /** Per part, chooses how the inflow splits into 本年新收 and 上年结转. */
  readonly carriedOverShare: readonly number[]
  /** [group][upheld, corrected, other, pending]. */
  readonly cases: readonly (readonly number[])[]
  readonly proactive2021: readonly number[]
  readonly proactive2019: readonly number[]
  readonly changes2019: readonly number[]
  readonly amountWan: number
  /** Indices (modulo the count) of zero cells of tables 三/四 to print blank. */
  readonly blanks: readonly number[]
  /** Print every all-zero row of table 三 as blank ("/" across the row), as many real reports do. */
  readonly blankZeroRows: boolean
}

const planArb: fc.Arbitrary<Plan> = fc.record({
  // Half on each template: 2019/2020 on the 2019 form, 2021–2025 on the 2021 form.
  year: fc.oneof(fc.integer({ min: 2019, max: 2020 }), fc.integer({ min: 2021, max: 2025 })),
  kind: fc.constantFrom<ReportKind>('agency', 'government'),
  singleRowOther: fc.boolean(),
  quiet: fc.oneof({ arbitrary: fc.constant(true), weight: 1 }, { arbitrary: fc.constant(false), weight: 4 }),
  activeColumns: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  outcomes: fc.array(parts, { minLength: OUTCOME_ROW_COUNT, maxLength: OUTCOME_ROW_COUNT }),
  carriedForward: parts,
  carriedOverShare: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
  cases: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
  proactive2021: fc.array(count, { minLength: 9, maxLength: 9 }),
  proactive2019: fc.array(count, { minLength: 16, maxLength: 16 }),
  changes2019: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 5, maxLength: 5 }),
  // 万元 with up to 6 decimals; a few are large enough to trip V-FEE-UNIT (info).
  amountWan: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 200_000_000_000 }).map((micro) => micro / 1e6)),
  blanks: fc.array(fc.nat(), { maxLength: 12 }),
  blankZeroRows: fc.boolean()
})

/** A table-三 row from its six parts, with 总计 their sum. */
function row (values: readonly number[]): Draft<ApplicantRow> {
  const cells = Object.fromEntries(PARTS.map((column, i) => [column, values[i] ?? 0])) as Record<ApplicantColumn, Cell>
  cells.total = values.reduce((acc, v) => acc + v, 0)
  return cells
}

function addRows (rows: readonly (readonly number[])[]): number[] {
  return PARTS.map((_, i) => rows.reduce((acc, r) => acc + (r[i] ?? 0), 0))
}

function group ([upheld = 0, corrected = 0, other = 0, pending = 0]: readonly number[]): CaseGroup {
  return { upheld, corrected, other, pending, total: upheld + corrected + other + pending }
}

function proactive2021 (n: readonly number[]): Proactive2021 {
  const v = (i: number): number => n[i] ?? 0
  return {
    // 现行有效 = 本年制发 + something, so T2-INFORCE-GE-ISSUED holds.
    regulations: { issued: v(0), repealed: v(1), inForce: v(0) + v(2) },
    normativeDocuments: { issued: v(3), repealed: v(4), inForce: v(3) + v(5) },
    licensing: { decisions: v(6) },
    penalties: { decisions: v(7) },
    coercion: { decisions: v(8) },
    fees: { amountWan: 0 }
  }
}

function proactive2019 (n: readonly number[], change: readonly number[], amountWan: number): Proactive2019 {
  const v = (i: number): number => n[i] ?? 0
  const items = (i: number, c: number): { previousItems: number, change: number, decisions: number } =>
    // 本年增/减 never takes the item count below 0.
    ({ previousItems: v(i), change: Math.max(change[c] ?? 0, -v(i)), decisions: v(i + 1) })
  return {
    regulations: { newlyMade: v(0), newlyPublished: v(0), totalPublic: v(0) + v(1) },
    normativeDocuments: { newlyMade: v(2), newlyPublished: v(2), totalPublic: v(2) + v(3) },
    licensing: items(4, 0),
    otherServices: items(6, 1),
    penalties: items(8, 2),
    coercion: items(10, 3),
    fees: { previousItems: v(12), change: Math.max(change[4] ?? 0, -v(12)) },
    procurement: { projects: v(13), amountWan }
  }
}

/** Sets the cell at a JSON Pointer (RFC 6901) of a draft. */
function setAt (document: object, path: string, value: Cell): void {
  const keys = path.split('/').slice(1).map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'))
  const last = keys.pop()
  if (last === undefined) throw new Error(`not a cell pointer: ${path}`)
  const parent = keys.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, document as Record<string, unknown>)
  if (!(last in parent)) throw new Error(`no cell at ${path}`)
  parent[last] = value
}

const isTableCell = (cell: CellRef): boolean =>
  cell.pointer.startsWith('/requests/') || cell.pointer.startsWith('/reviewLitigation/')

/** The cells of tables 三 and 四, in document order. */
function tableCells (report: AnnualReport): CellRef[] {
  return reportCells(report).filter(isTableCell)
}

interface BuildOptions {
  /** Fix 结转下年度 (for a prior year that must carry forward exactly what the next year carried over). */
  readonly carriedForward?: ApplicantRow
}

/**
 * Builds a report from a plan, from the parts upward: the outcome rows and 结转下年度 per column, then （七）总计 as
 * their sum, then 本年新收 + 上年结转 as a split of 总计 + 结转下年度, then every 总计 column as its row's sum; table 四
 * totals as their group's sum. Zero cells may then be printed blank, which the sums read as 0 again.
 */
function build (plan: Plan, options: BuildOptions = {}): AnnualReport {
  const template = plan.year >= 2021 ? '2021' : '2019'
  const active = (values: readonly number[]): number[] =>
    values.map((v, i) => (!plan.quiet && plan.activeColumns[i] === true ? v : 0))
  const outcomeRows = plan.outcomes.map(active)
  const fixedForward = options.carriedForward
  const forward = fixedForward === undefined ? active(plan.carriedForward) : PARTS.map((column) => fixedForward[column] ?? 0)
  const handled = addRows(outcomeRows)
  const inflow = handled.map((h, i) => h + (forward[i] ?? 0))
  const carriedOver = inflow.map((total, i) => (plan.carriedOverShare[i] ?? 0) % (total + 1))
  const newReceived = inflow.map((total, i) => total - (carriedOver[i] ?? 0))

  let next = 0
  const take = (): number[] => outcomeRows[next++] ?? [0, 0, 0, 0, 0, 0]
  const named = <K extends string>(keys: readonly K[]): Record<K, Draft<ApplicantRow>> =>
    Object.fromEntries(keys.map((key) => [key, row(take())])) as Record<K, Draft<ApplicantRow>>
  const granted = row(take())
  const partiallyGranted = row(take())
  const denied = named(OUTCOME_ROWS.denied)
  const unable = named(OUTCOME_ROWS.unable)
  const rejected = named(OUTCOME_ROWS.rejected)
  const otherRows = outcomeRows.slice(next)
  // A 2019 single row holds what the three 2021 rows would: their sum.
  const other: OtherOutcomes = plan.singleRowOther ? row(addRows(otherRows)) : named(OUTCOME_ROWS.other)

  const [review = [], suitDirect = [], suitAfterReview = []] = plan.quiet ? [] : plan.cases
  const reviewLitigation: ReviewLitigation = { review: group(review), suitDirect: group(suitDirect), suitAfterReview: group(suitAfterReview) }

  const base = seed()
  const publication = {
    ...base.publication,
    indexNo: `${base.agency.code}/${plan.year + 1}-00007`,
    documentDate: `${plan.year + 1}-01-31`
  }
  const requests = {
    newReceived: row(newReceived),
    carriedOver: row(carriedOver),
    outcomes: { granted, partiallyGranted, denied, unable, rejected, other, total: row(handled) },
    carriedForward: row(forward)
  }
  const common = { year: plan.year, kind: plan.kind, agency: base.agency, publication, sections: NEUTRAL_SECTIONS, requests, reviewLitigation }
  const report: AnnualReport = template === '2021'
    ? { ...common, template, proactive: { ...proactive2021(plan.proactive2021), fees: { amountWan: plan.amountWan } } }
    : { ...common, template, proactive: proactive2019(plan.proactive2019, plan.changes2019, plan.amountWan) }

  const draft = structuredClone(report)
  if (plan.blankZeroRows) {
    const zeroRows = new Set(tableCells(draft)
      .filter((cell) => cell.pointer.startsWith('/requests/') && cell.pointer.endsWith('/total') && cell.value === 0)
      .map((cell) => cell.pointer.slice(0, -'total'.length)))
    for (const cell of tableCells(draft)) {
      if (zeroRows.has(cell.pointer.slice(0, cell.pointer.lastIndexOf('/') + 1))) setAt(draft, cell.pointer, null)
    }
  }
  const zeros = tableCells(draft).filter((cell) => cell.value === 0)
  for (const index of plan.blanks) {
    const cell = zeros[index % Math.max(zeros.length, 1)]
    if (cell !== undefined) setAt(draft, cell.pointer, null)
  }
  // A fixed 结转下年度 is kept exactly as given, blanks included.
  for (const column of fixedForward === undefined ? [] : APPLICANT_COLUMNS) {
    setAt(draft, `/requests/carriedForward/${column}`, fixedForward?.[column] ?? null)
  }
  return draft
}

const reportArb: fc.Arbitrary<AnnualReport> = planArb.map((plan) => build(plan))

const failedErrors = (findings: readonly Finding[]): Finding[] =>
  findings.filter((f) => f.status === 'failed' && f.severity === 'error')

/** A short form of a finding for assertion messages. */
const brief = (f: Finding): string => `${f.ruleId} ${f.status} ${f.messageEn} [${f.pointers.join(', ')}]`

t.test('the generator covers both templates, both layouts of （六）其他处理, blanks and all-zero tables', async (t) => {
  const sample = fc.sample(reportArb, 500)
  const shapes = new Set(sample.map((r) => `${r.template}/${isSingleRowOther(r.requests.outcomes.other) ? 'single' : 'three'}`))
  t.same([...shapes].sort(), ['2019/single', '2019/three', '2021/single', '2021/three'])
  t.ok(sample.some((r) => tableCells(r).some((cell) => cell.value === null)), 'some reports have blank cells')
  t.ok(sample.some((r) => tableCells(r).every((cell) => cell.value === null || cell.value === 0)), 'some have all-zero tables')
  t.ok(sample.some((r) => (r.requests.carriedOver.total ?? 0) > 0 && (r.requests.carriedForward.total ?? 0) > 0), 'some carry requests both ways')
  t.ok(sample.some((r) => (r.requests.newReceived.total ?? 0) > 1000), 'some are large')
})

t.test('property 1: a report consistent by construction has no failed error finding', async (t) => {
  fc.assert(fc.property(reportArb, (report) => {
    const findings = checkReport({ report, previous: null })
    assert.deepEqual(failedErrors(findings).map(brief), [])
    // The only warnings such a report may draw are the blanks it was given and the 2019 row inside a 2021 report.
    const hasBlank = tableCells(report).some((cell) => cell.value === null)
    const mixed = report.template === '2021' && isSingleRowOther(report.requests.outcomes.other)
    const warnings = new Set(findings.filter((f) => f.status === 'failed' && f.severity === 'warning').map((f) => f.ruleId))
    assert.deepEqual([...warnings].sort(), [...(mixed ? ['S-MIXED'] : []), ...(hasBlank ? ['V-BLANK'] : [])].sort())
  }), { numRuns: RUNS })
  t.pass(`${RUNS} generated reports`)
})

/** A consistent report, one cell of table 三 or 四 chosen among all of them, and a new value that differs from it. */
const mutationArb = reportArb.chain((report) => {
  const cells = tableCells(report)
  return fc.constantFrom(...cells).chain((cell) => fc.record({
    report: fc.constant(report),
    cell: fc.constant(cell),
    // Different from what the sums read (a blank reads 0, so blank → 0 is no change to any identity).
    value: fc.oneof(fc.nat({ max: 20 }), fc.nat({ max: 5000 })).filter((v) => v !== (cell.value ?? 0))
  }))
})

t.test('property 2: changing one cell of table 三 or 四 yields an error finding naming that cell', async (t) => {
  fc.assert(fc.property(mutationArb, ({ report, cell, value }) => {
    const changed = structuredClone(report)
    setAt(changed, cell.pointer, value)
    const errors = failedErrors(checkReport({ report: changed, previous: null }))
    assert.ok(errors.some((f) => f.pointers.includes(cell.pointer)),
      `${cell.pointer}: ${String(cell.value)} → ${value}; errors: ${JSON.stringify(errors.map(brief))}`)
  }), { numRuns: RUNS })
  t.pass(`${RUNS} single-cell changes`)
})

/**
 * This year's report and a prior-year report (same agency and kind, year − 1, on the template of its year) whose
 * 结转下年度 is exactly this year's 上年结转, blanks included. Years from 2020, so 2020→2021 crosses the template change.
 */
const twoYearsArb = fc.tuple(planArb, planArb).map(([now, before]) => {
  const report = build({ ...now, year: Math.max(now.year, 2020) })
  const previous = build({ ...before, year: report.year - 1, kind: report.kind }, { carriedForward: report.requests.carriedOver })
  return { report, previous }
})

const carryFindings = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.ruleId === 'CY-CARRY')

t.test('property 3: CY-CARRY holds when the prior year carried forward what this year carried over', async (t) => {
  fc.assert(fc.property(twoYearsArb, ({ report, previous }) => {
    const findings = checkReport({ report, previous })
    assert.deepEqual(carryFindings(findings).map(brief), [], 'CY-CARRY is assessed and passes')
    assert.deepEqual(failedErrors(findings).map(brief), [], 'no other error either')
  }), { numRuns: RUNS })
  t.pass(`${RUNS} pairs of years`)
})

t.test('property 3: changing one column of the prior year\'s 结转下年度 yields a CY-CARRY error for that column', async (t) => {
  const arb = twoYearsArb.chain((pair) => fc.record({
    pair: fc.constant(pair),
    column: fc.constantFrom(...APPLICANT_COLUMNS),
    value: fc.oneof(fc.nat({ max: 20 }), fc.nat({ max: 5000 }))
  })).filter(({ pair, column, value }) => value !== (pair.previous.requests.carriedForward[column] ?? 0))
  fc.assert(fc.property(arb, ({ pair: { report, previous }, column, value }) => {
    const changed = structuredClone(previous)
    setAt(changed, `/requests/carriedForward/${column}`, value)
    const carry = carryFindings(checkReport({ report, previous: changed }))
    assert.deepEqual(carry.map((f) => ({ status: f.status, severity: f.severity, pointers: f.pointers })), [
      { status: 'failed', severity: 'error', pointers: [`/requests/carriedOver/${column}`] }
    ])
    assert.deepEqual(carry[0]?.context.previousPointers, [`/requests/carriedForward/${column}`])
    assert.equal(carry[0]?.expected, value)
    assert.equal(carry[0]?.actual, report.requests.carriedOver[column] ?? 0)
  }), { numRuns: RUNS })
  t.pass(`${RUNS} changed prior years`)
})
