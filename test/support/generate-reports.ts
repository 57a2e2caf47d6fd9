/**
 * Synthetic annual reports, skewed like the real ones (report-format.md: 120,000–160,000 a year, most from
 * county-level departments, most of them small, many all-zero tables, a few very large):
 * - regions: 31 provinces with roughly their real numbers of prefecture cities (339) and counties (2,880), codes
 *   built like 行政区划代码 (province 33 → city 3305 → county 330502);
 * - per county ~20 departments, per city ~40, per province ~60 (kind `agency`), and one 本级政府 summary per
 *   county, city and province (kind `government`); an agency sometimes misses a year;
 * - table 三: ~60% of department reports all zero; otherwise mostly 1–20 applications, 14% 21–300, 1% over 1,000;
 *   government summaries larger; every identity of the form holds (T3-ROWSUM, T3-RESULTS-SUM, T3-BALANCE, T4-GROUPSUM);
 * - table 二: mostly small counts, a few thousand-plus licensing decisions, 收费金额 mostly 0, else up to 4 decimals;
 * - table 四: ~90% zero;
 * - ~3% of reports print some zero cells blank (null); ~2% break the table-三 balance by one.
 * Years ≤ 2020 use the 2019 template; 2% of the 2021-template reports print （六）其他处理 as the single 2019 row.
 *
 * Deterministic: the same options give the same reports. Used by the benchmarks (bench/rollup.ts: 150,000 reports) and
 * by the rollup tests (a few hundred).
 */
import { creditCodeCheckCharacter } from '../../src/domain/credit-code.js'
import type {
  AnnualReport, ApplicantRow, CaseGroup, Cell, Proactive2019, Proactive2021, ReportKind, Requests, ReviewLitigation
} from '../../src/domain/report.js'
import type { ReportStatus } from '../../src/domain/rollup.js'

/** [province code, prefecture-level cities, county-level divisions], roughly as in 2023. */
export const PROVINCES: ReadonlyArray<readonly [string, number, number]> = [
  ['11', 1, 16], ['12', 1, 16], ['13', 11, 167], ['14', 11, 117], ['15', 12, 103], ['21', 14, 100], ['22', 9, 60],
  ['23', 13, 121], ['31', 1, 16], ['32', 13, 95], ['33', 11, 90], ['34', 16, 104], ['35', 9, 84], ['36', 11, 100],
  ['37', 16, 136], ['41', 17, 157], ['42', 17, 103], ['43', 14, 122], ['44', 21, 122], ['45', 14, 111], ['46', 4, 25],
  ['50', 1, 38], ['51', 21, 183], ['52', 9, 88], ['53', 16, 129], ['54', 7, 74], ['61', 10, 107], ['62', 14, 86],
  ['63', 8, 44], ['64', 5, 22], ['65', 14, 106]
]

/** A small, fast, seedable PRNG (mulberry32): uniform in [0, 1). */
export function prng (seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface SyntheticAgency {
  readonly code: string
  readonly name: string
  readonly regionCode: string
  readonly kind: ReportKind
  /** Size class: how many applications its reports tend to have. */
  readonly level: 'county' | 'city' | 'province'
}

export interface GeneratorOptions {
  /** Seed of the PRNG (default 1). */
  readonly seed?: number
  /** Report years (default 2022 and 2023); ≤ 2020 uses the 2019 template. */
  readonly years?: readonly number[]
  /** Province codes to draw regions from (default all 31). */
  readonly provinces?: readonly string[]
}

export interface SyntheticReport {
  readonly body: AnnualReport
  /** What the rules would make of it: `errors` for a broken balance, `warnings` for blank cells in tables 三/四. */
  readonly status: ReportStatus
}

/** Departments per region at each level, and the number of (agency, year) reports they give per year. */
const DEPARTMENTS = { county: 20, city: 40, province: 60 } as const

function pad2 (n: number): string {
  return String(n).padStart(2, '0')
}

function creditCode (regionCode: string, sequence: number): string {
  const stem = `11${regionCode}MB${String(sequence).padStart(7, '0')}`
  return `${stem}${creditCodeCheckCharacter(stem)}`
}

/**
 * The agencies of the selected provinces, scaled so that they give about `reports` reports over `years` years.
 * Each region gets its departments (a jittered number around the level's mean) and one government.
 */
export function syntheticAgencies (reports: number, options: GeneratorOptions = {}): SyntheticAgency[] {
  const random = prng((options.seed ?? 1) * 7919)
  const provinces = PROVINCES.filter(([code]) => options.provinces?.includes(code) ?? true)
  const years = options.years?.length ?? 2
  const perYear = provinces.reduce((n, [, cities, counties]) =>
    n + counties * (DEPARTMENTS.county + 1) + cities * (DEPARTMENTS.city + 1) + DEPARTMENTS.province + 1, 0)
  // 5% spare, so that dropping some (agency, year) pairs still leaves `reports`.
  const scale = (reports / years / perYear) * 1.05
  const agencies: SyntheticAgency[] = []
  let sequence = 0
  const add = (regionCode: string, level: SyntheticAgency['level']) => {
    // Rounded at random, so that a small sample still has the expected number of departments.
    const expected = DEPARTMENTS[level] * scale * (0.5 + random())
    const departments = Math.floor(expected) + (random() < expected % 1 ? 1 : 0)
    for (let index = 0; index < departments; index++) {
      sequence++
      agencies.push({ code: creditCode(regionCode, sequence), name: `${regionCode}区划第${index + 1}部门`, regionCode, kind: 'agency', level })
    }
    if (random() < Math.min(1, scale)) {
      sequence++
      agencies.push({ code: creditCode(regionCode, sequence), name: `${regionCode}区划人民政府`, regionCode, kind: 'government', level })
    }
  }
  for (const [province, cities, counties] of provinces) {
    add(`${province}0000`, 'province')
    for (let city = 1; city <= cities; city++) {
      const cityCode = `${province}${pad2(city)}`
      add(`${cityCode}00`, 'city')
      // Counties spread evenly over the cities.
      const first = Math.floor(((city - 1) * counties) / cities)
      const last = Math.floor((city * counties) / cities)
      for (let county = 1; county <= last - first; county++) add(`${cityCode}${pad2(county)}`, 'county')
    }
  }
  return agencies
}

/** Splits `n` over `weights` at random (each part ≈ n × weight, exactly n in all). */
function split (n: number, weights: readonly number[], random: () => number): number[] {
  const parts = weights.map(() => 0)
  let left = n
  let weightLeft = weights.reduce((a, b) => a + b, 0)
  for (let index = 0; index < weights.length - 1 && left > 0; index++) {
    const weight = weights[index] ?? 0
    const share = weightLeft > 0 ? weight / weightLeft : 0
    // Small counts are drawn one by one (real small tables are lumpy); large ones proportionally, jittered.
    let part = 0
    if (left <= 30) {
      for (let unit = 0; unit < left; unit++) if (random() < share) part++
    } else {
      part = Math.min(left, Math.max(0, Math.round(left * share * (0.8 + 0.4 * random()))))
    }
    parts[index] = part
    left -= part
    weightLeft -= weight
  }
  parts[weights.length - 1] = left
  return parts
}

const COLUMN_WEIGHTS = [80, 12, 1, 1, 3, 3] as const
const OUTCOME_WEIGHTS = {
  granted: 35,
  partiallyGranted: 8,
  denied: [1, 1, 1, 1, 0.5, 1, 0.3, 0.5],
  unable: [25, 3, 2],
  rejected: [5, 3, 1, 1, 2],
  other: [5, 1, 3]
} as const

/** A table-三 row from its six applicant columns, with its total (T3-ROWSUM holds). */
function rowOf (v: readonly number[]): ApplicantRow {
  const [naturalPerson = 0, commercial = 0, research = 0, socialWelfare = 0, legalService = 0, otherOrg = 0] = v
  return {
    naturalPerson,
    commercial,
    research,
    socialWelfare,
    legalService,
    otherOrg,
    total: naturalPerson + commercial + research + socialWelfare + legalService + otherOrg
  }
}

const NO_APPLICANTS = [0, 0, 0, 0, 0, 0] as const

/** A consistent table 三 for `received` new applications (and some carried over). */
function requestsFor (received: number, singleRowOther: boolean, random: () => number): Requests {
  const otherWeights = singleRowOther ? [9] : OUTCOME_WEIGHTS.other
  const weights = [OUTCOME_WEIGHTS.granted, OUTCOME_WEIGHTS.partiallyGranted, ...OUTCOME_WEIGHTS.denied,
    ...OUTCOME_WEIGHTS.unable, ...OUTCOME_WEIGHTS.rejected, ...otherWeights]
  const newReceived = split(received, COLUMN_WEIGHTS, random)
  const carried = received > 0 && random() < 0.15 ? Math.max(1, Math.round(received * 0.1 * random())) : 0
  const carriedOver = carried === 0 ? NO_APPLICANTS : split(carried, COLUMN_WEIGHTS, random)
  // Per column: what was received or carried over is handled (split over the outcome rows) or carried forward.
  const forward = [0, 0, 0, 0, 0, 0]
  const outcomes = weights.map(() => [0, 0, 0, 0, 0, 0])
  const handled = [0, 0, 0, 0, 0, 0]
  for (let column = 0; column < 6; column++) {
    const available = (newReceived[column] ?? 0) + (carriedOver[column] ?? 0)
    if (available === 0) continue
    const carriedForward = random() < 0.2 ? Math.round(available * 0.15 * random()) : 0
    forward[column] = carriedForward
    handled[column] = available - carriedForward
    split(available - carriedForward, weights, random).forEach((count, row) => { (outcomes[row] as number[])[column] = count })
  }
  let next = 0
  const take = () => rowOf(outcomes[next++] ?? NO_APPLICANTS)
  const granted = take()
  const partiallyGranted = take()
  const denied = {
    stateSecret: take(),
    lawProhibited: take(),
    securityStability: take(),
    thirdParty: take(),
    internalAffairs: take(),
    processInfo: take(),
    enforcementFile: take(),
    adminQuery: take()
  }
  const unable = { notHeld: take(), needCreation: take(), unclear: take() }
  const rejected = { petition: take(), duplicate: take(), publication: take(), massRepeat: take(), confirm: take() }
  const other = singleRowOther ? take() : { noCorrection: take(), feeUnpaid: take(), misc: take() }
  return {
    newReceived: rowOf(newReceived),
    carriedOver: rowOf(carriedOver),
    outcomes: { granted, partiallyGranted, denied, unable, rejected, other, total: rowOf(handled) },
    carriedForward: rowOf(forward)
  }
}

function caseGroup (cases: number, random: () => number): CaseGroup {
  const [upheld = 0, corrected = 0, other = 0, pending = 0] = split(cases, [6, 1.5, 1.5, 1], random)
  return { upheld, corrected, other, pending, total: cases }
}

function reviewLitigationFor (scale: number, random: () => number): ReviewLitigation {
  const cases = (share: number) => random() < share ? 1 + Math.floor(random() * 3 * scale) : 0
  return {
    review: caseGroup(cases(0.1), random),
    suitDirect: caseGroup(cases(0.05), random),
    suitAfterReview: caseGroup(cases(0.03), random)
  }
}

/** A heavy-tailed count: mostly small, sometimes thousands. */
function heavy (random: () => number, typical: number): number {
  const u = random()
  if (u < 0.5) return 0
  if (u < 0.97) return Math.floor(random() * typical)
  return Math.floor(typical * (10 + random() * 200))
}

function amountWan (random: () => number): number {
  return random() < 0.85 ? 0 : Math.round(random() * 500 * 10000) / 10000
}

function proactive2021 (random: () => number): Proactive2021 {
  const issued = random() < 0.2 ? 1 + Math.floor(random() * 4) : 0
  return {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued, repealed: random() < 0.1 ? 1 : 0, inForce: issued + Math.floor(random() * 15) },
    licensing: { decisions: heavy(random, 40) },
    penalties: { decisions: heavy(random, 20) },
    coercion: { decisions: random() < 0.1 ? Math.floor(random() * 10) : 0 },
    fees: { amountWan: amountWan(random) }
  }
}

function proactive2019 (random: () => number): Proactive2019 {
  const items = (typical: number) => {
    const previousItems = Math.floor(random() * typical)
    // 本年增/减, the one signed cell: a few items more or fewer.
    const change = Math.floor(random() * 3) - (previousItems > 0 ? 1 : 0)
    return { previousItems, change, decisions: heavy(random, 40) }
  }
  const made = random() < 0.2 ? 1 + Math.floor(random() * 4) : 0
  return {
    regulations: { newlyMade: 0, newlyPublished: 0, totalPublic: 0 },
    normativeDocuments: { newlyMade: made, newlyPublished: made, totalPublic: made + Math.floor(random() * 15) },
    licensing: items(30),
    otherServices: items(10),
    penalties: items(20),
    coercion: items(5),
    fees: { previousItems: Math.floor(random() * 3), change: 0 },
    procurement: { projects: Math.floor(random() * 5), amountWan: amountWan(random) }
  }
}

/** Applications received by one report: ~60% none for departments, heavy-tailed otherwise; summaries larger. */
function receivedFor (agency: SyntheticAgency, random: () => number): number {
  const u = random()
  if (agency.kind === 'government') {
    const base = { county: 60, city: 600, province: 3000 }[agency.level]
    return Math.round(base * (0.3 + 1.7 * random()))
  }
  if (u < 0.6) return 0
  if (u < 0.6 + 0.34) return 1 + Math.floor(random() * random() * 20)
  if (u < 0.6 + 0.39) return 21 + Math.floor(random() * 280)
  return 1000 + Math.floor(random() * 4000)
}

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> }

/** Blanks (null) some cells that are 0, as printed "/" or "—": a whole table-三 column, or table 四's pending cells. */
function blankZeros (body: Mutable<AnnualReport>, random: () => number): boolean {
  let blanked = false
  const blankRow = (row: Record<string, Cell>, keys: readonly string[]) => {
    for (const key of keys) if (row[key] === 0) { row[key] = null; blanked = true }
  }
  if (random() < 0.5) {
    const column = random() < 0.5 ? 'research' : 'socialWelfare'
    const rows: Array<Record<string, Cell>> = [body.requests.newReceived, body.requests.carriedOver, body.requests.carriedForward,
      body.requests.outcomes.granted, body.requests.outcomes.partiallyGranted, body.requests.outcomes.total,
      ...Object.values(body.requests.outcomes.denied), ...Object.values(body.requests.outcomes.unable), ...Object.values(body.requests.outcomes.rejected)]
    for (const row of rows) blankRow(row, [column])
  } else {
    for (const group of Object.values(body.reviewLitigation)) blankRow(group, ['pending', 'other'])
  }
  if (body.template === '2021' && random() < 0.3) blankRow(body.proactive.fees, ['amountWan'])
  return blanked
}

/**
 * Yields `count` synthetic reports, one (agency, year) at a time (they are not all held in memory), agencies in
 * region order and each agency's years in order. Every body passes the API schema.
 *
 * Example: `[...generateReports(4, { provinces: ['33'], years: [2023] })]` → four 2023 reports of agencies in 浙江.
 */
export function * generateReports (count: number, options: GeneratorOptions = {}): Generator<SyntheticReport> {
  const years = options.years ?? [2022, 2023]
  const agencies = syntheticAgencies(count, options)
  const random = prng(options.seed ?? 1)
  const pairs = agencies.length * years.length
  // Drop pairs evenly at random so that exactly `count` remain (an agency that missed a year).
  let toDrop = Math.max(0, pairs - count)
  let left = pairs
  let produced = 0
  for (const agency of agencies) {
    for (const year of years) {
      const drop = random() < toDrop / left
      left--
      if (drop) { toDrop--; continue }
      if (produced === count) return
      produced++
      yield reportOf(agency, year, random)
    }
  }
}

function reportOf (agency: SyntheticAgency, year: number, random: () => number): SyntheticReport {
  const template = year >= 2021 ? '2021' : '2019'
  const received = receivedFor(agency, random)
  const singleRowOther = template === '2019' || random() < 0.02
  const requests = requestsFor(received, singleRowOther, random)
  const scale = agency.kind === 'government' ? 5 : 1
  const base = {
    year,
    kind: agency.kind,
    agency: { code: agency.code, name: agency.name, regionCode: agency.regionCode },
    publication: { documentDate: `${year + 1}-01-${agency.kind === 'government' ? '30' : '20'}` },
    sections: {
      overview: `${year}年，本机关共收到政府信息公开申请${received}件。`,
      problems: '信息公开的及时性有待加强。',
      other: '本年度未收取政府信息公开信息处理费。'
    },
    requests,
    reviewLitigation: reviewLitigationFor(scale, random)
  }
  const body: Mutable<AnnualReport> = template === '2021'
    ? { ...base, template, proactive: proactive2021(random) }
    : { ...base, template, proactive: proactive2019(random) }
  // A 2021 report with the single-row （六） is a warning (S-MIXED).
  let status: ReportStatus = template === '2021' && singleRowOther ? 'warnings' : 'clean'
  if (random() < 0.03 && blankZeros(body, random)) status = 'warnings'
  if (random() < 0.02) {
    // An error as real tables have them: the outcome total one more than its rows (T3-RESULTS-SUM, T3-BALANCE).
    const total = body.requests.outcomes.total
    total.naturalPerson = (total.naturalPerson ?? 0) + 1
    total.total = (total.total ?? 0) + 1
    status = 'errors'
  }
  return { body, status }
}
