/**
 * Writes the importer's rows as markdown the way converters do: headings of the report's parts as `##` headings,
 * paragraphs as paragraphs, each table as a GFM pipe table with leading and trailing bars and a `|---|` row after
 * its first row, a merged label either repeated in every row it covers or left empty there.
 */
const PART_HEADING = /^[一二三四五六七八九十]+、/

type Row = { readonly cells: readonly string[] | null, readonly covered: readonly string[], readonly text: string }

/** Every row of a table has the width of its widest row (GFM cuts a row to its header's width): merged cells pad. */
export function markdownOf (rows: readonly Row[], merged: 'repeated' | 'empty'): string {
  const out: string[] = []
  let table: string[][] = []
  const flush = (): void => {
    if (table.length === 0) return
    const width = Math.max(...table.map((cells) => cells.length))
    const line = (cells: readonly string[]): string => `| ${[...cells, ...Array<string>(width - cells.length).fill('')].map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`
    out.push(line(table[0] ?? []), `|${Array<string>(width).fill('---').join('|')}|`, ...table.slice(1).map(line), '')
    table = []
  }
  for (const row of rows) {
    if (row.cells === null) {
      flush()
      out.push(PART_HEADING.test(row.text) && row.text.length <= 40 ? `## ${row.text}` : row.text, '')
      continue
    }
    table.push([...row.covered.map((label) => (merged === 'repeated' ? label : '')), ...row.cells])
  }
  flush()
  return out.join('\n')
}
