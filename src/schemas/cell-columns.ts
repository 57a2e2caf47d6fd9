/**
 * Every numeric cell of both templates as an export column: its JSON Pointer and its Chinese label,
 * read from the report schema itself so that the columns can never disagree with the contract.
 */
import { REPORT_COMPONENTS } from './report.js'

export interface CellColumn {
  readonly pointer: string
  /** The form's label, e.g. `三、本年度办理结果 （三）不予公开 1.属于国家秘密（自然人）`. */
  readonly label: string
}

interface SchemaNode {
  readonly $id?: string
  readonly $ref?: string
  readonly title?: string
  readonly type?: string | readonly string[]
  readonly anyOf?: readonly SchemaNode[]
  readonly properties?: Readonly<Record<string, SchemaNode>>
}

const components = new Map((REPORT_COMPONENTS as readonly SchemaNode[]).map((schema) => [schema.$id, schema]))

function isNumeric (node: SchemaNode): boolean {
  const types = Array.isArray(node.type) ? node.type : [node.type]
  return types.includes('integer') || types.includes('number')
}

/**
 * Walks a schema to its numeric leaves. `groups` are the titles of the enclosing groups (e.g.
 * 三、本年度办理结果, （三）不予公开) that the leaf's own title, which already names its row, leaves out.
 */
function collect (node: SchemaNode, pointer: string, groups: readonly string[], out: CellColumn[]): void {
  const resolved = node.$ref === undefined ? node : components.get(node.$ref)
  if (resolved === undefined) throw new Error(`unknown schema ${node.$ref}`)
  for (const branch of resolved.anyOf ?? []) collect(branch, pointer, groups, out)
  if (isNumeric(resolved)) {
    out.push({ pointer, label: [...groups, resolved.title ?? pointer].join(' ') })
    return
  }
  const entries = Object.entries(resolved.properties ?? {})
  // A row (an object of cells) is named by its cells' titles; a group of rows adds its own title.
  const isRow = entries.every(([, child]) => isNumeric(child))
  const childGroups = isRow || resolved.title === undefined || pointer.split('/').length <= 2 ? groups : [...groups, resolved.title]
  for (const [key, child] of entries) collect(child, `${pointer}/${key}`, childGroups, out)
}

function tableColumns (): CellColumn[] {
  const columns: CellColumn[] = []
  for (const id of ['Report2021', 'Report2019']) {
    const report = components.get(id)
    for (const table of ['proactive', 'requests', 'reviewLitigation']) {
      const node = report?.properties?.[table]
      if (node !== undefined) collect(node, `/${table}`, [], columns)
    }
  }
  const seen = new Set<string>()
  return columns.filter((column) => seen.has(column.pointer) ? false : (seen.add(column.pointer), true))
}

/** The cells of tables 二, 三 and 四 of both templates, 2021 first, in the order of the form. */
export const CELL_COLUMNS: readonly CellColumn[] = tableColumns()
