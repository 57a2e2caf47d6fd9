/**
 * Reading tables 二, 三 and 四 from the rows of their part of the document. Every input format arrives here as
 * the same rows, so there is one reader per table: split each row into label and values, align the rows with the
 * form's rows by label (trying both the 2021 and the 2019 layout), and read each value as a number or a blank.
 * A value that is not a number and not a blank marker makes its row unreadable: it is reported, never guessed.
 */
import { pointer } from '../cells.js'
import { APPLICANT_COLUMNS } from '../report.js'
import type {
  ApplicantRow, Cell, Proactive2019, Proactive2021, Requests, ReviewLitigation, Template
} from '../report.js'
import { CASE_FIELDS, CASE_GROUPS } from '../tables.js'
import { alignRows, normalizeLabel, rowScore } from './labels.js'
import type { ExpectedRow, ObservedRow } from './labels.js'
import { lineTokens, VALUE_TOKEN } from './source-text.js'
import { logProblem } from './types.js'
import type { ParseLog, SourceFormat, SourceRow } from './types.js'

/** A value as found: its text exactly as printed ('' for an empty cell) and its line. */
interface RawValue {
  readonly source: string
  readonly line: number
}

/** A source row that carries values, with the label text on it and the label-only text just before it. */
export interface ValueRow extends ObservedRow {
  readonly values: RawValue[]
  readonly line: number
  /** The values came from explicit cells (pipe, HTML): an empty cell is a printed blank. */
  readonly cellular: boolean
  /** Pipe text: empty cells at the end of a row may be a blank or the padding left by merged cells. */
  readonly padded: boolean
}

/** A CJK character or closing bracket directly followed by digits: a value glued to its label ("仍不明确0"). */
const GLUED_VALUE = /^(.*[\u4e00-\u9fff)）”])(\d+(?:\.\d+)?)$/

const CJK = /[\u4e00-\u9fff]/

/**
 * Splits a row into its label and its values. Labels are written in Chinese and values are not, so the label is
 * everything up to the last piece (cell, or whitespace-separated token) holding a Chinese character before the first
 * piece that does not, plus the merged labels covering the row; the values are all pieces after it — including
 * garbage such as "l" for "1", which the reader then reports as unreadable instead of taking it for a label.
 * A number glued to the end of a Chinese label is split off. A row without a number or blank marker among its
 * values has none (a header row padded by empty colspan cells, a line of text).
 *
 * Example: `splitRow({ cells: ['(三)不予公开', '1.属于国家秘密', '0', '0', ''], … })` →
 * `{ label: '(三)不予公开 1.属于国家秘密', values: [{ source: '0' }, { source: '0' }, { source: '' }] }`.
 */
export function splitRow (row: SourceRow): { label: string, values: RawValue[] } {
  const pieces = (row.cells ?? lineTokens(row.text)).map((p) => p.trim())
  const firstValue = pieces.findIndex((p) => p !== '' && !CJK.test(p))
  const before = firstValue < 0 ? pieces : pieces.slice(0, firstValue)
  const lastLabel = before.reduce((last, p, i) => (CJK.test(p) ? i : last), -1)
  const labelPieces = pieces.slice(0, lastLabel + 1)
  const valuePieces = pieces.slice(lastLabel + 1)
  const glued = GLUED_VALUE.exec((labelPieces.at(-1) ?? '').normalize('NFKC'))
  if (glued !== null && row.cells === null) {
    labelPieces[labelPieces.length - 1] = glued[1] ?? ''
    valuePieces.unshift(glued[2] ?? '')
  }
  const label = [...row.covered, ...labelPieces].filter((p) => p !== '').join(' ')
  if (!valuePieces.some((p) => VALUE_TOKEN.test(p.normalize('NFKC')))) return { label, values: [] }
  return { label, values: valuePieces.map((source) => ({ source, line: row.line })) }
}

/**
 * Turns the rows of a table's part of the document into value rows: label-only rows become the context of the
 * next value row (a label broken over lines before its numbers). In one-cell-per-line text, consecutive value lines
 * are one row.
 *
 * Example: layout lines "（二）部分公开（区分处理的，只计这一情 形，不", "计其他情形）", "4 0 0 0 0 0 4" → one value row
 * with label '' and context '(二)部分公开(区分处理的,只计这一情 形,不 计其他情形)' (tokens NFKC-folded), 7 values.
 */
export function valueRows (rows: readonly SourceRow[], format: SourceFormat): ValueRow[] {
  const out: ValueRow[] = []
  let pending: string[] = []
  let lastWasValue = false
  for (const row of rows) {
    const { label, values } = splitRow(row)
    if (values.length === 0) {
      if (label !== '') pending.push(label)
      lastWasValue = false
      continue
    }
    const last = out.at(-1)
    if (format === 'cell-per-line' && label === '' && lastWasValue && last !== undefined) {
      last.values.push(...values)
      continue
    }
    out.push({
      label,
      context: pending.join(' '),
      values: [...values],
      line: row.line,
      cellular: row.cells !== null,
      padded: (format === 'pipe' || format === 'markdown') && row.cells !== null
    })
    pending = []
    lastWasValue = true
  }
  return out
}

type ValueKind = 'count' | 'signed' | 'amount'

const BLANK = /^(?:|[-—–/\\]{1,2})$/

/**
 * Reads one printed value: blank markers ('', "/", "—", "-") are null; a count is a whole number ≥ 0 (thousands
 * separators allowed); a signed count may carry "-" (2019 本年增/减); an amount may have decimals (万元).
 * Anything else is unreadable: undefined.
 *
 * Example: `readValue('1,234', 'count')` → `1234`; `readValue('—', 'count')` → `null`; `readValue('7730.28', 'count')` → `undefined`.
 */
export function readValue (source: string, kind: ValueKind): Cell | undefined {
  const text = source.normalize('NFKC').trim()
  if (BLANK.test(text)) return null
  const plain = text.replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1')
  const pattern = kind === 'count' ? /^\d+$/ : kind === 'signed' ? /^[-+]?\d+$/ : /^\d+(?:\.\d+)?$/
  return pattern.test(plain) ? Number(plain) : undefined
}

/** A row of the form: where it goes in the report and what its cells are. */
interface RowSpec extends ExpectedRow {
  readonly path: readonly string[]
  readonly fields: readonly (readonly [string, ValueKind])[]
}

/** Values beyond a row's width that are empty cells are colspan padding (pipe text); anything else must fit exactly. */
function fitValues (row: ValueRow, width: number): RawValue[] | null {
  const values = [...row.values]
  while (values.length > width && values.at(-1)?.source === '') values.pop()
  return values.length === width ? values : null
}

/** A value row's score for a spec: its label score, lowered when its number of values cannot be that row's. */
function fittedScore (spec: RowSpec, row: ValueRow): number {
  return rowScore(spec, row) - (fitValues(row, spec.fields.length) === null ? 0.3 : 0)
}

interface LayoutChoice {
  readonly specs: readonly RowSpec[]
  readonly quality: number
  readonly alignment: ReturnType<typeof alignRows>
}

function chooseLayout (layouts: readonly (readonly RowSpec[])[], rows: readonly ValueRow[], bonus: readonly number[]): LayoutChoice {
  const choices = layouts.map((specs, i) => {
    const alignment = alignRows(specs, rows, fittedScore)
    return { specs, alignment, quality: alignment.quality + (bonus[i] ?? 0) }
  })
  return choices.reduce((a, b) => (b.quality > a.quality ? b : a))
}

/**
 * Reads the aligned rows into plain objects keyed by field, logging each cell's source; an unfound or unreadable
 * row is logged as an error with its pointer (so it is missing) and yields undefined.
 */
function readAligned (choice: LayoutChoice, rows: readonly ValueRow[], log: ParseLog, table: { zh: string, en: string }): Map<string, Record<string, Cell>> {
  const out = new Map<string, Record<string, Cell>>()
  choice.specs.forEach((spec, i) => {
    const where = pointer(...spec.path)
    const match = choice.alignment.matches[i]
    const row = match == null ? undefined : rows[match.observed]
    if (match == null || row === undefined) {
      logProblem(log, 'error', `${table.zh}未找到“${spec.label}”行`, `${table.en}: row "${spec.label}" not found`, where)
      return
    }
    const values = fitValues(row, spec.fields.length)
    if (values === null) {
      logProblem(log, 'error',
        `${table.zh}“${spec.label}”行（第${row.line}行）应有${spec.fields.length}个数值，读到${row.values.length}个`,
        `${table.en}: row "${spec.label}" (line ${row.line}) should have ${spec.fields.length} values, found ${row.values.length}`, where)
      return
    }
    if (row.padded && values.at(-1)?.source === '') warnTrailingBlank(log, table, row.line, pointer(...spec.path, spec.fields.at(-1)?.[0] ?? ''))
    const cells: Record<string, Cell> = {}
    let readable = true
    spec.fields.forEach(([field, kind], f) => {
      const raw = values[f] ?? { source: '', line: row.line }
      const value = readValue(raw.source, kind)
      const cellPointer = pointer(...spec.path, field)
      if (value === undefined) {
        readable = false
        logProblem(log, 'error', `${table.zh}“${spec.label}”行第${f + 1}个数值“${raw.source}”无法识别`,
          `${table.en}: value ${f + 1} of row "${spec.label}" ("${raw.source}") is not a number`, cellPointer)
        return
      }
      cells[field] = value
      log.cells.push({ pointer: cellPointer, source: raw.source, line: raw.line })
    })
    log.scores.push(match.score)
    if (readable) out.set(spec.key, cells)
  })
  for (const j of choice.alignment.extra) {
    const row = rows[j]
    if (row === undefined) continue
    logProblem(log, 'warning', `${table.zh}第${row.line}行的数值（${row.values.map((v) => v.source).join(' ')}）无法对应到表格行，已忽略`,
      `${table.en}: the values on line ${row.line} (${row.values.map((v) => v.source).join(' ')}) match no row of the form and were ignored`)
  }
  return out
}

/** In pipe text an empty last cell is read as a blank, but it may be a merged cell's padding hiding a lost value. */
function warnTrailingBlank (log: ParseLog, table: { zh: string, en: string }, line: number, cellPointer: string): void {
  logProblem(log, 'warning', `${table.zh}第${line}行末尾的空单元格按空白读取（也可能是合并单元格留下的空位，数值缺失）`,
    `${table.en}: the empty last cell on line ${line} was read as a blank (it may be padding from merged cells hiding a missing value)`, cellPointer)
}

const COUNTS = (keys: readonly string[]): (readonly [string, ValueKind])[] => keys.map((k) => [k, 'count'] as const)

const PROACTIVE_2021: readonly RowSpec[] = [
  { key: 'regulations', label: '规章', path: ['proactive', 'regulations'], fields: COUNTS(['issued', 'repealed', 'inForce']) },
  { key: 'normativeDocuments', label: '行政规范性文件', path: ['proactive', 'normativeDocuments'], fields: COUNTS(['issued', 'repealed', 'inForce']) },
  { key: 'licensing', label: '行政许可', path: ['proactive', 'licensing'], fields: COUNTS(['decisions']) },
  { key: 'penalties', label: '行政处罚', path: ['proactive', 'penalties'], fields: COUNTS(['decisions']) },
  { key: 'coercion', label: '行政强制', path: ['proactive', 'coercion'], fields: COUNTS(['decisions']) },
  { key: 'fees', label: '行政事业性收费', path: ['proactive', 'fees'], fields: [['amountWan', 'amount']] }
]

const ITEMS_2019: readonly (readonly [string, ValueKind])[] = [['previousItems', 'count'], ['change', 'signed'], ['decisions', 'count']]

const PROACTIVE_2019: readonly RowSpec[] = [
  { key: 'regulations', label: '规章', path: ['proactive', 'regulations'], fields: COUNTS(['newlyMade', 'newlyPublished', 'totalPublic']) },
  { key: 'normativeDocuments', label: '规范性文件', path: ['proactive', 'normativeDocuments'], fields: COUNTS(['newlyMade', 'newlyPublished', 'totalPublic']) },
  { key: 'licensing', label: '行政许可', path: ['proactive', 'licensing'], fields: ITEMS_2019 },
  { key: 'otherServices', label: '其他对外管理服务事项', path: ['proactive', 'otherServices'], fields: ITEMS_2019 },
  { key: 'penalties', label: '行政处罚', path: ['proactive', 'penalties'], fields: ITEMS_2019 },
  { key: 'coercion', label: '行政强制', path: ['proactive', 'coercion'], fields: ITEMS_2019 },
  { key: 'fees', label: '行政事业性收费', path: ['proactive', 'fees'], fields: [['previousItems', 'count'], ['change', 'signed']] },
  { key: 'procurement', label: '政府集中采购', path: ['proactive', 'procurement'], fields: [['projects', 'count'], ['amountWan', 'amount']] }
]

const WORDS_2021 = /制发|废止|现行有效/
const WORDS_2019 = /新制作|新公开|对外公开总数|上一年项目数|集中采购/

/** 元 → 万元, kept to the 6 decimals the form allows. */
function yuanToWan (value: number): number {
  return Math.round(value / 10000 * 1e6) / 1e6
}

/** What the procurement amount of a 2019 table 二 is printed in: 元 when its header says so, else 万元 (with a warning when unsaid). */
function procurementUnit (text: string, log: ParseLog): '元' | '万元' {
  const header = /采购总金额[^0-9]{0,12}/.exec(text)?.[0] ?? ''
  if (/万元/.test(header)) return '万元'
  if (/元/.test(header)) return '元'
  logProblem(log, 'warning', '表二“政府集中采购”未注明采购总金额单位，按万元读取',
    'Table 2: the unit of the procurement amount is not printed; it was read as 万元', '/proactive/procurement/amountWan')
  return '万元'
}

/**
 * Reads table 二 (主动公开) in whichever layout fits: 2021 (规章/行政规范性文件 制发·废止·现行有效; 许可, 处罚, 强制 决定数;
 * 收费金额) or 2019 (规章/规范性文件 新制作·新公开·总数; 项目数 and 增减; 收费; 集中采购). The header words tip the balance.
 * A 2019 procurement amount printed in 元 is converted to 万元. Returns null (and logs what is missing) unless every
 * row is read.
 *
 * Example: the seed's rows "规章 | 0 | 0 | 0 |" … "行政事业性收费 | 0 |" → `{ template: '2021', proactive: { regulations:
 * { issued: 0, repealed: 0, inForce: 0 }, normativeDocuments: { issued: 0, repealed: 1, inForce: 2 }, …, fees: { amountWan: 0 } } }`.
 */
export function readProactive (
  region: readonly SourceRow[],
  format: SourceFormat,
  log: ParseLog
): { template: Template, proactive: Proactive2021 | Proactive2019 } | null {
  const rows = valueRows(region, format)
  const table = { zh: '表二', en: 'Table 2' }
  if (rows.length === 0) {
    logProblem(log, 'error', '未找到表二（主动公开政府信息情况）的数据', 'Table 2 (proactive disclosure) has no values', '/proactive')
    return null
  }
  const text = normalizeLabel(region.map((r) => r.text).join(''))
  const choice = chooseLayout([PROACTIVE_2021, PROACTIVE_2019], rows, [WORDS_2021.test(text) ? 1 : 0, WORDS_2019.test(text) ? 1 : 0])
  const template: Template = choice.specs === PROACTIVE_2021 ? '2021' : '2019'
  const read = readAligned(choice, rows, log, table)
  if (read.size !== choice.specs.length) return null
  const get = (key: string): Record<string, Cell> => read.get(key) ?? {}
  if (template === '2021') {
    const proactive = Object.fromEntries(PROACTIVE_2021.map((spec) => [spec.key, get(spec.key)])) as unknown as Proactive2021
    return { template, proactive }
  }
  const procurement = get('procurement')
  if (procurementUnit(text, log) === '元' && typeof procurement.amountWan === 'number') {
    procurement.amountWan = yuanToWan(procurement.amountWan)
  }
  const proactive = Object.fromEntries(PROACTIVE_2019.map((spec) => [spec.key, get(spec.key)])) as unknown as Proactive2019
  return { template, proactive }
}

const ROW7 = APPLICANT_COLUMNS.map((c) => [c, 'count'] as const)

function requestSpec (key: string, label: string, path: readonly string[], number?: string): RowSpec {
  return { key, label, path: ['requests', ...path], fields: ROW7, ...(number !== undefined ? { number } : {}) }
}

const REQUESTS_HEAD: readonly RowSpec[] = [
  requestSpec('newReceived', '本年新收政府信息公开申请数量', ['newReceived']),
  requestSpec('carriedOver', '上年结转政府信息公开申请数量', ['carriedOver']),
  requestSpec('granted', '予以公开', ['outcomes', 'granted']),
  requestSpec('partiallyGranted', '部分公开', ['outcomes', 'partiallyGranted']),
  ...[
    ['stateSecret', '属于国家秘密'], ['lawProhibited', '其他法律行政法规禁止公开'], ['securityStability', '危及三安全一稳定'],
    ['thirdParty', '保护第三方合法权益'], ['internalAffairs', '属于三类内部事务信息'], ['processInfo', '属于四类过程性信息'],
    ['enforcementFile', '属于行政执法案卷'], ['adminQuery', '属于行政查询事项']
  ].map(([key = '', label = ''], i) => requestSpec(`denied.${key}`, label, ['outcomes', 'denied', key], String(i + 1))),
  ...[
    ['notHeld', '本机关不掌握相关政府信息'], ['needCreation', '没有现成信息需要另行制作'], ['unclear', '补正后申请内容仍不明确']
  ].map(([key = '', label = ''], i) => requestSpec(`unable.${key}`, label, ['outcomes', 'unable', key], String(i + 1))),
  ...[
    ['petition', '信访举报投诉类申请'], ['duplicate', '重复申请'], ['publication', '要求提供公开出版物'],
    ['massRepeat', '无正当理由大量反复申请'], ['confirm', '要求行政机关确认或重新出具已获取信息']
  ].map(([key = '', label = ''], i) => requestSpec(`rejected.${key}`, label, ['outcomes', 'rejected', key], String(i + 1)))
]

const REQUESTS_TAIL: readonly RowSpec[] = [
  requestSpec('total', '总计', ['outcomes', 'total']),
  requestSpec('carriedForward', '结转下年度继续办理', ['carriedForward'])
]

const REQUESTS_2021: readonly RowSpec[] = [
  ...REQUESTS_HEAD,
  requestSpec('other.noCorrection', '申请人无正当理由逾期不补正', ['outcomes', 'other', 'noCorrection'], '1'),
  requestSpec('other.feeUnpaid', '申请人逾期未按收费通知要求缴纳费用', ['outcomes', 'other', 'feeUnpaid'], '2'),
  requestSpec('other.misc', '其他', ['outcomes', 'other', 'misc'], '3'),
  ...REQUESTS_TAIL
]

const REQUESTS_2019: readonly RowSpec[] = [...REQUESTS_HEAD, requestSpec('other', '其他处理', ['outcomes', 'other']), ...REQUESTS_TAIL]

/**
 * Reads table 三 (收到和处理政府信息公开申请情况): 25 rows of 7 values in the 2021 layout, or 23 with the single 2019
 * （六）其他处理 row — whichever the labels fit better. Returns null (and logs the missing rows) unless every row is read.
 *
 * Example: the seed → `{ template: '2021', requests: { newReceived: { naturalPerson: 10, …, total: 10 }, …,
 * carriedForward: { naturalPerson: 1, …, total: 1 } } }`; 洪泽区 2023 (single （六） row) → template '2019'.
 */
export function readRequests (
  region: readonly SourceRow[],
  format: SourceFormat,
  log: ParseLog
): { template: Template, requests: Requests } | null {
  const rows = valueRows(region, format)
  const table = { zh: '表三', en: 'Table 3' }
  if (rows.length === 0) {
    logProblem(log, 'error', '未找到表三（收到和处理政府信息公开申请情况）的数据', 'Table 3 (requests) has no values', '/requests')
    return null
  }
  const choice = chooseLayout([REQUESTS_2021, REQUESTS_2019], rows, [0, 0])
  const template: Template = choice.specs === REQUESTS_2021 ? '2021' : '2019'
  const read = readAligned(choice, rows, log, table)
  if (read.size !== choice.specs.length) return null
  const row = (key: string): ApplicantRow => read.get(key) as unknown as ApplicantRow
  const group = (prefix: string): Record<string, ApplicantRow> => Object.fromEntries(
    choice.specs.filter((s) => s.key.startsWith(`${prefix}.`)).map((s) => [s.key.slice(prefix.length + 1), row(s.key)])
  )
  return {
    template,
    requests: {
      newReceived: row('newReceived'),
      carriedOver: row('carriedOver'),
      outcomes: {
        granted: row('granted'),
        partiallyGranted: row('partiallyGranted'),
        denied: group('denied') as unknown as Requests['outcomes']['denied'],
        unable: group('unable') as unknown as Requests['outcomes']['unable'],
        rejected: group('rejected') as unknown as Requests['outcomes']['rejected'],
        other: template === '2021' ? group('other') as unknown as Requests['outcomes']['other'] : row('other'),
        total: row('total')
      },
      carriedForward: row('carriedForward')
    }
  }
}

/**
 * Reads table 四 (行政复议、行政诉讼): its one printed row of 15 values — 行政复议, 未经复议直接起诉, 复议后起诉, each
 * 维持/纠正/其他/尚未审结/总计 — from all value rows of its part in order (a row broken over lines still reads).
 * Empty trailing cells beyond 15 are colspan padding. Returns null (and logs why) unless exactly 15 values are read.
 *
 * Example: the seed's row "1 | 0 | 0 | 0 | 1 | 0 | … | 0 |" → `{ review: { upheld: 1, corrected: 0, other: 0, pending: 0,
 * total: 1 }, suitDirect: { …0 }, suitAfterReview: { …0 } }`.
 */
export function readReviewLitigation (region: readonly SourceRow[], format: SourceFormat, log: ParseLog): ReviewLitigation | null {
  const rows = valueRows(region, format)
  const values = rows.flatMap((r) => r.values)
  while (values.length > 15 && values.at(-1)?.source === '') values.pop()
  const last = rows.at(-1)
  if (values.length === 15 && last?.padded === true && values.at(-1)?.source === '') {
    warnTrailingBlank(log, { zh: '表四', en: 'Table 4' }, last.line, '/reviewLitigation/suitAfterReview/total')
  }
  if (values.length !== 15) {
    logProblem(log, 'error',
      values.length === 0 ? '未找到表四（行政复议、行政诉讼情况）的数据' : `表四应有15个数值，读到${values.length}个`,
      values.length === 0 ? 'Table 4 (reviews and lawsuits) has no values' : `Table 4 should have 15 values, found ${values.length}`,
      '/reviewLitigation')
    return null
  }
  const out: Record<string, Record<string, Cell>> = {}
  let readable = true
  CASE_GROUPS.forEach((group, g) => {
    out[group] = {}
    CASE_FIELDS.forEach((field, f) => {
      const raw = values[g * CASE_FIELDS.length + f] ?? { source: '', line: 0 }
      const value = readValue(raw.source, 'count')
      const cellPointer = pointer('reviewLitigation', group, field)
      if (value === undefined) {
        readable = false
        logProblem(log, 'error', `表四第${g * 5 + f + 1}个数值“${raw.source}”无法识别`,
          `Table 4: value ${g * 5 + f + 1} ("${raw.source}") is not a number`, cellPointer)
        return
      }
      (out[group] as Record<string, Cell>)[field] = value
      log.cells.push({ pointer: cellPointer, source: raw.source, line: raw.line })
    })
  })
  log.scores.push(1)
  return readable ? out as unknown as ReviewLitigation : null
}
