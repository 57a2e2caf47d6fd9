/**
 * The annual report (政府信息公开工作年度报告) as plain data, owned by the domain.
 *
 * The HTTP contract (`src/schemas/report.ts`) is checked against these types at compile time,
 * so the schema and the domain cannot drift apart silently.
 */

/** A table cell: a count, or `null` when the cell was printed blank ("", "/", "—"). Blank is not 0. */
export type Cell = number | null

export type Template = '2021' | '2019'

/** `agency` = 本机关 report; `government` = 本级政府 summary of a whole jurisdiction. */
export type ReportKind = 'agency' | 'government'

export interface Agency {
  /** 统一社会信用代码, 18 characters. */
  readonly code: string
  readonly name: string
  /** 6-digit 行政区划代码. */
  readonly regionCode: string
}

export interface Publication {
  readonly indexNo?: string | null
  readonly publisher?: string | null
  /** ISO date (YYYY-MM-DD). */
  readonly documentDate?: string | null
  readonly publishedDate?: string | null
  readonly documentNo?: string | null
  readonly disclosure?: string | null
  readonly retention?: string | null
  readonly sourceUrl?: string | null
}

export interface Sections {
  /** 一、总体情况 */
  readonly overview: string
  /** 五、存在的主要问题及改进情况 */
  readonly problems: string
  /** 六、其他需要报告的事项 */
  readonly other: string
}

/* ---------- Table 二 (主动公开) ---------- */

export interface DocumentCounts2021 {
  readonly issued: Cell
  readonly repealed: Cell
  readonly inForce: Cell
}

export interface Decisions2021 {
  readonly decisions: Cell
}

export interface Proactive2021 {
  readonly regulations: DocumentCounts2021
  readonly normativeDocuments: DocumentCounts2021
  readonly licensing: Decisions2021
  readonly penalties: Decisions2021
  readonly coercion: Decisions2021
  /** 本年收费金额（万元）, a decimal. */
  readonly fees: { readonly amountWan: number | null }
}

export interface DocumentCounts2019 {
  readonly newlyMade: Cell
  readonly newlyPublished: Cell
  readonly totalPublic: Cell
}

export interface ItemCounts2019 {
  readonly previousItems: Cell
  /** 本年增/减: the only signed cell of the form. */
  readonly change: Cell
  readonly decisions: Cell
}

export interface Proactive2019 {
  readonly regulations: DocumentCounts2019
  readonly normativeDocuments: DocumentCounts2019
  readonly licensing: ItemCounts2019
  readonly otherServices: ItemCounts2019
  readonly penalties: ItemCounts2019
  readonly coercion: ItemCounts2019
  readonly fees: { readonly previousItems: Cell, readonly change: Cell }
  readonly procurement: { readonly projects: Cell, readonly amountWan: number | null }
}

/* ---------- Table 三 (依申请公开) ---------- */

/** The 7 applicant columns (申请人情况) shared by every table-三 row. */
export const APPLICANT_COLUMNS = [
  'naturalPerson',
  'commercial',
  'research',
  'socialWelfare',
  'legalService',
  'otherOrg',
  'total'
] as const

export type ApplicantColumn = typeof APPLICANT_COLUMNS[number]

export type ApplicantRow = { readonly [C in ApplicantColumn]: Cell }

export interface DeniedOutcomes {
  readonly stateSecret: ApplicantRow
  readonly lawProhibited: ApplicantRow
  readonly securityStability: ApplicantRow
  readonly thirdParty: ApplicantRow
  readonly internalAffairs: ApplicantRow
  readonly processInfo: ApplicantRow
  readonly enforcementFile: ApplicantRow
  readonly adminQuery: ApplicantRow
}

export interface UnableOutcomes {
  readonly notHeld: ApplicantRow
  readonly needCreation: ApplicantRow
  readonly unclear: ApplicantRow
}

export interface RejectedOutcomes {
  readonly petition: ApplicantRow
  readonly duplicate: ApplicantRow
  readonly publication: ApplicantRow
  readonly massRepeat: ApplicantRow
  readonly confirm: ApplicantRow
}

/** （六）其他处理 in the 2021 layout: three rows. */
export interface OtherOutcomes2021 {
  readonly noCorrection: ApplicantRow
  readonly feeUnpaid: ApplicantRow
  readonly misc: ApplicantRow
}

/**
 * （六）其他处理 is three rows in the 2021 layout and one row in the 2019 layout. Real reports mix
 * layouts, so either shape is accepted under either template (rule S-MIXED reports the mix).
 */
export type OtherOutcomes = OtherOutcomes2021 | ApplicantRow

export interface Outcomes {
  readonly granted: ApplicantRow
  readonly partiallyGranted: ApplicantRow
  readonly denied: DeniedOutcomes
  readonly unable: UnableOutcomes
  readonly rejected: RejectedOutcomes
  readonly other: OtherOutcomes
  readonly total: ApplicantRow
}

export interface Requests {
  readonly newReceived: ApplicantRow
  readonly carriedOver: ApplicantRow
  readonly outcomes: Outcomes
  readonly carriedForward: ApplicantRow
}

/* ---------- Table 四 (行政复议、行政诉讼) ---------- */

export interface CaseGroup {
  readonly upheld: Cell
  readonly corrected: Cell
  readonly other: Cell
  readonly pending: Cell
  readonly total: Cell
}

export interface ReviewLitigation {
  readonly review: CaseGroup
  readonly suitDirect: CaseGroup
  readonly suitAfterReview: CaseGroup
}

/* ---------- The report ---------- */

interface ReportBase {
  readonly year: number
  readonly kind: ReportKind
  readonly agency: Agency
  readonly publication?: Publication
  readonly sections: Sections
  readonly requests: Requests
  readonly reviewLitigation: ReviewLitigation
}

export interface Report2021 extends ReportBase {
  readonly template: '2021'
  readonly proactive: Proactive2021
}

export interface Report2019 extends ReportBase {
  readonly template: '2019'
  readonly proactive: Proactive2019
}

/** A report body, discriminated by the national template it follows. */
export type AnnualReport = Report2021 | Report2019

/** True when （六）其他处理 is printed as the single 2019 row rather than the three 2021 rows. */
export function isSingleRowOther (other: OtherOutcomes): other is ApplicantRow {
  return 'total' in other
}
