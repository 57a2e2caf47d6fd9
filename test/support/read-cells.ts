/**
 * What a partial import is checked against: the table cells of the report it was made from. A cell read must be
 * exactly the printed one, and a cell not read must be named among the unread parts (by its pointer or one over it).
 */
import type { ParseResult } from '../../src/domain/import/index.js'
import type { AnnualReport } from '../../src/domain/report.js'

/** The table cells of a report (or of a partial one) by JSON Pointer. */
export function tableCells (report: unknown): Map<string, unknown> {
  const cells = new Map<string, unknown>()
  const walk = (value: unknown, at: string): void => {
    if (value !== null && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, `${at}/${key}`)
    else cells.set(at, value)
  }
  const { proactive, requests, reviewLitigation } = (report ?? {}) as Partial<AnnualReport>
  walk({ proactive, requests, reviewLitigation }, '')
  return cells
}

/** What an import got wrong against the report printed: each cell read as another value, or neither read nor said to be unread. */
export function wrongCells (printed: AnnualReport, result: ParseResult): string[] {
  const read = tableCells(result.report)
  const unread = result.parse.unread.map((part) => part.pointer)
  const wrong: string[] = []
  for (const [pointer, value] of tableCells(printed)) {
    const said = unread.some((part) => pointer === part || pointer.startsWith(`${part}/`))
    if (read.get(pointer) === undefined && !said) wrong.push(`${pointer} is neither read nor said to be unread`)
    if (read.get(pointer) !== undefined && read.get(pointer) !== value) wrong.push(`${pointer} read as ${String(read.get(pointer))}, printed ${String(value)}`)
  }
  return wrong
}
