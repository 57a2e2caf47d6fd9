/**
 * The printed layout of tables 二/三/四: which rows exist, in which order, and what the form calls them.
 * Rules use the labels in their messages; `cells.ts` uses the order to list cells in document order.
 */
import { pointer } from './pointer.js'
import { APPLICANT_COLUMNS, isSingleRowOther } from './report.js'
import type {
  ApplicantColumn, ApplicantRow, CaseGroup, DeniedOutcomes, OtherOutcomes2021, RejectedOutcomes,
  Requests, ReviewLitigation, UnableOutcomes
} from './report.js'

/** A name as printed on the form, with an English gloss for `messageEn`. */
export interface Label {
  readonly zh: string
  readonly en: string
}

/** 申请人情况, the 7 columns of table 三. */
export const COLUMN_LABELS: { readonly [C in ApplicantColumn]: Label } = {
  naturalPerson: { zh: '自然人', en: 'natural persons' },
  commercial: { zh: '商业企业', en: 'commercial enterprises' },
  research: { zh: '科研机构', en: 'research institutions' },
  socialWelfare: { zh: '社会公益组织', en: 'social welfare organisations' },
  legalService: { zh: '法律服务机构', en: 'legal service institutions' },
  otherOrg: { zh: '其他组织', en: 'other organisations' },
  total: { zh: '总计', en: 'total' }
}

/**
 * Where a table-三 row belongs: the intake rows (一、二), one of the outcome categories （一）–（六）,
 * the outcome total （七） or the carry-forward row (四).
 */
export type RequestRowKind =
  | 'newReceived' | 'carriedOver'
  | OutcomeCategory
  | 'total' | 'carriedForward'

/** The outcome categories （一）–（六） whose rows add up to （七）总计. */
export type OutcomeCategory = 'granted' | 'partiallyGranted' | 'denied' | 'unable' | 'rejected' | 'other'

export const OUTCOME_CATEGORY_LABELS: { readonly [K in OutcomeCategory]: Label } = {
  granted: { zh: '予以公开', en: 'granted' },
  partiallyGranted: { zh: '部分公开', en: 'partially granted' },
  denied: { zh: '不予公开', en: 'denied' },
  unable: { zh: '无法提供', en: 'unable to provide' },
  rejected: { zh: '不予处理', en: 'not processed' },
  other: { zh: '其他处理', en: 'other handling' }
}

export interface RequestRow {
  /** Path of the row from the report root, e.g. ['requests', 'outcomes', 'denied', 'stateSecret']. */
  readonly path: readonly string[]
  /** `pointer(...path)`, e.g. '/requests/outcomes/denied/stateSecret'. */
  readonly pointer: string
  /** The pointer of the row's cell in each column, e.g. `cellPointers.total` → '/requests/outcomes/denied/stateSecret/total'. */
  readonly cellPointers: { readonly [C in ApplicantColumn]: string }
  readonly kind: RequestRowKind
  readonly label: Label
  readonly cells: ApplicantRow
}

const DENIED_LABELS: { readonly [K in keyof DeniedOutcomes]: Label } = {
  stateSecret: { zh: '（三）不予公开 1.属于国家秘密', en: '(3) denied 1. state secret' },
  lawProhibited: { zh: '（三）不予公开 2.其他法律行政法规禁止公开', en: '(3) denied 2. prohibited by other laws' },
  securityStability: { zh: '（三）不予公开 3.危及“三安全一稳定”', en: '(3) denied 3. endangers security or stability' },
  thirdParty: { zh: '（三）不予公开 4.保护第三方合法权益', en: '(3) denied 4. third-party rights' },
  internalAffairs: { zh: '（三）不予公开 5.属于三类内部事务信息', en: '(3) denied 5. internal affairs' },
  processInfo: { zh: '（三）不予公开 6.属于四类过程性信息', en: '(3) denied 6. process information' },
  enforcementFile: { zh: '（三）不予公开 7.属于行政执法案卷', en: '(3) denied 7. enforcement file' },
  adminQuery: { zh: '（三）不予公开 8.属于行政查询事项', en: '(3) denied 8. administrative query' }
}

const UNABLE_LABELS: { readonly [K in keyof UnableOutcomes]: Label } = {
  notHeld: { zh: '（四）无法提供 1.本机关不掌握相关政府信息', en: '(4) unable 1. not held' },
  needCreation: { zh: '（四）无法提供 2.没有现成信息需要另行制作', en: '(4) unable 2. would have to be created' },
  unclear: { zh: '（四）无法提供 3.补正后申请内容仍不明确', en: '(4) unable 3. still unclear after correction' }
}

const REJECTED_LABELS: { readonly [K in keyof RejectedOutcomes]: Label } = {
  petition: { zh: '（五）不予处理 1.信访举报投诉类申请', en: '(5) not processed 1. petition or complaint' },
  duplicate: { zh: '（五）不予处理 2.重复申请', en: '(5) not processed 2. duplicate' },
  publication: { zh: '（五）不予处理 3.要求提供公开出版物', en: '(5) not processed 3. asks for a publication' },
  massRepeat: { zh: '（五）不予处理 4.无正当理由大量反复申请', en: '(5) not processed 4. mass repeated requests' },
  confirm: { zh: '（五）不予处理 5.要求行政机关确认或重新出具已获取信息', en: '(5) not processed 5. confirm or reissue information' }
}

const OTHER_LABELS: { readonly [K in keyof OtherOutcomes2021]: Label } = {
  noCorrection: { zh: '（六）其他处理 1.逾期不补正', en: '(6) other 1. no correction in time' },
  feeUnpaid: { zh: '（六）其他处理 2.逾期未缴纳费用', en: '(6) other 2. fee not paid in time' },
  misc: { zh: '（六）其他处理 3.其他', en: '(6) other 3. miscellaneous' }
}

const SINGLE_OTHER_LABEL: Label = { zh: '（六）其他处理', en: '(6) other handling' }

/** A row of table 三 as the form prints it, and where to find its cells in a report. */
export interface RequestRowLayout extends Omit<RequestRow, 'cells'> {
  readonly cellsIn: (requests: Requests) => ApplicantRow
}

function rowLayout (path: readonly string[], kind: RequestRowKind, label: Label, cellsIn: (requests: Requests) => ApplicantRow): RequestRowLayout {
  const cellPointers = Object.fromEntries(APPLICANT_COLUMNS.map((column) => [column, pointer(...path, column)]))
  return { path, pointer: pointer(...path), cellPointers: cellPointers as RequestRow['cellPointers'], kind, label, cellsIn }
}

function namedRowLayouts<K extends string> (
  path: readonly string[],
  kind: RequestRowKind,
  labels: { readonly [k in K]: Label },
  rowsIn: (requests: Requests) => { readonly [k in K]: ApplicantRow }
): RequestRowLayout[] {
  // The label tables are written in printed order, so their key order is the document order.
  return (Object.keys(labels) as K[]).map((key) => rowLayout([...path, key], kind, labels[key], (requests) => rowsIn(requests)[key]))
}

/**
 * The rows of table 三 in printed order, in the layout with three （六）其他处理 rows (2021) or the single one (2019).
 * `requestRows` picks the layout by the report's （六）, so the casts below only ever see the shape they name.
 */
function requestRowLayouts (singleRowOther: boolean): readonly RequestRowLayout[] {
  const outcomes = ['requests', 'outcomes']
  return [
    rowLayout(['requests', 'newReceived'], 'newReceived', { zh: '本年新收', en: 'newly received' }, (r) => r.newReceived),
    rowLayout(['requests', 'carriedOver'], 'carriedOver', { zh: '上年结转', en: 'carried over' }, (r) => r.carriedOver),
    rowLayout([...outcomes, 'granted'], 'granted', { zh: '（一）予以公开', en: '(1) granted' }, (r) => r.outcomes.granted),
    rowLayout([...outcomes, 'partiallyGranted'], 'partiallyGranted', { zh: '（二）部分公开', en: '(2) partially granted' }, (r) => r.outcomes.partiallyGranted),
    ...namedRowLayouts([...outcomes, 'denied'], 'denied', DENIED_LABELS, (r) => r.outcomes.denied),
    ...namedRowLayouts([...outcomes, 'unable'], 'unable', UNABLE_LABELS, (r) => r.outcomes.unable),
    ...namedRowLayouts([...outcomes, 'rejected'], 'rejected', REJECTED_LABELS, (r) => r.outcomes.rejected),
    ...(singleRowOther
      ? [rowLayout([...outcomes, 'other'], 'other', SINGLE_OTHER_LABEL, (r) => r.outcomes.other as ApplicantRow)]
      : namedRowLayouts([...outcomes, 'other'], 'other', OTHER_LABELS, (r) => r.outcomes.other as OtherOutcomes2021)),
    rowLayout([...outcomes, 'total'], 'total', { zh: '（七）总计', en: '(7) total' }, (r) => r.outcomes.total),
    rowLayout(['requests', 'carriedForward'], 'carriedForward', { zh: '结转下年度继续办理', en: 'carried forward' }, (r) => r.carriedForward)
  ]
}

/** Built once: the form's layout is fixed, and every check and cell list walks it (pointers included). */
const SINGLE_ROW_OTHER_LAYOUT = requestRowLayouts(true)
const THREE_ROW_OTHER_LAYOUT = requestRowLayouts(false)

/**
 * What a rule lays out once for each layout of table 三 (`build` of the layout's rows, without their cells), looked up
 * by a report's requests: the layout is fixed, so the scopes, labels and pointers a rule needs are too. A laid-out
 * rule reads a report's cells from `rowCellsOf(requests)`, whose rows are in the same order.
 *
 * Example: `const rowsOf = perRequestLayout((rows) => rows.map((row) => row.pointer))`; `rowsOf(seed.requests)` → the
 * 25 row pointers of the three-row （六） layout, the same array for every report so printed.
 */
export function perRequestLayout<T> (build: (rows: readonly RequestRowLayout[]) => T): (requests: Requests) => T {
  const single = build(SINGLE_ROW_OTHER_LAYOUT)
  const three = build(THREE_ROW_OTHER_LAYOUT)
  return (requests) => isSingleRowOther(requests.outcomes.other) ? single : three
}

/**
 * The cells of every row of table 三 in printed order, in the layout `requests` is printed in (as `requestRows`, the
 * cells alone): a rule laid out by `perRequestLayout` reads row `i` of its layout as `rowCellsOf(requests)[i]`.
 *
 * Example: `rowCellsOf(seed.requests)[2]` is `seed.requests.outcomes.granted`.
 */
export function rowCellsOf (requests: Requests): ApplicantRow[] {
  const layout = isSingleRowOther(requests.outcomes.other) ? SINGLE_ROW_OTHER_LAYOUT : THREE_ROW_OTHER_LAYOUT
  const cells: ApplicantRow[] = []
  for (const row of layout) cells.push(row.cellsIn(requests))
  return cells
}

/**
 * Lists the rows of table 三 in printed order, each with its path, pointers, category and printed label.
 * （六）其他处理 yields one row in the 2019 layout and three rows in the 2021 layout.
 *
 * Example: for the seed (2021 layout) this is 25 rows, from `newReceived` (本年新收) through the 8 denied,
 * 3 unable, 5 rejected and 3 other rows to `outcomes.total` and `carriedForward`; the 3rd row is
 * `{ path: ['requests', 'outcomes', 'granted'], pointer: '/requests/outcomes/granted', kind: 'granted', label: { zh: '（一）予以公开', … }, cells: {…}, … }`.
 */
export function requestRows (requests: Requests): RequestRow[] {
  const layout = isSingleRowOther(requests.outcomes.other) ? SINGLE_ROW_OTHER_LAYOUT : THREE_ROW_OTHER_LAYOUT
  return layout.map((row) => ({
    path: row.path,
    pointer: row.pointer,
    cellPointers: row.cellPointers,
    kind: row.kind,
    label: row.label,
    cells: row.cellsIn(requests)
  }))
}

/** The three case groups of table 四, in printed order. */
export const CASE_GROUP_LABELS: { readonly [K in keyof ReviewLitigation]: Label } = {
  review: { zh: '行政复议', en: 'administrative review' },
  suitDirect: { zh: '行政诉讼（未经复议直接起诉）', en: 'lawsuits filed directly' },
  suitAfterReview: { zh: '行政诉讼（复议后起诉）', en: 'lawsuits filed after review' }
}

/** The five columns of each table-四 group, in printed order. */
export const CASE_FIELD_LABELS: { readonly [K in keyof CaseGroup]: Label } = {
  upheld: { zh: '结果维持', en: 'upheld' },
  corrected: { zh: '结果纠正', en: 'corrected' },
  other: { zh: '其他结果', en: 'other result' },
  pending: { zh: '尚未审结', en: 'pending' },
  total: { zh: '总计', en: 'total' }
}

/** The table-四 groups and columns as keys, in printed order. */
export const CASE_GROUPS = Object.keys(CASE_GROUP_LABELS) as readonly (keyof ReviewLitigation)[]
export const CASE_FIELDS = Object.keys(CASE_FIELD_LABELS) as readonly (keyof CaseGroup)[]

/** Table-二 row names as the messages quote them (2021 wording; the 2019 form says 规范性文件). */
export const PROACTIVE_ROW_LABELS = {
  regulations: { zh: '规章', en: 'regulations' },
  normativeDocuments: { zh: '行政规范性文件', en: 'normative documents' },
  licensing: { zh: '行政许可', en: 'licensing' },
  otherServices: { zh: '其他对外管理服务事项', en: 'other public services' },
  penalties: { zh: '行政处罚', en: 'penalties' },
  coercion: { zh: '行政强制', en: 'coercive measures' },
  fees: { zh: '行政事业性收费', en: 'administrative fees' }
} as const satisfies Record<string, Label>
