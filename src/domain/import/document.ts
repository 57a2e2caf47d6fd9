/**
 * The parts of a report document: where the headings 二–六 are (so where each table and prose section lies), the
 * metadata block above the report (索引号, 发布机构, 成文日期 …), the title (agency name and year) and the prose
 * sections as text.
 */
import { compactSpaces } from '../narrative.js'
import type { Publication, Sections } from '../report.js'
import type { SourceFormat, SourceRow } from './types.js'

/** The parts after 一 (总体情况), in printed order. */
export type Part = 'proactive' | 'requests' | 'reviewLitigation' | 'problems' | 'other'

const PARTS: readonly Part[] = ['proactive', 'requests', 'reviewLitigation', 'problems', 'other']

/**
 * The headings of the form and the variants seen in real reports (四、因政府信息公开工作被申请行政复议和提起行政诉讼情况;
 * 五、存在问题及改进情况; typos such as 行政法复议). Only Chinese numbering: "2.主动公开方面" is an item of 一, not 二.
 */
const HEADINGS: { readonly [P in Part]: RegExp } = {
  proactive: /^二[、.]?[^,，。]{0,6}主动公开/,
  requests: /^三[、.]?[^,，。]{0,8}(?:收到|受理|处理)[^,，。]{0,14}申请/,
  reviewLitigation: /^四[、.]?[^,，。]{0,24}(?:复议|诉讼)/,
  problems: /^五[、.]?[^,，。]{0,24}(?:问题|不足)/,
  other: /^六[、.]?[^,，。]{0,16}(?:其他|需要报告)/
}

/** Where a table starts when its heading is missing: a text the table itself prints. */
const ANCHORS: { readonly [P in Part]?: RegExp } = {
  proactive: /第二十条/,
  requests: /勾稽关系|本年新收/
}

function squeeze (text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '')
}

/** Where each part begins: the row index and whether that row is a heading (excluded from the part) or an anchor. */
export type DocumentMap = { readonly [P in Part]?: { readonly row: number, readonly heading: boolean } }

/**
 * Finds the headings 二–六 in order (each searched after the previous one found), among text rows of at most 40
 * characters; a table whose heading is missing is found by a text it prints (第二十条 for 二, 勾稽关系/本年新收 for 三).
 *
 * Example: the seed → `{ proactive: { row: 18, heading: true }, requests: { row: 33, … }, reviewLitigation: { row: 62, … }, problems: { row: 67, … }, other: { row: 69, … } }`.
 */
export function mapDocument (rows: readonly SourceRow[]): DocumentMap {
  const map: { [P in Part]?: { row: number, heading: boolean } } = {}
  let from = 0
  for (const part of PARTS) {
    let found = rows.findIndex((row, i) => i >= from && row.cells === null && squeeze(row.text).length <= 40 && HEADINGS[part].test(squeeze(row.text)))
    let heading = true
    const anchor = ANCHORS[part]
    if (found < 0 && anchor !== undefined) {
      found = rows.findIndex((row, i) => i >= from && anchor.test(squeeze(row.text)))
      heading = false
    }
    if (found >= 0) {
      map[part] = { row: found, heading }
      from = found + 1
    }
  }
  return map
}

/**
 * The row index where the report body after 一 begins (the first part found), or the row count when no part is:
 * everything before it is intro, 一 and the metadata block.
 *
 * Example: for the seed, the row of "二、主动公开政府信息情况" (index 18).
 */
export function bodyStart (map: DocumentMap, rows: readonly SourceRow[]): number {
  return Math.min(rows.length, ...PARTS.map((p) => map[p]?.row ?? Infinity))
}

/**
 * The rows of one part: after its heading (or from its anchor) up to the next part found.
 *
 * Example: for the seed, `partRows(rows, map, 'reviewLitigation')` is the three rows of table 四.
 */
export function partRows (rows: readonly SourceRow[], map: DocumentMap, part: Part): SourceRow[] {
  const start = map[part]
  if (start === undefined) return []
  const later = PARTS.slice(PARTS.indexOf(part) + 1).map((p) => map[p]?.row).filter((r) => r !== undefined)
  const end = Math.min(rows.length, ...later)
  return rows.slice(start.heading ? start.row + 1 : start.row, end)
}

const META_KEYS: readonly (readonly [RegExp, keyof Publication | null])[] = [
  [/^索引号/, 'indexNo'],
  [/^(?:发布机构|发文机关|发布单位)/, 'publisher'],
  [/^(?:成文日期|生成日期)/, 'documentDate'],
  [/^(?:发布日期|公开日期|发布时间)/, 'publishedDate'],
  [/^(?:文件编号|发文字号|文号)/, 'documentNo'],
  [/^公开方式/, 'disclosure'],
  [/^(?:公开时限|时效)/, 'retention'],
  // Read so their values do not run into the fields around them, then dropped.
  [/^(?:主题分类|体裁分类|组配分类|服务对象|公开范围|信息名称|标题|有效性|所属机构|信息来源|关键词|公开载体)/, null]
]

const KEY_SOURCE = META_KEYS.map(([k]) => k.source.slice(1)).join('|')
const META_START = new RegExp(`^(?:${KEY_SOURCE})`)
/** A key at the start of a cell, or anywhere when a colon follows it ("索引号：… 发布机构：…" on one line). */
const META_KEY = new RegExp(`(?:^|\\t)(${KEY_SOURCE})[:：]?|(${KEY_SOURCE})[:：]`, 'g')

/** Values meaning "none given". */
const NO_VALUE = /^(?:无|暂无|\/|-|—|－)?$/

/**
 * Normalises a printed date to ISO: "2024-01-31", "2024年1月31日", "2024/1/31", "2024.01.31" → "2024-01-31";
 * anything else is kept as printed (M-DEADLINE reports an unusable date).
 *
 * Example: `isoDate('2024年1月31日')` → `'2024-01-31'`; `isoDate('一月底')` → `'一月底'`.
 */
export function isoDate (text: string): string {
  const match = /^(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})日?$/.exec(text)
  if (match === null) return text
  return `${match[1]}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '').padStart(2, '0')}`
}

/** A metadata block read: the fields found and the rows that held them (not prose). */
export interface Metadata {
  readonly publication: Publication
  readonly rows: ReadonlySet<number>
}

/**
 * Reads the metadata block above a report: rows (cells, or text) that open with a key such as 索引号, 发布机构,
 * 成文日期, 发布日期, 文件编号/文号, 公开方式, 公开时限, each followed by its value in the same cell or the next one.
 * Spaces inside keys are ignored ("索 引 号:"); values "无", "/" and "" mean not given and are left out.
 *
 * Example: the seed's first rows → `{ indexNo: '11330524MB15359635/2024-00007', documentDate: '2024-01-31',
 * disclosure: '主动公开', retention: '长期公开', publisher: '区发改经信局' }` (文件编号 "无" is left out).
 */
export function readMetadata (rows: readonly SourceRow[], before: number): Metadata {
  const publication: Record<string, string> = {}
  const used = new Set<number>()
  const segmentsOf = (row: SourceRow | undefined): string[] => (row?.cells ?? [row?.text ?? '']).map(squeeze).filter((s) => s !== '')
  for (let index = 0; index < before; index++) {
    const segments = segmentsOf(rows[index])
    if (segments.length === 0 || !META_START.test(segments[0] ?? '')) continue
    used.add(index)
    const flat = segments.join('\t')
    const hits = [...flat.matchAll(META_KEY)]
    hits.forEach((hit, i) => {
      const key = META_KEYS.find(([k]) => k.test(hit[1] ?? hit[2] ?? ''))?.[1]
      const end = hits[i + 1]?.index ?? flat.length
      let value = flat.slice(hit.index + hit[0].length, end).replace(/\t/g, '')
      // One cell per line: the last key's value is the next line, unless that line is a key itself.
      const next = segmentsOf(rows[index + 1])
      if (value === '' && i === hits.length - 1 && index + 1 < before && next.length === 1 && !META_START.test(next[0] ?? '')) {
        value = next[0] ?? ''
        used.add(index + 1)
      }
      if (key == null || NO_VALUE.test(value) || publication[key] !== undefined) return
      publication[key] = key === 'documentDate' || key === 'publishedDate' ? isoDate(value) : value
    })
    if (used.has(index + 1)) index++
  }
  return { publication, rows: used }
}

/** "洪泽区人民政府2023年政府信息公开工作年度报告", or its year line alone. */
const TITLE = /^(.*?)((?:19|20)\d{2})年度?(.{0,20}?)政府信息公开(?:工作)?年度报告$/

/** The title of a report: the agency it names, its year, and the rows it spans (not prose). */
export interface Title {
  readonly agencyName: string | null
  readonly year: number
  /** Index of the last title row: rows up to it are not prose. */
  readonly lastRow: number
}

/**
 * Finds the title among the first text rows: "[机关名称]YYYY年政府信息公开工作年度报告", the agency's name on it or on a
 * short line just above ("淮安市人民政府" / "2024 年政府信息公开工作年度报告").
 *
 * Example: pdftotext lines "洪泽区人民政府", "2023 年政府信息公开工作年度报告" → `{ agencyName: '洪泽区人民政府', year: 2023, … }`.
 */
export function findTitle (rows: readonly SourceRow[], before: number): Title | null {
  const candidates = rows.slice(0, before).map((row, index) => ({ row, index })).filter(({ row }) => row.cells === null).slice(0, 15)
  for (const { row, index } of candidates) {
    const text = squeeze(row.text)
    const match = TITLE.exec(text)
    if (match === null || text.length > 60) continue
    let agencyName = (match[1] ?? '').replace(/[:：,，。]+$/, '')
    const above = rows[index - 1]
    if (agencyName === '' && above !== undefined && above.cells === null) {
      const line = squeeze(above.text)
      if (line.length <= 30 && !/[,，。:：;；]/.test(line)) agencyName = line
    }
    return { agencyName: agencyName === '' ? null : agencyName, year: Number(match[2]), lastRow: index }
  }
  return null
}

/** Where the prose names its year when there is no title: the statistics period, or "YYYY年度政府信息公开". */
const YEAR_IN_TEXT: readonly RegExp[] = [
  /统计(?:期限|时限|区间|期间)[^。]{0,6}?((?:19|20)\d{2})年1月1日/,
  /((?:19|20)\d{2})年度?政府信息公开(?:工作)?年度报告/,
  /((?:19|20)\d{2})年度政府信息公开/
]

/**
 * The report year the prose states, when the title does not: the statistics period ("统计期限自2023年1月1日起"),
 * else "2023年度政府信息公开…". Null when neither is said (a year mentioned in passing is not the report year).
 *
 * Example: the seed's section 六 "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止" → `2023`.
 */
export function yearInText (rows: readonly SourceRow[]): number | null {
  const text = squeeze(rows.filter((r) => r.cells === null).map((r) => r.text).join('\n'))
  for (const pattern of YEAR_IN_TEXT) {
    const match = pattern.exec(text)
    if (match !== null) return Number(match[1])
  }
  return null
}

/**
 * Joins text rows into paragraphs. In `pdftotext -layout` text a paragraph's first line is indented and its
 * continuation lines are not (page breaks included); elsewhere every row is a paragraph. Spaces next to Chinese are
 * dropped (layout text spaces "2023 年" apart), and paragraphs are joined with "\n".
 *
 * Example: layout lines "   本报告由…根据《中华人民共和", "国政府信息公开条例》…" → one paragraph '本报告由…根据《中华人民共和国政府信息公开条例》…'.
 */
export function proseText (rows: readonly SourceRow[], format: SourceFormat): string {
  const paragraphs: string[] = []
  for (const row of rows) {
    if (row.cells !== null) continue
    const indented = /^\s/.test(row.text)
    if ((format === 'layout' || format === 'pdf') && !indented && paragraphs.length > 0) {
      paragraphs[paragraphs.length - 1] += row.text
    } else {
      paragraphs.push(row.text)
    }
  }
  return paragraphs.map(compactSpaces).filter((p) => p !== '').join('\n')
}

/** The prose sections and which section headings were not found. */
export interface ProseSections {
  readonly sections: Sections
  readonly notFound: readonly ('problems' | 'other')[]
}

/**
 * Cuts the prose sections out of the document: `overview` is everything before the body (the intro and 一, minus
 * the metadata block and the title), `problems` the text under 五, `other` the text under 六.
 *
 * Example: the seed → overview from "2023年以来,我局…" to "…原则审核后公开。", problems "2022年,我局顺利完成…",
 * other "2023年,吴兴区发改经信局未收取…".
 */
export function proseSections (
  rows: readonly SourceRow[],
  map: DocumentMap,
  format: SourceFormat,
  skip: ReadonlySet<number>
): ProseSections {
  const start = bodyStart(map, rows)
  const overview = rows.slice(0, start).filter((_, i) => !skip.has(i))
  const notFound: ('problems' | 'other')[] = []
  const section = (part: 'problems' | 'other'): string => {
    if (map[part] === undefined) {
      notFound.push(part)
      return ''
    }
    return proseText(partRows(rows, map, part), format)
  }
  return {
    sections: { overview: proseText(overview, format), problems: section('problems'), other: section('other') },
    notFound
  }
}
