/**
 * A layout generator: random valid reports (both templates, the mixed 2021/2019 form, blanks, large counts,
 * decimal fees, long labels), laid out as the national form prints them (a grid of cells with rowspan/colspan),
 * and rendered into the shapes reports are published in. Each shape is one small renderer from the laid-out
 * document to text; noise (page footers, broken labels, typos, an extra empty cell) is drawn per document.
 */
import fc from 'fast-check'
import { APPLICANT_COLUMNS, isSingleRowOther } from '../../src/domain/report.js'
import type { AnnualReport, ApplicantRow, Cell, Requests, ReviewLitigation } from '../../src/domain/report.js'
import { creditCode } from '../fixtures.js'

/* ---------- Random reports ---------- */

/** Counts as reports print them: mostly small, some blank, some very large. */
const count: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 30 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 9_999_999 }) },
  { weight: 1, arbitrary: fc.constant(null) }
)

const signed: fc.Arbitrary<Cell> = fc.oneof(fc.integer({ min: -500, max: 500 }), fc.constant(null))

/** An amount in 万元 with up to 6 decimals, as the shortest decimal that prints it. */
const amountWan: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 6 })).map(([n, d]) => Number((n / 10 ** d).toFixed(d))) },
  { weight: 1, arbitrary: fc.constant(null) }
)

const applicantRow: fc.Arbitrary<ApplicantRow> = fc.tuple(...APPLICANT_COLUMNS.map(() => count))
  .map((cells) => Object.fromEntries(APPLICANT_COLUMNS.map((c, i) => [c, cells[i] ?? null])) as unknown as ApplicantRow)

const caseGroup = fc.record({ upheld: count, corrected: count, other: count, pending: count, total: count })

const reviewLitigation: fc.Arbitrary<ReviewLitigation> = fc.record({ review: caseGroup, suitDirect: caseGroup, suitAfterReview: caseGroup })

const denied = fc.record({
  stateSecret: applicantRow,
  lawProhibited: applicantRow,
  securityStability: applicantRow,
  thirdParty: applicantRow,
  internalAffairs: applicantRow,
  processInfo: applicantRow,
  enforcementFile: applicantRow,
  adminQuery: applicantRow
})
const unable = fc.record({ notHeld: applicantRow, needCreation: applicantRow, unclear: applicantRow })
const rejected = fc.record({ petition: applicantRow, duplicate: applicantRow, publication: applicantRow, massRepeat: applicantRow, confirm: applicantRow })

function requests (singleOther: boolean): fc.Arbitrary<Requests> {
  const other = singleOther ? applicantRow : fc.record({ noCorrection: applicantRow, feeUnpaid: applicantRow, misc: applicantRow })
  return fc.record({
    newReceived: applicantRow,
    carriedOver: applicantRow,
    outcomes: fc.record({ granted: applicantRow, partiallyGranted: applicantRow, denied, unable, rejected, other, total: applicantRow }),
    carriedForward: applicantRow
  }) as fc.Arbitrary<Requests>
}

const docs2021 = fc.record({ issued: count, repealed: count, inForce: count })
const docs2019 = fc.record({ newlyMade: count, newlyPublished: count, totalPublic: count })
const items2019 = fc.record({ previousItems: count, change: signed, decisions: count })

const AGENCIES = ['湖州市吴兴区发展改革和经济信息化局', '淮安市洪泽区人民政府', '某某省某某市某某县市场监督管理局', '某某自治区某某盟某某旗人民政府办公室']

/** A random valid report: the 2021 form, the 2019 form (years 2019–2020), or the 2021 form with the 2019 single （六）. */
export const reportArbitrary: fc.Arbitrary<AnnualReport> = fc.oneof(
  fc.record({
    year: fc.integer({ min: 2021, max: 2025 }),
    singleOther: fc.boolean(),
    proactive: fc.record({
      regulations: docs2021,
      normativeDocuments: docs2021,
      licensing: fc.record({ decisions: count }),
      penalties: fc.record({ decisions: count }),
      coercion: fc.record({ decisions: count }),
      fees: fc.record({ amountWan })
    })
  }).chain(({ year, singleOther, proactive }) => requests(singleOther).map((r) => ({ template: '2021' as const, year, proactive, requests: r }))),
  fc.record({
    year: fc.integer({ min: 2019, max: 2020 }),
    proactive: fc.record({
      regulations: docs2019,
      normativeDocuments: docs2019,
      licensing: items2019,
      otherServices: items2019,
      penalties: items2019,
      coercion: items2019,
      fees: fc.record({ previousItems: count, change: signed }),
      procurement: fc.record({ projects: count, amountWan })
    })
  }).chain(({ year, proactive }) => requests(true).map((r) => ({ template: '2019' as const, year, proactive, requests: r })))
).chain((tables) => fc.record({
  reviewLitigation,
  agency: fc.integer({ min: 0, max: AGENCIES.length - 1 }),
  stem: fc.integer({ min: 0, max: 99_999 })
}).map(({ reviewLitigation, agency, stem }) => {
  const name = AGENCIES[agency] ?? ''
  // Through JSON: fast-check records have no prototype, and a report is plain data.
  return JSON.parse(JSON.stringify({
    ...tables,
    kind: name.endsWith('政府') ? 'government' : 'agency',
    agency: { code: creditCode(`11330502MB${String(stem).padStart(7, '0')}`), name, regionCode: '330502' },
    sections: { overview: '', problems: '', other: '' },
    reviewLitigation
  })) as AnnualReport
}))

/* ---------- The form laid out: paragraphs and tables of merged cells ---------- */

/** One cell of a printed table: its text, its spans, and whether it holds a value (else a label or header). */
export interface GridCell {
  readonly text: string
  readonly rowspan: number
  readonly colspan: number
  readonly value: boolean
}

export type Block =
  | { readonly kind: 'paragraph', readonly text: string, readonly heading: boolean }
  | { readonly kind: 'table', readonly rows: readonly (readonly GridCell[])[] }

const label = (text: string, colspan = 1, rowspan = 1): GridCell => ({ text, colspan, rowspan, value: false })
const value = (text: string, colspan = 1): GridCell => ({ text, colspan, rowspan: 1, value: true })

/** How a document prints its numbers: blanks as "", "/", "—" or "无"; large counts with or without thousands separators. */
export interface Printing {
  readonly blank: '' | '/' | '—' | '无'
  readonly thousands: boolean
  /** The 2019 procurement amount in 元, said in the header or in the cell ("251000元"), or in 万元. */
  readonly procurementUnit: 'header-yuan' | 'cell-yuan' | 'wan'
}

function printCount (cell: Cell, printing: Printing): string {
  if (cell === null) return printing.blank
  return printing.thousands ? cell.toLocaleString('en-US') : String(cell)
}

/** 万元 to 元 on the decimal digits: the exact decimal, never a float product. */
export function yuanText (wan: number): string {
  const [whole = '', fraction = ''] = String(wan).split('.')
  // The point moves four digits right: 0.000001 万元 is 0.01 元, 12.5 万元 is 125000 元.
  const digits = (whole + fraction).padEnd(whole.length + 4, '0')
  const yuan = digits.slice(0, whole.length + 4).replace(/^0+(?=\d)/, '')
  const cents = digits.slice(whole.length + 4).replace(/0+$/, '')
  return cents === '' ? yuan : `${yuan}.${cents}`
}

const section = (n: string) => label(`第二十条第（${n}）项`, 4)

function table2 (report: AnnualReport, printing: Printing): GridCell[][] {
  const c = (cell: Cell, colspan = 1): GridCell => value(printCount(cell, printing), colspan)
  const amount = (cell: Cell, colspan = 1): GridCell => value(cell === null ? printing.blank : String(cell), colspan)
  if (report.template === '2021') {
    const p = report.proactive
    return [
      [section('一')],
      [label('信息内容'), label('本年制发件数'), label('本年废止件数'), label('现行有效件数')],
      [label('规章'), c(p.regulations.issued), c(p.regulations.repealed), c(p.regulations.inForce)],
      [label('行政规范性文件'), c(p.normativeDocuments.issued), c(p.normativeDocuments.repealed), c(p.normativeDocuments.inForce)],
      [section('五')],
      [label('信息内容'), label('本年处理决定数量', 3)],
      [label('行政许可'), c(p.licensing.decisions, 3)],
      [section('六')],
      [label('信息内容'), label('本年处理决定数量', 3)],
      [label('行政处罚'), c(p.penalties.decisions, 3)],
      [label('行政强制'), c(p.coercion.decisions, 3)],
      [section('八')],
      [label('信息内容'), label('本年收费金额（单位：万元）', 3)],
      [label('行政事业性收费'), amount(p.fees.amountWan, 3)]
    ]
  }
  const p = report.proactive
  const items = (name: string, row: { previousItems: Cell, change: Cell, decisions: Cell }): GridCell[] =>
    [label(name), c(row.previousItems), value(row.change === null ? printing.blank : String(row.change)), c(row.decisions)]
  const itemsHeader = [label('信息内容'), label('上一年项目数量'), label('本年增/减'), label('处理决定数量')]
  const procurement = p.procurement.amountWan
  const procurementText = procurement === null
    ? printing.blank
    : printing.procurementUnit === 'wan' ? String(procurement) : `${yuanText(procurement)}${printing.procurementUnit === 'cell-yuan' ? '元' : ''}`
  const amountHeader = printing.procurementUnit === 'header-yuan' ? '采购总金额（元）' : printing.procurementUnit === 'wan' ? '采购总金额（万元）' : '采购总金额'
  return [
    [section('一')],
    [label('信息内容'), label('本年新制作数量'), label('本年新公开数量'), label('对外公开总数量')],
    [label('规章'), c(p.regulations.newlyMade), c(p.regulations.newlyPublished), c(p.regulations.totalPublic)],
    [label('规范性文件'), c(p.normativeDocuments.newlyMade), c(p.normativeDocuments.newlyPublished), c(p.normativeDocuments.totalPublic)],
    [section('五')],
    itemsHeader,
    items('行政许可', p.licensing),
    items('其他对外管理服务事项', p.otherServices),
    [section('六')],
    itemsHeader,
    items('行政处罚', p.penalties),
    items('行政强制', p.coercion),
    [section('八')],
    [label('信息内容'), label('上一年项目数量'), label('本年增/减', 2)],
    [label('行政事业性收费'), c(p.fees.previousItems), value(p.fees.change === null ? printing.blank : String(p.fees.change), 2)],
    [section('九')],
    [label('信息内容'), label('采购项目数量'), label(amountHeader, 2)],
    [label('政府集中采购'), c(p.procurement.projects), value(procurementText, 2)]
  ]
}

const DENIED = [
  ['stateSecret', '1.属于国家秘密'], ['lawProhibited', '2.其他法律行政法规禁止公开'], ['securityStability', '3.危及“三安全一稳定”'],
  ['thirdParty', '4.保护第三方合法权益'], ['internalAffairs', '5.属于三类内部事务信息'], ['processInfo', '6.属于四类过程性信息'],
  ['enforcementFile', '7.属于行政执法案卷'], ['adminQuery', '8.属于行政查询事项']
] as const
const UNABLE = [['notHeld', '1.本机关不掌握相关政府信息'], ['needCreation', '2.没有现成信息需要另行制作'], ['unclear', '3.补正后申请内容仍不明确']] as const
const REJECTED = [
  ['petition', '1.信访举报投诉类申请'], ['duplicate', '2.重复申请'], ['publication', '3.要求提供公开出版物'],
  ['massRepeat', '4.无正当理由大量反复申请'], ['confirm', '5.要求行政机关确认或重新出具已获取信息']
] as const
const OTHER = [
  ['noCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['feeUnpaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['misc', '3.其他']
] as const

function table3 (requests: Requests, printing: Printing): GridCell[][] {
  const values = (row: ApplicantRow): GridCell[] => APPLICANT_COLUMNS.map((c) => value(printCount(row[c], printing)))
  const o = requests.outcomes
  const group = (title: string, items: readonly (readonly [string, string])[], rows: Record<string, ApplicantRow>): GridCell[][] =>
    items.map(([key, text], i) => [...(i === 0 ? [label(title, 1, items.length)] : []), label(text), ...values(rows[key] as ApplicantRow)])
  const other: GridCell[][] = isSingleRowOther(o.other)
    ? [[label('（六）其他处理', 2), ...values(o.other)]]
    : group('（六）其他处理', OTHER, o.other as unknown as Record<string, ApplicantRow>)
  const outcomeRows: GridCell[][] = [
    [label('（一）予以公开', 2), ...values(o.granted)],
    [label('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 2), ...values(o.partiallyGranted)],
    ...group('（三）不予公开', DENIED, o.denied as unknown as Record<string, ApplicantRow>),
    ...group('（四）无法提供', UNABLE, o.unable as unknown as Record<string, ApplicantRow>),
    ...group('（五）不予处理', REJECTED, o.rejected as unknown as Record<string, ApplicantRow>),
    ...other,
    [label('（七）总计', 2), ...values(o.total)]
  ]
  const [first = [], ...rest] = outcomeRows
  return [
    [label('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), label('申请人情况', 7)],
    [label('自然人', 1, 2), label('法人或其他组织', 5), label('总计', 1, 2)],
    [label('商业企业'), label('科研机构'), label('社会公益组织'), label('法律服务机构'), label('其他')],
    [label('一、本年新收政府信息公开申请数量', 3), ...values(requests.newReceived)],
    [label('二、上年结转政府信息公开申请数量', 3), ...values(requests.carriedOver)],
    [label('三、本年度办理结果', 1, outcomeRows.length), ...first],
    ...rest,
    [label('四、结转下年度继续办理', 3), ...values(requests.carriedForward)]
  ]
}

function table4 (cases: ReviewLitigation, printing: Printing): GridCell[][] {
  const fields = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
  const group = (g: ReviewLitigation[keyof ReviewLitigation]): GridCell[] =>
    [g.upheld, g.corrected, g.other, g.pending, g.total].map((v) => value(printCount(v, printing)))
  return [
    [label('行政复议', 5), label('行政诉讼', 10)],
    [...fields.map((f) => label(f, 1, 2)), label('未经复议直接起诉', 5), label('复议后起诉', 5)],
    [...fields.map((f) => label(f)), ...fields.map((f) => label(f))],
    [...group(cases.review), ...group(cases.suitDirect), ...group(cases.suitAfterReview)]
  ]
}

/** The whole document, as the form prints it: metadata, title, prose under 一, the three tables, 五 and 六. */
export function layOut (report: AnnualReport, printing: Printing): Block[] {
  const p = (text: string, heading = false): Block => ({ kind: 'paragraph', text, heading })
  return [
    p(`索引号：${report.agency.code}/${report.year + 1}-00012`),
    p('发布机构：办公室'),
    p(`${report.agency.name}${report.year}年政府信息公开工作年度报告`),
    p(`本报告依据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自${report.year}年1月1日起至${report.year}年12月31日止。`),
    p('一、总体情况', true),
    p(`${report.year}年，我单位认真贯彻落实政务公开工作要求，主动公开政府信息，依法办理政府信息公开申请。`),
    p('二、主动公开政府信息情况', true),
    { kind: 'table', rows: table2(report, printing) },
    p('三、收到和处理政府信息公开申请情况', true),
    { kind: 'table', rows: table3(report.requests, printing) },
    p('四、政府信息公开行政复议、行政诉讼情况', true),
    { kind: 'table', rows: table4(report.reviewLitigation, printing) },
    p('五、存在的主要问题及改进情况', true),
    p('公开内容的及时性有待提高，下一步将加强培训。'),
    p('六、其他需要报告的事项', true),
    p('本年度未收取信息处理费。')
  ]
}

/* ---------- Noise ---------- */

/** What a published document does to the form: drawn per document, applied by the renderers that can show it. */
export interface Noise {
  /** Page footers between table rows: the row indexes (of all table rows, in order) after which a page ends. */
  readonly pageBreaks: readonly number[]
  readonly footer: (page: number) => string
  /** A misread character in long labels (the character index, as a share of the label's length). */
  readonly typo: number | null
  /** Long labels broken over lines at this many characters (text shapes). */
  readonly wrap: number | null
  /** An extra empty cell at the end of a table row (pipe and HTML shapes). */
  readonly extraCell: number | null
  /**
   * A table's header rows (those before its first value) marked to repeat at the top of every page the table runs
   * onto, as Word's "repeat as header row" does: `<thead>` in HTML (which Chromium repeats when it prints), a header
   * row in Word (which LibreOffice repeats).
   */
  readonly repeatHeader: boolean
}

const FOOTERS: readonly ((page: number) => string)[] = [(n) => `— ${n} —`, (n) => `-${n}-`, (n) => `第${n}页`, (n) => `- ${n} -`]

export const noiseArbitrary: fc.Arbitrary<Noise> = fc.record({
  pageBreaks: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 3 }),
  footer: fc.constantFrom(...FOOTERS),
  typo: fc.option(fc.double({ min: 0.3, max: 0.95, noNaN: true }), { nil: null }),
  wrap: fc.option(fc.integer({ min: 8, max: 16 }), { nil: null }),
  extraCell: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  repeatHeader: fc.boolean()
})

export const printingArbitrary: fc.Arbitrary<Printing> = fc.record({
  blank: fc.constantFrom('' as const, '/' as const, '—' as const, '无' as const),
  thousands: fc.boolean(),
  procurementUnit: fc.constantFrom('header-yuan' as const, 'cell-yuan' as const, 'wan' as const)
})

/** Stand-ins OCR and typing put for characters of the form's labels. */
const MISREAD: Readonly<Record<string, string>> = { 申: '甲', 请: '清', 政: '致', 府: '俯', 息: '思', 公: '么', 开: '幵', 处: '外', 理: '埋', 法: '怯', 规: '观', 数: '娄', 量: '最', 属: '厲', 于: '干', 其: '具', 他: '池', 信: '倍' }

/** A label with one character misread: only labels of 9 or more characters, so a typo never makes a label ambiguous. */
export function withTypo (text: string, noise: Noise): string {
  if (noise.typo === null || [...text].length < 9) return text
  const chars = [...text]
  const at = Math.floor(noise.typo * chars.length)
  for (let i = at; i < chars.length; i++) {
    const stand = MISREAD[chars[i] ?? '']
    if (stand !== undefined) {
      chars[i] = stand
      return chars.join('')
    }
  }
  return text
}

/** A label broken over lines at `wrap` characters (long labels only). */
export function wrapLabel (text: string, noise: Noise): string[] {
  const chars = [...text]
  if (noise.wrap === null || chars.length <= noise.wrap) return [text]
  const lines: string[] = []
  for (let i = 0; i < chars.length; i += noise.wrap) lines.push(chars.slice(i, i + noise.wrap).join(''))
  return lines
}

/** A document to render: the laid-out form, with how it prints and its noise. */
export interface Sample {
  readonly report: AnnualReport
  readonly blocks: readonly Block[]
  readonly noise: Noise
}

export const sampleArbitrary: fc.Arbitrary<Sample> = fc.record({ report: reportArbitrary, printing: printingArbitrary, noise: noiseArbitrary })
  .map(({ report, printing, noise }) => ({ report, blocks: layOut(report, printing), noise }))
