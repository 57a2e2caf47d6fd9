/**
 * The importer: a published report (text in any of its layouts, or an HTML page) to our report JSON and a parse
 * record. Both entry points turn their input into the same rows (`SourceRow`) and share everything after that:
 * finding the parts, the metadata, the title, the tables and the prose.
 */
import { CREDIT_CODE_PATTERN, isValidCreditCode } from '../credit-code.js'
import type { AnnualReport, Publication, ReportKind, Template } from '../report.js'
import { findTitle, mapDocument, partRows, proseSections, readMetadata, yearInText, bodyStart } from './document.js'
import { readProactive, readRequests, readReviewLitigation } from './read-tables.js'
import { htmlRows } from './source-html.js'
import { detectTextFormat, textRows } from './source-text.js'
import { logProblem, newLog } from './types.js'
import type { ImportHints, ParseLog, ParseResult, SourceFormat, SourceRow } from './types.js'

const CREDIT_CODE = new RegExp(CREDIT_CODE_PATTERN)

/** Share of control characters and U+FFFD above which a text is taken for binary (a PDF or Word file read as text). */
const BINARY_SHARE = 0.1

function looksBinary (text: string): boolean {
  if (text.length === 0) return false
  let odd = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // C0 controls other than tab, line feed, vertical tab, form feed and carriage return; U+FFFD from a failed decode.
    if ((code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0xfffd) odd++
  }
  return odd / text.length > BINARY_SHARE
}

/** The report year: the title's, else the one the prose states, else the hint; disagreements are logged. */
function resolveYear (titleYear: number | null, proseYear: number | null, hints: ImportHints, log: ParseLog): number | null {
  const textYear = titleYear ?? proseYear
  if (titleYear !== null && proseYear !== null && titleYear !== proseYear) {
    logProblem(log, 'warning', `标题年度${titleYear}与正文统计期限年度${proseYear}不一致，采用标题年度`,
      `The title says ${titleYear} but the statistics period says ${proseYear}; the title's year is used`, '/year')
  }
  if (textYear !== null && hints.year !== undefined && hints.year !== textYear) {
    logProblem(log, 'warning', `报告正文年度${textYear}与提示年度${hints.year}不一致，采用正文年度`,
      `The text says ${textYear}, the hint ${hints.year}; the text's year is used`, '/year')
  }
  const year = textYear ?? hints.year ?? null
  if (year === null) {
    logProblem(log, 'error', '无法确定报告年度（标题、统计期限均未说明，也未提供）', 'The report year is neither in the text nor given', '/year')
  }
  return year
}

interface AgencyFields {
  readonly code: string | null
  readonly name: string | null
  readonly regionCode: string | null
  readonly kind: ReportKind | null
}

/**
 * The agency: the 统一社会信用代码 from the 索引号 prefix when it is one (else the hint), the region from the hint
 * (else a 6-digit 行政区划代码 prefix of the 索引号), the name from the hint (else the title), and the kind from the
 * hint (else inferred from the name: a 人民政府 reports for its jurisdiction).
 */
function resolveAgency (indexNo: string | null | undefined, titleName: string | null, hints: ImportHints, log: ParseLog): AgencyFields {
  const prefix = (indexNo ?? '').split('/')[0] ?? ''
  let code: string | null = null
  if (CREDIT_CODE.test(prefix)) {
    code = prefix
    if (!isValidCreditCode(prefix)) {
      logProblem(log, 'warning', `索引号中的统一社会信用代码${prefix}校验位不正确`,
        `The credit code ${prefix} in the index number has a wrong check character`, '/agency/code')
    }
    if (hints.agencyCode !== undefined && hints.agencyCode !== prefix) {
      logProblem(log, 'warning', `索引号中的统一社会信用代码${prefix}与提示${hints.agencyCode}不一致，采用索引号中的代码`,
        `The index number carries the credit code ${prefix}, the hint ${hints.agencyCode}; the index number's is used`, '/agency/code')
    }
  }
  code ??= hints.agencyCode ?? null
  if (code === null) {
    logProblem(log, 'error', '无法确定机关统一社会信用代码（索引号中没有，也未提供）',
      'The agency credit code is neither in the index number nor given', '/agency/code')
  }
  const regionCode = hints.regionCode ?? (/^\d{6}$/.test(prefix) ? prefix : null)
  if (regionCode === null) {
    logProblem(log, 'error', '无法确定行政区划代码（未提供）', 'The region code is not given', '/agency/regionCode')
  }
  const name = hints.agencyName ?? titleName
  if (name === null) {
    logProblem(log, 'error', '无法确定机关名称（标题中没有，也未提供）', 'The agency name is neither in the title nor given', '/agency/name')
  }
  let kind = hints.kind ?? null
  if (kind === null && name !== null) {
    kind = /政府$/.test(name) ? 'government' : 'agency'
    logProblem(log, 'warning', `未提供报告类型，按机关名称“${name}”推定为${kind === 'government' ? '本级政府' : '本机关'}报告`,
      `The report kind is not given; inferred as ${kind} from the name "${name}"`, '/kind')
  } else if (kind === null) {
    logProblem(log, 'error', '无法确定报告类型（本机关/本级政府）', 'The report kind (agency or government) is not known', '/kind')
  }
  return { code, name, regionCode, kind }
}

function confidenceOf (log: ParseLog): number {
  const scores = log.scores
  const mean = scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length
  const warnings = log.problems.filter((p) => p.severity === 'warning').length
  return Math.round(Math.max(0, Math.min(1, mean * 0.95 ** warnings)) * 100) / 100
}

/**
 * Reads rows (from any input format) into a report and its parse record. Everything required — tables 二/三/四,
 * the year, the agency's code, name, region and kind — must be read or given, else the report is null and
 * `missing` names what was not found.
 */
function parseRows (rows: readonly SourceRow[], format: SourceFormat, hints: ImportHints, log: ParseLog): ParseResult {
  const map = mapDocument(rows)
  const start = bodyStart(map, rows)
  const metadata = readMetadata(rows, start)
  const title = findTitle(rows, start)
  const skip = new Set(metadata.rows)
  rows.forEach((row, i) => {
    if (title !== null && i <= title.lastRow && row.cells === null) skip.add(i)
  })
  const prose = proseSections(rows, map, format, skip)
  for (const part of prose.notFound) {
    logProblem(log, 'warning',
      part === 'problems' ? '未找到第五部分（存在的主要问题及改进情况）' : '未找到第六部分（其他需要报告的事项）',
      part === 'problems' ? 'Section 5 (problems and improvements) was not found' : 'Section 6 (other matters) was not found',
      `/sections/${part}`)
  }

  const year = resolveYear(title?.year ?? null, yearInText(rows), hints, log)
  const agency = resolveAgency(metadata.publication.indexNo, title?.agencyName ?? null, hints, log)

  const table = <T>(part: 'proactive' | 'requests' | 'reviewLitigation', read: (region: SourceRow[]) => T | null, zh: string, en: string): T | null => {
    if (map[part] === undefined) {
      logProblem(log, 'error', `未找到${zh}`, `${en} was not found`, `/${part}`)
      return null
    }
    return read(partRows(rows, map, part))
  }
  const proactive = table('proactive', (r) => readProactive(r, format, log), '第二部分（主动公开政府信息情况）', 'Table 2 (proactive disclosure)')
  const requests = table('requests', (r) => readRequests(r, format, log), '第三部分（收到和处理政府信息公开申请情况）', 'Table 3 (requests)')
  const reviewLitigation = table('reviewLitigation', (r) => readReviewLitigation(r, format, log), '第四部分（行政复议、行政诉讼情况）', 'Table 4 (reviews and lawsuits)')

  const template: Template | null = proactive?.template ?? (year === null ? null : year >= 2021 ? '2021' : '2019')
  const publication: Publication = {
    ...metadata.publication,
    ...(hints.sourceUrl !== undefined ? { sourceUrl: hints.sourceUrl } : {})
  }
  const record = (report: AnnualReport | null): ParseResult => ({
    report,
    parse: {
      format,
      templates: {
        proactive: proactive?.template ?? null,
        requests: requests?.template ?? null,
        reviewLitigation: reviewLitigation === null ? null : template
      },
      cells: log.cells,
      problems: log.problems,
      confidence: report === null ? 0 : confidenceOf(log),
      missing: log.missing
    }
  })

  if (log.missing.length > 0 || proactive === null || requests === null || reviewLitigation === null || year === null ||
    agency.code === null || agency.name === null || agency.regionCode === null || agency.kind === null) {
    return record(null)
  }
  const base = {
    year,
    kind: agency.kind,
    agency: { code: agency.code, name: agency.name, regionCode: agency.regionCode },
    ...(Object.keys(publication).length > 0 ? { publication } : {}),
    sections: prose.sections,
    requests: requests.requests,
    reviewLitigation
  }
  const report: AnnualReport = proactive.template === '2021'
    ? { template: '2021', ...base, proactive: proactive.proactive as Extract<AnnualReport, { template: '2021' }>['proactive'] }
    : { template: '2019', ...base, proactive: proactive.proactive as Extract<AnnualReport, { template: '2019' }>['proactive'] }
  return record(report)
}

/**
 * Parses a report published as text: pipe-flattened HTML ("a | b | c |"), `pdftotext -layout` output, or one
 * cell per line (the layout is detected). Hints supply what the text does not say (agency code, name, region,
 * kind, year, source URL); where the text does say it, the text wins and a disagreement is a warning.
 * An unreadable cell, a missing table, year or agency code makes `report` null, with `parse.missing` and
 * `parse.problems` saying what; no number is ever guessed.
 *
 * Example: `parseReportText(seedText, { agencyName: '湖州市吴兴区发展改革和经济信息化局', regionCode: '330502', kind: 'agency' })`
 * → `{ report: <seed-2023.json>, parse: { format: 'pipe', templates: { proactive: '2021', requests: '2021', reviewLitigation: '2021' },
 * cells: [200 cells], problems: [], confidence: 1, missing: [] } }`.
 */
export function parseReportText (text: string, hints: ImportHints = {}): ParseResult {
  const log = newLog()
  if (text.trim() === '') logProblem(log, 'error', '文本为空', 'The text is empty')
  if (looksBinary(text)) {
    logProblem(log, 'error', '文本含大量控制字符或乱码，疑为二进制文件（如未经转换的PDF或Word文件）',
      'The text is mostly control characters or replacement characters: probably a binary file (an unconverted PDF or Word file)', '')
    const result = parseRows([], 'layout', hints, log)
    return { report: null, parse: { ...result.parse, confidence: 0 } }
  }
  const format = detectTextFormat(text)
  return parseRows(textRows(text, format), format, hints, log)
}

/**
 * Parses a report from rows another reader made: a PDF's text layer laid out as text (`pdf`), markdown
 * (`markdown`), or a Word document's HTML (`docx`). The reading after the rows is the same as for text and HTML.
 *
 * Example: `parseReportRows(markdownRows(seedMarkdown), 'markdown', SEED_HINTS)` → the seed report.
 */
export function parseReportRows (rows: readonly SourceRow[], format: SourceFormat, hints: ImportHints = {}): ParseResult {
  const log = newLog()
  if (rows.length === 0) logProblem(log, 'error', '文档没有文字内容', 'The document has no text')
  return parseRows(rows, format, hints, log)
}

/**
 * Parses a report published as an HTML page (typically a Word or WPS export): parse5 reads the page, data tables
 * are laid out on their rowspan/colspan grid, and the result goes through the same reading as text (see
 * `parseReportText`), so an HTML page and its text form give the same report.
 *
 * Example: `parseReportHtml(seedHtml, { agencyName: '湖州市吴兴区发展改革和经济信息化局', regionCode: '330502', kind: 'agency' })`
 * → the same report as `parseReportText(seedText, …)`, with `parse.format` 'html'.
 */
export function parseReportHtml (html: string, hints: ImportHints = {}): ParseResult {
  const log = newLog()
  if (looksBinary(html)) {
    logProblem(log, 'error', '页面含大量控制字符或乱码，疑为二进制文件',
      'The page is mostly control characters or replacement characters: probably a binary file', '')
    const result = parseRows([], 'html', hints, log)
    return { report: null, parse: { ...result.parse, confidence: 0 } }
  }
  const rows = htmlRows(html)
  if (rows.length === 0) logProblem(log, 'error', '页面没有文字内容', 'The page has no text')
  return parseRows(rows, 'html', hints, log)
}
