/**
 * The report as a web page in the national layout (国办公开办函〔2021〕30号, or 〔2019〕60号): the metadata
 * block, the prose of sections 一/五/六 and tables 二/三/四 as printed on the form, with the cells of every failed
 * rule highlighted, the findings listed, and year-over-year arrows beside the numbers.
 *
 * Pure: data in, one self-contained HTML5 document out (inline CSS, no scripts, no external assets).
 * Every selector is scoped under `.gdr-report`, so the article and its style can be inlined into a portal page.
 */
import { pointer } from '../domain/cells.js'
import type { Finding, Severity } from '../domain/findings.js'
import { APPLICANT_COLUMNS, isSingleRowOther } from '../domain/report.js'
import type { AnnualReport, Cell, Publication, Report2019, Report2021, Requests, ReviewLitigation } from '../domain/report.js'
import { CASE_FIELDS, CASE_GROUPS, type RequestRow, requestRows } from '../domain/tables.js'
import type { CellChange } from '../domain/year-over-year.js'
import { html, SafeHtml } from './html.js'

/** The report resource as served (`resourceJson`): its summary fields and the body of the served revision. */
export interface ReportPageResource {
  readonly id: number
  readonly year: number
  readonly kind: AnnualReport['kind']
  readonly template: AnnualReport['template']
  readonly revision: number
  readonly latestRevision: number
  readonly revisionCreatedAt: string
  readonly status: 'clean' | 'warnings' | 'errors' | null
  readonly report: AnnualReport
}

/** A reviewer's latest decision on a finding (`PATCH /v1/findings/{id}`). */
export interface ReportPageReview {
  readonly decision: 'acknowledged' | 'dismissed'
  readonly reason: string
  readonly decidedAt: Date
}

/** The parts of a finding the page shows. */
export type ReportPageFinding = Pick<Finding, 'ruleId' | 'severity' | 'status' | 'message' | 'messageEn' | 'pointers'> & {
  readonly review?: ReportPageReview | null
}

const isDismissed = (finding: ReportPageFinding) => finding.review?.decision === 'dismissed'

const DECISION_NAMES: { readonly [D in ReportPageReview['decision']]: string } = {
  acknowledged: '已确认 acknowledged',
  dismissed: '已驳回 dismissed'
}

export interface ReportPageInput {
  readonly resource: ReportPageResource
  /** The findings of the served revision, failed and not assessable, in catalogue order. */
  readonly findings: readonly ReportPageFinding[]
  /** Its year-over-year cell changes; empty while the prior year is not stored. */
  readonly changes: readonly CellChange[]
  /** For a government's summary: the departments' reports stored for its region and year, and their share of 本年新收 总计. */
  readonly parts?: { readonly departments: number, readonly newReceivedRatio: number | null, readonly href: string }
}

/** "departments stored: N, covering X % of 本年新收", linking to the parts. */
function partsLine (parts: NonNullable<ReportPageInput['parts']>): SafeHtml {
  const share = parts.newReceivedRatio === null ? '—' : `${(parts.newReceivedRatio * 100).toFixed(1)} %`
  return html`<p class="gdr-parts">已存储部门报告 ${parts.departments} 份，合计占本年新收的 ${share} · departments stored: ${parts.departments}, covering ${share} of 本年新收 (<a href="${parts.href}">parts</a>)</p>`
}

/** The page loads nothing and runs nothing: the policy it carries in a meta element and its server sends as a header. */
export const REPORT_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

/* ---------- labels as printed on the form ---------- */

const SECTION_HEADINGS = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  reviewLitigation: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项'
} as const

const TEMPLATE_NAMES = { 2021: '国办公开办函〔2021〕30号', 2019: '国办公开办函〔2019〕60号' } as const
const KIND_NAMES = { agency: '本机关', government: '本级政府（汇总）' } as const
const SEVERITY_NAMES: { readonly [S in Severity]: string } = { error: '错误', warning: '警告', info: '提示' }
const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info']
const STATUS_NAMES = {
  clean: '未发现错误或警告 · clean',
  warnings: '有警告 · warnings',
  errors: '有错误 · errors'
} as const

/** The table-三 corner cell: the identity the form prints for every column. */
const T3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'
const T3_ORG_COLUMNS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const

/** Rows printed across the three label columns. */
const T3_FULL_ROWS: Readonly<Record<string, string>> = {
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  carriedForward: '四、结转下年度继续办理'
}

/** Outcome rows printed across the two inner label columns, under 三、本年度办理结果. */
const T3_OUTCOME_ROWS: Readonly<Record<string, string>> = {
  granted: '（一）予以公开',
  partiallyGranted: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  other: '（六）其他处理',
  total: '（七）总计'
}

/** Outcome categories printed as a group label (rowspan) with one numbered row per item. */
const T3_GROUPS: Readonly<Record<string, { readonly label: string, readonly items: Readonly<Record<string, string>> }>> = {
  denied: {
    label: '（三）不予公开',
    items: {
      stateSecret: '1.属于国家秘密',
      lawProhibited: '2.其他法律行政法规禁止公开',
      securityStability: '3.危及“三安全一稳定”',
      thirdParty: '4.保护第三方合法权益',
      internalAffairs: '5.属于三类内部事务信息',
      processInfo: '6.属于四类过程性信息',
      enforcementFile: '7.属于行政执法案卷',
      adminQuery: '8.属于行政查询事项'
    }
  },
  unable: {
    label: '（四）无法提供',
    items: {
      notHeld: '1.本机关不掌握相关政府信息',
      needCreation: '2.没有现成信息需要另行制作',
      unclear: '3.补正后申请内容仍不明确'
    }
  },
  rejected: {
    label: '（五）不予处理',
    items: {
      petition: '1.信访举报投诉类申请',
      duplicate: '2.重复申请',
      publication: '3.要求提供公开出版物',
      massRepeat: '4.无正当理由大量反复申请',
      confirm: '5.要求行政机关确认或重新出具已获取信息'
    }
  },
  other: {
    label: '（六）其他处理',
    items: {
      noCorrection: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      feeUnpaid: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      misc: '3.其他'
    }
  }
}

const T4_GROUPS = { review: '行政复议', suitDirect: '未经复议直接起诉', suitAfterReview: '复议后起诉' } as const
const T4_FIELDS = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' } as const

const PUBLICATION_FIELDS: ReadonlyArray<readonly [keyof Publication, string]> = [
  ['indexNo', '索引号'],
  ['publisher', '发布机构'],
  ['documentDate', '成文日期'],
  ['publishedDate', '发布日期'],
  ['documentNo', '文件编号'],
  ['disclosure', '公开方式'],
  ['retention', '公开时限'],
  ['sourceUrl', '来源']
]

/* ---------- findings and changes by cell ---------- */

interface Marks {
  /** Failed findings by the pointers they name, except those a reviewer dismissed. */
  readonly failedAt: ReadonlyMap<string, readonly ReportPageFinding[]>
  readonly changeAt: ReadonlyMap<string, CellChange>
}

function marksOf (findings: readonly ReportPageFinding[], changes: readonly CellChange[]): Marks {
  const failedAt = new Map<string, ReportPageFinding[]>()
  for (const finding of findings) {
    // A finding a reviewer dismissed is no longer a problem of the report: its cells are not flagged.
    if (finding.status !== 'failed' || isDismissed(finding)) continue
    for (const at of new Set(finding.pointers)) failedAt.set(at, [...failedAt.get(at) ?? [], finding])
  }
  return { failedAt, changeAt: new Map(changes.map((change) => [change.pointer, change])) }
}

/** The most severe of the failed findings naming a place, if any. */
function worstSeverity (findings: readonly ReportPageFinding[]): Severity | undefined {
  return SEVERITY_ORDER.find((severity) => findings.some((finding) => finding.severity === severity))
}

/** The classes and tooltip a place gets from the failed findings naming it. */
function flagOf (marks: Marks, at: string): { readonly classes: string[], readonly title: string | undefined } {
  const findings = marks.failedAt.get(at) ?? []
  const severity = worstSeverity(findings)
  if (severity === undefined) return { classes: [], title: undefined }
  return {
    classes: ['gdr-flag', `gdr-flag-${severity}`],
    title: findings.map((f) => `[${f.ruleId}] ${f.message}\n${f.messageEn}`).join('\n\n')
  }
}

/* ---------- formatting ---------- */

/** A cell value as printed: integers as they are, 万元 amounts with their decimals (at most 6). */
function formatNumber (value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6)
}

const signed = (value: number): string => value > 0 ? `+${formatNumber(value)}` : formatNumber(value)

function yoyArrow (change: CellChange | undefined): SafeHtml | null {
  if (change === undefined || change.delta === null || change.delta === 0) return null
  const up = change.delta > 0
  const percent = change.relative === null ? '' : `，${signed(Math.round(change.relative * 1000) / 10)}%`
  const title = `较上年${up ? '增加' : '减少'} ${formatNumber(Math.abs(change.delta))}（上年 ${formatNumber(change.previous ?? 0)}${percent}）\n` +
    `${signed(change.delta)} vs the previous year (${formatNumber(change.previous ?? 0)})`
  return html`<span class="gdr-yoy gdr-yoy-${up ? 'up' : 'down'}" data-delta="${change.delta}" title="${title}">${up ? '▲' : '▼'}</span>`
}

/** One numeric cell: its value (empty when blank), its pointer, its finding highlight and its year-over-year arrow. */
function numberCell (marks: Marks, at: string, value: Cell, colspan = 1): SafeHtml {
  const flag = flagOf(marks, at)
  const classes = ['gdr-num', ...(value === null ? ['gdr-blank'] : []), ...flag.classes].join(' ')
  const arrow = value === null ? null : yoyArrow(marks.changeAt.get(at))
  return html`<td class="${classes}" data-pointer="${at}"${colspan > 1 ? html` colspan="${colspan}"` : null}${flag.title === undefined ? null : html` title="${flag.title}"`}>${value === null ? null : html`<span class="gdr-value">${formatNumber(value)}</span>`}${arrow}</td>`
}

/* ---------- metadata and prose ---------- */

function metadataBlock (resource: ReportPageResource, marks: Marks): SafeHtml {
  const { report } = resource
  const publication = report.publication ?? {}
  const item = (label: string, value: SafeHtml | string | number | null | undefined, at?: string) => {
    const flag = at === undefined ? { classes: [], title: undefined } : flagOf(marks, at)
    const empty = value === null || value === undefined || value === ''
    const classes = ['gdr-meta-value', ...(empty ? ['gdr-blank'] : []), ...flag.classes].join(' ')
    return html`<div class="gdr-meta-item"><dt>${label}</dt><dd class="${classes}"${at === undefined ? null : html` data-pointer="${at}"`}${flag.title === undefined ? null : html` title="${flag.title}"`}>${value}</dd></div>`
  }
  const publicationItems = PUBLICATION_FIELDS.map(([key, label]) => {
    const value = publication[key]
    const shown = key === 'sourceUrl' && typeof value === 'string' && /^https?:\/\//i.test(value)
      ? html`<a href="${value}" rel="noopener noreferrer nofollow">${value}</a>`
      : value
    return item(label, shown, pointer('publication', key))
  })
  return html`<dl class="gdr-meta">${[
    ...publicationItems,
    item('统一社会信用代码', report.agency.code, '/agency/code'),
    item('行政区划代码', report.agency.regionCode, '/agency/regionCode'),
    item('报告类型', KIND_NAMES[report.kind], '/kind'),
    item('统计期间', `${report.year}年1月1日至${report.year}年12月31日`, '/year'),
    item('格式', TEMPLATE_NAMES[report.template], '/template'),
    item('版本', `第 ${resource.revision} 版（共 ${resource.latestRevision} 版）`)
  ]}</dl>`
}

/**
 * Prose as paragraphs, one per line of the text. A finding cannot point inside the text, so the failed findings
 * naming a section are also written out above it, not only in a tooltip.
 */
function prose (text: string, at: string, marks: Marks): SafeHtml {
  const flag = flagOf(marks, at)
  const paragraphs = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0)
  const classes = ['gdr-prose', ...(paragraphs.length === 0 ? ['gdr-blank'] : []), ...flag.classes].join(' ')
  const notes = marks.failedAt.get(at) ?? []
  return html`${notes.length === 0
    ? null
    : html`<ul class="gdr-notes">${notes.map((f) => html`<li><span class="gdr-badge gdr-badge-${f.severity}">${SEVERITY_NAMES[f.severity]}</span><code class="gdr-rule">${f.ruleId}</code> ${f.message}</li>`)}</ul>
`}<div class="${classes}" data-pointer="${at}"${flag.title === undefined ? null : html` title="${flag.title}"`}>${paragraphs.map((p) => html`<p>${p}</p>`)}</div>`
}

/* ---------- table 二 ---------- */

interface T2Block {
  readonly heading: string
  /** Column headings after 信息内容, each with its span (the form has 3 value columns). */
  readonly columns: ReadonlyArray<readonly [string, number]>
  readonly rows: ReadonlyArray<{ readonly label: string, readonly key: string, readonly cells: ReadonlyArray<readonly [string, Cell, number]> }>
}

function proactive2021 (p: Report2021['proactive']): T2Block[] {
  const documents = (key: 'regulations' | 'normativeDocuments', label: string) =>
    ({ label, key, cells: [['issued', p[key].issued, 1], ['repealed', p[key].repealed, 1], ['inForce', p[key].inForce, 1]] as const })
  const decisions = (key: 'licensing' | 'penalties' | 'coercion', label: string) =>
    ({ label, key, cells: [['decisions', p[key].decisions, 3]] as const })
  return [
    { heading: '第二十条第（一）项', columns: [['本年制发件数', 1], ['本年废止件数', 1], ['现行有效件数', 1]], rows: [documents('regulations', '规章'), documents('normativeDocuments', '行政规范性文件')] },
    { heading: '第二十条第（五）项', columns: [['本年处理决定数量', 3]], rows: [decisions('licensing', '行政许可')] },
    { heading: '第二十条第（六）项', columns: [['本年处理决定数量', 3]], rows: [decisions('penalties', '行政处罚'), decisions('coercion', '行政强制')] },
    { heading: '第二十条第（八）项', columns: [['本年收费金额（单位：万元）', 3]], rows: [{ label: '行政事业性收费', key: 'fees', cells: [['amountWan', p.fees.amountWan, 3]] }] }
  ]
}

function proactive2019 (p: Report2019['proactive']): T2Block[] {
  const documents = (key: 'regulations' | 'normativeDocuments', label: string) =>
    ({ label, key, cells: [['newlyMade', p[key].newlyMade, 1], ['newlyPublished', p[key].newlyPublished, 1], ['totalPublic', p[key].totalPublic, 1]] as const })
  const items = (key: 'licensing' | 'otherServices' | 'penalties' | 'coercion', label: string) =>
    ({ label, key, cells: [['previousItems', p[key].previousItems, 1], ['change', p[key].change, 1], ['decisions', p[key].decisions, 1]] as const })
  const itemColumns = [['上一年项目数量', 1], ['本年增/减', 1], ['处理决定数量', 1]] as const
  return [
    { heading: '第二十条第（一）项', columns: [['本年新制作数量', 1], ['本年新公开数量', 1], ['对外公开总数量', 1]], rows: [documents('regulations', '规章'), documents('normativeDocuments', '规范性文件')] },
    { heading: '第二十条第（五）项', columns: itemColumns, rows: [items('licensing', '行政许可'), items('otherServices', '其他对外管理服务事项')] },
    { heading: '第二十条第（六）项', columns: itemColumns, rows: [items('penalties', '行政处罚'), items('coercion', '行政强制')] },
    { heading: '第二十条第（八）项', columns: [['上一年项目数量', 1], ['本年增/减', 2]], rows: [{ label: '行政事业性收费', key: 'fees', cells: [['previousItems', p.fees.previousItems, 1], ['change', p.fees.change, 2]] }] },
    { heading: '第二十条第（九）项', columns: [['采购项目数量', 1], ['采购总金额（万元）', 2]], rows: [{ label: '政府集中采购', key: 'procurement', cells: [['projects', p.procurement.projects, 1], ['amountWan', p.procurement.amountWan, 2]] }] }
  ]
}

function proactiveTable (report: AnnualReport, marks: Marks): SafeHtml {
  const blocks = report.template === '2021' ? proactive2021(report.proactive) : proactive2019(report.proactive)
  return html`<table class="gdr-table gdr-t2" data-table="proactive" data-layout="${report.template}">
<colgroup><col class="gdr-col-label"><col><col><col></colgroup>
<tbody>${blocks.map((block) => html`
<tr class="gdr-block"><th colspan="4" scope="colgroup">${block.heading}</th></tr>
<tr class="gdr-head"><th scope="col">信息内容</th>${block.columns.map(([label, span]) => html`<th scope="col"${span > 1 ? html` colspan="${span}"` : null}>${label}</th>`)}</tr>${block.rows.map((row) => html`
<tr><th scope="row">${row.label}</th>${row.cells.map(([key, value, span]) => numberCell(marks, pointer('proactive', row.key, key), value, span))}</tr>`)}`)}
</tbody>
</table>`
}

/* ---------- table 三 ---------- */

/** The label cells of one table-三 row; group labels carry a rowspan over the rows that follow. */
function requestLabels (row: RequestRow, rows: readonly RequestRow[], index: number, outcomeRows: number): SafeHtml {
  const [, second = '', third = ''] = row.path
  if (second !== 'outcomes') return html`<th scope="row" colspan="3">${T3_FULL_ROWS[second] ?? row.label.zh}</th>`
  const opener = rows.findIndex((r) => r.path[1] === 'outcomes') === index
    ? html`<th scope="rowgroup" rowspan="${outcomeRows}" class="gdr-vertical">三、本年度办理结果</th>`
    : null
  const group = T3_GROUPS[third]
  if (row.path.length === 3 || group === undefined) return html`${opener}<th scope="row" colspan="2">${T3_OUTCOME_ROWS[third] ?? row.label.zh}</th>`
  const members = rows.filter((r) => r.path.length === 4 && r.path[2] === third)
  const groupOpener = members[0] === row ? html`<th scope="rowgroup" rowspan="${members.length}">${group.label}</th>` : null
  return html`${opener}${groupOpener}<th scope="row">${group.items[row.path[3] ?? ''] ?? row.label.zh}</th>`
}

function requestsTable (requests: Requests, marks: Marks): SafeHtml {
  const rows = requestRows(requests)
  const outcomeRows = rows.filter((row) => row.path[1] === 'outcomes').length
  const layout = isSingleRowOther(requests.outcomes.other) ? '2019' : '2021'
  return html`<table class="gdr-table gdr-t3" data-table="requests" data-layout="${layout}">
<colgroup><col class="gdr-col-l1"><col class="gdr-col-l2"><col class="gdr-col-l3">${APPLICANT_COLUMNS.map(() => html`<col class="gdr-col-num">`)}</colgroup>
<thead>
<tr><th colspan="3" rowspan="3" class="gdr-corner">${T3_CORNER}</th><th colspan="7" scope="colgroup">申请人情况</th></tr>
<tr><th rowspan="2" scope="col">自然人</th><th colspan="5" scope="colgroup">法人或其他组织</th><th rowspan="2" scope="col">总计</th></tr>
<tr>${T3_ORG_COLUMNS.map((label) => html`<th scope="col">${label}</th>`)}</tr>
</thead>
<tbody>${rows.map((row, index) => html`
<tr data-row="${pointer(...row.path)}">${requestLabels(row, rows, index, outcomeRows)}${APPLICANT_COLUMNS.map((column) => numberCell(marks, pointer(...row.path, column), row.cells[column]))}</tr>`)}
</tbody>
</table>`
}

/* ---------- table 四 ---------- */

function reviewLitigationTable (reviewLitigation: ReviewLitigation, marks: Marks): SafeHtml {
  const fieldHeads = CASE_FIELDS.map((field) => html`<th scope="col">${T4_FIELDS[field]}</th>`)
  return html`<table class="gdr-table gdr-t4" data-table="reviewLitigation">
<thead>
<tr><th colspan="5" scope="colgroup">${T4_GROUPS.review}</th><th colspan="10" scope="colgroup">行政诉讼</th></tr>
<tr>${CASE_FIELDS.map((field) => html`<th rowspan="2" scope="col">${T4_FIELDS[field]}</th>`)}<th colspan="5" scope="colgroup">${T4_GROUPS.suitDirect}</th><th colspan="5" scope="colgroup">${T4_GROUPS.suitAfterReview}</th></tr>
<tr>${fieldHeads}${fieldHeads}</tr>
</thead>
<tbody>
<tr>${CASE_GROUPS.map((group) => CASE_FIELDS.map((field) => numberCell(marks, pointer('reviewLitigation', group, field), reviewLitigation[group][field])))}</tr>
</tbody>
</table>`
}

/* ---------- findings ---------- */

/** A reviewer's decision, with its reason and day (UTC). */
function reviewNote (review: ReportPageReview): SafeHtml {
  const day = review.decidedAt.toISOString().slice(0, 10)
  return html`
<p class="gdr-review gdr-review-${review.decision}"><span class="gdr-decision">审核 ${DECISION_NAMES[review.decision]}</span> <time datetime="${review.decidedAt.toISOString()}">${day}</time>：${review.reason}</p>`
}

function findingItem (finding: ReportPageFinding): SafeHtml {
  const kind = finding.status === 'failed' ? finding.severity : 'not-assessable'
  const review = finding.review ?? null
  return html`<li class="gdr-finding gdr-finding-${kind}${review === null ? null : ` gdr-finding-${review.decision}`}" data-rule="${finding.ruleId}" data-status="${finding.status}"${review === null ? null : html` data-review="${review.decision}"`}>
<span class="gdr-badge gdr-badge-${kind}">${finding.status === 'failed' ? `${SEVERITY_NAMES[finding.severity]} ${finding.severity}` : '无法评估 not assessable'}</span>
<code class="gdr-rule">${finding.ruleId}</code>
<p class="gdr-message">${finding.message}</p>
<p class="gdr-message-en" lang="en">${finding.messageEn}</p>${finding.pointers.length === 0
    ? null
    : html`
<p class="gdr-pointers">${finding.pointers.map((at) => html`<code>${at}</code> `)}</p>`}${review === null ? null : reviewNote(review)}
</li>`
}

/**
 * Failed findings by severity (those a reviewer acknowledged among them, marked so), then the ones a reviewer
 * dismissed, set apart and muted: they are not problems of the report any more, but the decision is on record.
 */
function findingsSection (findings: readonly ReportPageFinding[]): SafeHtml {
  const bySeverity = (list: readonly ReportPageFinding[]) => SEVERITY_ORDER.flatMap((severity) => list.filter((f) => f.severity === severity))
  const failed = bySeverity(findings.filter((f) => f.status === 'failed' && !isDismissed(f)))
  const dismissed = bySeverity(findings.filter((f) => f.status === 'failed' && isDismissed(f)))
  const open = findings.filter((f) => f.status === 'not_assessable')
  return html`<section class="gdr-findings" aria-labelledby="gdr-findings-heading">
<h2 id="gdr-findings-heading">一致性检查结果 <span lang="en">Consistency findings</span></h2>
${failed.length > 0
    ? html`<ol class="gdr-finding-list gdr-failed">${failed.map(findingItem)}</ol>`
    : dismissed.length > 0
      ? html`<p class="gdr-none">不一致之处均已由审核人员驳回。<span lang="en">Every failed rule was dismissed by a reviewer.</span></p>`
      : html`<p class="gdr-none">未发现不一致之处。<span lang="en">No rule failed.</span></p>`}${dismissed.length === 0
    ? null
    : html`
<h3>审核已驳回 <span lang="en">Dismissed by a reviewer</span></h3>
<ul class="gdr-finding-list gdr-dismissed">${dismissed.map(findingItem)}</ul>`}${open.length === 0
    ? null
    : html`
<h3>无法评估的规则 <span lang="en">Rules not assessable</span></h3>
<ul class="gdr-finding-list gdr-not-assessable">${open.map(findingItem)}</ul>`}
</section>`
}

/* ---------- the page ---------- */

const STYLE = `
.gdr-report { font-family: "Helvetica Neue", Arial, "Liberation Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: #1f1f1f; background: #fff; line-height: 1.6; max-width: 1200px; margin: 0 auto; padding: 16px 24px; font-size: 15px; }
.gdr-report, .gdr-report * { box-sizing: border-box; }
.gdr-report h1 { font-size: 24px; text-align: center; margin: 8px 0 4px; font-weight: 700; }
.gdr-report h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #b71c1c; }
.gdr-report h3 { font-size: 16px; margin: 18px 0 8px; }
.gdr-report [lang="en"] { color: #555; }
.gdr-report .gdr-status { text-align: center; margin: 0 0 16px; font-size: 14px; }
.gdr-report .gdr-status-errors { color: #b71c1c; }
.gdr-report .gdr-status-warnings { color: #8a5300; }
.gdr-report .gdr-status-clean { color: #1b5e20; }
.gdr-report .gdr-meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 0; margin: 0 0 8px; border: 1px solid #c9c9c9; background: #fafafa; font-size: 14px; }
.gdr-report .gdr-meta-item { display: flex; border-bottom: 1px solid #e3e3e3; min-height: 32px; }
.gdr-report .gdr-meta dt { flex: 0 0 auto; min-width: 6.5em; white-space: nowrap; padding: 4px 8px; font-weight: 600; background: #f0f0f0; }
.gdr-report .gdr-meta dd { flex: 1; margin: 0; padding: 4px 8px; overflow-wrap: anywhere; }
.gdr-report .gdr-prose p { margin: 0 0 8px; text-indent: 2em; }
.gdr-report .gdr-scroll { overflow-x: auto; }
.gdr-report .gdr-table { border-collapse: collapse; width: 100%; margin: 0 0 8px; font-size: 14px; background: #fff; }
.gdr-report .gdr-table th, .gdr-report .gdr-table td { border: 1px solid #8a8a8a; padding: 4px 6px; vertical-align: middle; }
.gdr-report .gdr-table th { font-weight: 500; background: #f4f6f8; text-align: left; }
.gdr-report .gdr-table thead th, .gdr-report .gdr-t2 .gdr-head th, .gdr-report .gdr-t4 th { text-align: center; }
.gdr-report .gdr-t2 .gdr-block th { background: #e8edf2; font-weight: 700; }
.gdr-report .gdr-t2 .gdr-col-label { width: 28%; }
.gdr-report .gdr-t3 .gdr-col-l1 { width: 2.6em; }
.gdr-report .gdr-t3 .gdr-col-l2 { width: 7em; }
.gdr-report .gdr-t3 .gdr-col-num { width: 7%; }
.gdr-report .gdr-t3 .gdr-corner { font-size: 12px; font-weight: 400; color: #444; }
.gdr-report .gdr-vertical { writing-mode: vertical-rl; text-align: center; letter-spacing: 2px; }
.gdr-report .gdr-num { text-align: center; white-space: nowrap; font-variant-numeric: tabular-nums; }
.gdr-report .gdr-blank { background: repeating-linear-gradient(135deg, #fff, #fff 4px, #eee 4px, #eee 8px); }
.gdr-report .gdr-flag { cursor: help; }
.gdr-report .gdr-flag-error { background: #fde0dc; outline: 2px solid #c62828; outline-offset: -2px; }
.gdr-report .gdr-flag-warning { background: #fff1c2; outline: 2px solid #c77c02; outline-offset: -2px; }
.gdr-report .gdr-flag-info { background: #e1effc; outline: 2px dashed #1565c0; outline-offset: -2px; }
.gdr-report .gdr-num.gdr-flag-error { color: #8e0000; font-weight: 700; }
.gdr-report .gdr-prose.gdr-flag { outline: none; border-left: 4px solid #c62828; padding: 6px 10px; }
.gdr-report .gdr-prose.gdr-flag-error { background: #fff5f4; }
.gdr-report .gdr-prose.gdr-flag-warning { background: #fffaeb; border-left-color: #c77c02; }
.gdr-report .gdr-prose.gdr-flag-info { background: #f3f8fe; border-left-color: #1565c0; border-left-style: dashed; }
.gdr-report .gdr-notes { list-style: none; margin: 0 0 8px; padding: 0; font-size: 13px; }
.gdr-report .gdr-notes li { margin: 2px 0; }
.gdr-report .gdr-yoy { display: inline-block; margin-left: 3px; font-size: 11px; cursor: help; }
.gdr-report .gdr-yoy-up { color: #1565c0; }
.gdr-report .gdr-yoy-down { color: #e65100; }
.gdr-report .gdr-legend { font-size: 13px; color: #444; margin: 4px 0 0; }
.gdr-report .gdr-legend span { display: inline-block; padding: 0 6px; margin-right: 10px; }
.gdr-report .gdr-finding-list { padding-left: 1.6em; margin: 0; }
.gdr-report .gdr-finding { margin: 0 0 10px; padding: 6px 10px; border-left: 4px solid #999; background: #fafafa; }
.gdr-report .gdr-finding-error { border-left-color: #c62828; }
.gdr-report .gdr-finding-warning { border-left-color: #c77c02; }
.gdr-report .gdr-finding-info { border-left-color: #1565c0; }
.gdr-report .gdr-finding p { margin: 2px 0; }
.gdr-report .gdr-badge { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 3px; color: #fff; background: #777; margin-right: 6px; }
.gdr-report .gdr-badge-error { background: #c62828; }
.gdr-report .gdr-badge-warning { background: #c77c02; }
.gdr-report .gdr-badge-info { background: #1565c0; }
.gdr-report .gdr-finding-dismissed { border-left-color: #bbb; background: #f4f4f4; color: #666; }
.gdr-report .gdr-finding-dismissed .gdr-badge { background: #aaa; text-decoration: line-through; }
.gdr-report .gdr-review { font-size: 13px; }
.gdr-report .gdr-decision { font-weight: 700; }
.gdr-report .gdr-review-acknowledged .gdr-decision { color: #1b5e20; }
.gdr-report .gdr-rule { font-weight: 700; }
.gdr-report .gdr-pointers code { font-size: 12px; color: #555; }
.gdr-report .gdr-footer { margin-top: 24px; font-size: 12px; color: #666; border-top: 1px solid #ddd; padding-top: 8px; }
`

/** The stylesheet is a constant of this module: markup as it is (escaping would break its quotes inside <style>). */
const STYLESHEET = new SafeHtml(STYLE)

function legend (): SafeHtml {
  return html`<p class="gdr-legend"><span class="gdr-flag gdr-flag-error">错误 error</span><span class="gdr-flag gdr-flag-warning">警告 warning</span><span class="gdr-flag gdr-flag-info">提示 info</span><span class="gdr-blank">空白 blank</span><span><span class="gdr-yoy gdr-yoy-up">▲</span>/<span class="gdr-yoy gdr-yoy-down">▼</span> 较上年增/减 change from the previous year</span></p>`
}

/**
 * Renders a stored report as a self-contained HTML5 page in the national layout.
 *
 * Example: `renderReportPage({ resource, findings, changes })` for the seed with a failed CY-CARRY on
 * `/requests/carriedOver/total` → a document whose table 三 cell `td[data-pointer="/requests/carriedOver/total"]`
 * has the classes `gdr-num gdr-flag gdr-flag-error` and the finding's message as its title.
 */
export function renderReportPage (input: ReportPageInput): string {
  const { resource, findings, changes } = input
  const { report } = resource
  const marks = marksOf(findings, changes)
  const title = `${report.agency.name}${report.year}年政府信息公开工作年度报告`
  const status = resource.status === null
    ? html`<p class="gdr-status">尚未检查 · not checked</p>`
    : html`<p class="gdr-status gdr-status-${resource.status}">一致性检查：${STATUS_NAMES[resource.status]}</p>`
  const page = html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${REPORT_PAGE_CSP}">
<title>${title}</title>
<style>${STYLESHEET}</style>
</head>
<body>
<article class="gdr-report" data-report-id="${resource.id}" data-revision="${resource.revision}" data-template="${report.template}">
<header>
<h1>${title}</h1>
${status}${input.parts === undefined ? null : partsLine(input.parts)}
${metadataBlock(resource, marks)}
${legend()}
</header>
<section class="gdr-section" data-section="overview">
<h2>${SECTION_HEADINGS.overview}</h2>
${prose(report.sections.overview, '/sections/overview', marks)}
</section>
<section class="gdr-section" data-section="proactive">
<h2>${SECTION_HEADINGS.proactive}</h2>
<div class="gdr-scroll">${proactiveTable(report, marks)}</div>
</section>
<section class="gdr-section" data-section="requests">
<h2>${SECTION_HEADINGS.requests}</h2>
<div class="gdr-scroll">${requestsTable(report.requests, marks)}</div>
</section>
<section class="gdr-section" data-section="reviewLitigation">
<h2>${SECTION_HEADINGS.reviewLitigation}</h2>
<div class="gdr-scroll">${reviewLitigationTable(report.reviewLitigation, marks)}</div>
</section>
<section class="gdr-section" data-section="problems">
<h2>${SECTION_HEADINGS.problems}</h2>
${prose(report.sections.problems, '/sections/problems', marks)}
</section>
<section class="gdr-section" data-section="other">
<h2>${SECTION_HEADINGS.other}</h2>
${prose(report.sections.other, '/sections/other', marks)}
</section>
${findingsSection(findings)}
<footer class="gdr-footer">第 ${resource.revision} 版，${resource.revisionCreatedAt} 存储 · revision ${resource.revision} of ${resource.latestRevision}${changes.length > 0 ? `；与 ${report.year - 1} 年度报告比较 · compared with ${report.year - 1}` : ''}</footer>
</article>
</body>
</html>
`
  return page.text
}
