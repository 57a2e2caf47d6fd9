/**
 * The ruled tables of a PDF page, from the lines drawn on it: a report printed from Word, WPS, LibreOffice or a
 * browser draws its tables' borders as stroked lines or as thin filled rectangles, and where horizontal and vertical
 * rulings cross they make a grid. A cell is a box closed by rulings on every side; a ruling left out between two
 * boxes merges them (a colspan or rowspan), so the grid says which cell each printed word is in — and that a cell
 * with no word in it was printed empty, which laid-out text cannot say. Pure geometry: no text here.
 */

/** A straight line drawn on a page, from (x1, y1) to (x2, y2) in page units (y upwards). */
export interface PdfRule {
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
}

/** A cell of a ruled grid: its box and the slots it covers (rows counted from the top, columns from the left). */
export interface RuledCell {
  readonly left: number
  readonly right: number
  readonly top: number
  readonly bottom: number
  readonly row: number
  readonly col: number
  readonly rowspan: number
  readonly colspan: number
}

/**
 * A grid: the rulings' positions (`xs` left to right, `ys` top to bottom), its cells in the order of their top left
 * slot, and for each slot (row by row) the index of the cell covering it.
 */
export interface RuledGrid {
  readonly xs: readonly number[]
  readonly ys: readonly number[]
  readonly cells: readonly RuledCell[]
  readonly slots: readonly number[]
  /**
   * How many of its rows start two cells or more. A table has two such rows at least (as HTML's data tables are
   * told from layout tables); one alone is a table's row only as the part of a table broken over pages.
   */
  readonly wide: number
}

/**
 * Distance within which drawn lines are one ruling: Chromium draws each cell's edges apart, a fraction of a point off
 * its neighbours', and Word draws a 1.5-point border as a line whose ends overlap the crossing ones. A table row is
 * never this thin.
 */
const SNAP = 2

/** Shortest stroke counted as a ruling: shorter ones are dots, ticks and dashes. */
const MIN_RULE_LENGTH = 3

/** A line this far from level (or plumb) over its length is no ruling: a diagonal, or a rotated page's drawing. */
const SLANT = 0.5

/** Coordinates beyond this (points: a page is at most a few thousand) are no table on the page. */
const COORDINATE_LIMIT = 100_000

/** Most drawn lines a page may have for its grids to be looked for: more is a drawing or a chart, not a form. */
const MAX_RULES = 20_000

/** Most rulings of one direction after joining: a page holds at most about a hundred table rows. */
const MAX_RULINGS = 400

/** Most slots (rows × columns) of one grid. */
const MAX_SLOTS = 20_000

/** A ruling: at `at` (y of a horizontal one, x of a vertical one), from `from` to `to` along it. */
interface Ruling {
  readonly at: number
  readonly from: number
  readonly to: number
}

function isCoordinate (value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= COORDINATE_LIMIT
}

/**
 * The level and the plumb lines among the drawn ones, as rulings along their direction; slanted, tiny and
 * out-of-page lines are dropped.
 */
function levelAndPlumb (rules: readonly PdfRule[]): { horizontal: Ruling[], vertical: Ruling[] } {
  const horizontal: Ruling[] = []
  const vertical: Ruling[] = []
  for (const { x1, y1, x2, y2 } of rules) {
    if (![x1, y1, x2, y2].every(isCoordinate)) continue
    const dx = Math.abs(x2 - x1)
    const dy = Math.abs(y2 - y1)
    if (dy <= SLANT && dx >= MIN_RULE_LENGTH) horizontal.push({ at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) })
    else if (dx <= SLANT && dy >= MIN_RULE_LENGTH) vertical.push({ at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) })
  }
  return { horizontal, vertical }
}

/**
 * Things at positions a snap apart at most, grouped (in ascending order of position); a group spans at most two
 * snaps, so a run of close lines (a hatching) does not fuse into one.
 */
function snapGroups<T> (things: readonly T[], at: (thing: T) => number): T[][] {
  const sorted = [...things].sort((a, b) => at(a) - at(b))
  const groups: T[][] = []
  for (const thing of sorted) {
    const group = groups.at(-1)
    const first = group?.[0]
    const last = group?.at(-1)
    if (group !== undefined && first !== undefined && last !== undefined && at(thing) - at(last) <= SNAP && at(thing) - at(first) <= 2 * SNAP) group.push(thing)
    else groups.push([thing])
  }
  return groups
}

function mean (values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length)
}

/**
 * Positions a snap apart at most, grouped (see `snapGroups`), each group stood for by its mean.
 *
 * Example: `snapped([100, 100.75, 130])` → `[100.375, 130]`.
 */
export function snapped (positions: readonly number[]): number[] {
  return snapGroups(positions, (p) => p).map(mean)
}

/**
 * Joins drawn lines into rulings: lines at one position (within a snap) whose extents touch or overlap are one
 * ruling (Chromium draws every cell's edge on its own; a border may be drawn in dashes).
 */
function joined (lines: readonly Ruling[]): Ruling[] {
  const out: Ruling[] = []
  for (const group of snapGroups(lines, (line) => line.at)) {
    const at = mean(group.map((line) => line.at))
    group.sort((a, b) => a.from - b.from)
    let current: { from: number, to: number } | undefined
    for (const line of group) {
      if (current !== undefined && line.from <= current.to + SNAP) {
        current.to = Math.max(current.to, line.to)
        continue
      }
      if (current !== undefined) out.push({ at, ...current })
      current = { from: line.from, to: line.to }
    }
    if (current !== undefined) out.push({ at, ...current })
  }
  return out
}

/** Union-find over indices: the connected groups of crossing rulings, and of the slots one cell covers. */
function findRoot (parent: number[], i: number): number {
  let root = i
  while (parent[root] !== root) root = parent[root] ?? root
  for (let k = i; parent[k] !== root;) {
    const next = parent[k] ?? root
    parent[k] = root
    k = next
  }
  return root
}

function unite (parent: number[], a: number, b: number): void {
  const ra = findRoot(parent, a)
  const rb = findRoot(parent, b)
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
}

function crosses (h: Ruling, v: Ruling): boolean {
  return v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP
}

/** The groups of rulings that cross each other (a table, or a frame), each as its horizontal and vertical rulings. */
function crossingGroups (horizontal: readonly Ruling[], vertical: readonly Ruling[]): { horizontal: Ruling[], vertical: Ruling[] }[] {
  const parent = Array.from({ length: horizontal.length + vertical.length }, (_, i) => i)
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => { if (crosses(h, v)) unite(parent, i, horizontal.length + j) })
  })
  const groups = new Map<number, { horizontal: Ruling[], vertical: Ruling[] }>()
  const groupOf = (i: number): { horizontal: Ruling[], vertical: Ruling[] } => {
    const root = findRoot(parent, i)
    const group = groups.get(root) ?? { horizontal: [], vertical: [] }
    groups.set(root, group)
    return group
  }
  horizontal.forEach((h, i) => groupOf(i).horizontal.push(h))
  vertical.forEach((v, j) => groupOf(horizontal.length + j).vertical.push(v))
  return [...groups.values()]
}

/** Rulings by their position, for looking up whether one runs along a slot's side. */
function byPosition (rulings: readonly Ruling[]): Map<number, Ruling[]> {
  const map = new Map<number, Ruling[]>()
  for (const r of rulings) {
    const list = map.get(r.at)
    if (list === undefined) map.set(r.at, [r])
    else list.push(r)
  }
  return map
}

/** Whether a ruling at `at` runs the whole way from `from` to `to` (up to a snap at either end). */
function ruled (rulings: ReadonlyMap<number, readonly Ruling[]>, at: number, from: number, to: number): boolean {
  return (rulings.get(at) ?? []).some((r) => r.from <= from + SNAP && r.to >= to - SNAP)
}

/**
 * The top and bottom of a table broken over pages, where the printer draws no border: a cell merged over rows that
 * goes on from the page before has no ruling on top, and the last row before the break none below. Where the
 * table's two outermost verticals end at the same height, that is its edge, drawn or not: a horizontal ruling
 * there is taken to run between them (on the drawn ruling's position when one is within a snap). A table whose
 * corner cell is left open on purpose has an outer vertical that stops short, and gets none.
 *
 * Example: verticals at x 0 and 200 from y 0 to 60, horizontals at y 60 and 30 only → a ruling at y 0 from 0 to 200.
 */
function pageBreakEdges (horizontal: readonly Ruling[], vertical: readonly Ruling[]): Ruling[] {
  const xs = vertical.map((v) => v.at)
  const left = Math.min(...xs)
  const right = Math.max(...xs)
  const outer = (at: number): Ruling[] => vertical.filter((v) => v.at === at)
  const ends = (at: number, end: (v: Ruling) => number, pick: (...values: number[]) => number): number => pick(...outer(at).map(end))
  const positions = horizontal.map((h) => h.at)
  const edge = (a: number, b: number): Ruling[] => {
    if (Math.abs(a - b) > SNAP) return []
    const near = positions.find((p) => Math.abs(p - (a + b) / 2) <= SNAP)
    return [{ at: near ?? (a + b) / 2, from: left, to: right }]
  }
  if (vertical.length < 2 || left === right) return []
  return [
    ...edge(ends(left, (v) => v.to, Math.max), ends(right, (v) => v.to, Math.max)),
    ...edge(ends(left, (v) => v.from, Math.min), ends(right, (v) => v.from, Math.min))
  ]
}

/**
 * The grid of one group of crossing rulings, or null when it is none: fewer than two columns, a merged region that
 * is not a rectangle, a cell left open on the table's edge (not every box is closed), or no row that starts two
 * cells (a frame, or a box with a rule across it).
 */
function gridOf (drawn: readonly Ruling[], vertical: readonly Ruling[]): RuledGrid | null {
  const horizontal = [...drawn, ...pageBreakEdges(drawn, vertical)]
  const ys = [...new Set(horizontal.map((h) => h.at))].sort((a, b) => b - a)
  const xs = [...new Set(vertical.map((v) => v.at))].sort((a, b) => a - b)
  const rows = ys.length - 1
  const cols = xs.length - 1
  if (rows < 1 || cols < 2 || rows * cols > MAX_SLOTS) return null
  const x = (j: number): number => xs[j] ?? 0
  const y = (i: number): number => ys[i] ?? 0
  const verticalAt = byPosition(vertical)
  const horizontalAt = byPosition(horizontal)
  /** A ruling closes slot (i, j) on its left (j) or on top (i). */
  const leftRuled = (i: number, j: number): boolean => ruled(verticalAt, x(j), y(i + 1), y(i))
  const topRuled = (i: number, j: number): boolean => ruled(horizontalAt, y(i), x(j), x(j + 1))
  const parent = Array.from({ length: rows * cols }, (_, k) => k)
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (j + 1 < cols && !leftRuled(i, j + 1)) unite(parent, i * cols + j, i * cols + j + 1)
      if (i + 1 < rows && !topRuled(i + 1, j)) unite(parent, i * cols + j, (i + 1) * cols + j)
    }
  }
  for (let i = 0; i < rows; i++) if (!leftRuled(i, 0) || !leftRuled(i, cols)) return null
  for (let j = 0; j < cols; j++) if (!topRuled(0, j) || !topRuled(rows, j)) return null
  const extent = new Map<number, { top: number, bottom: number, left: number, right: number, count: number }>()
  for (let k = 0; k < rows * cols; k++) {
    const root = findRoot(parent, k)
    const i = Math.floor(k / cols)
    const j = k % cols
    const e = extent.get(root)
    if (e === undefined) extent.set(root, { top: i, bottom: i, left: j, right: j, count: 1 })
    else extent.set(root, { top: Math.min(e.top, i), bottom: Math.max(e.bottom, i), left: Math.min(e.left, j), right: Math.max(e.right, j), count: e.count + 1 })
  }
  const cells: RuledCell[] = []
  const indexOf = new Map<number, number>()
  // Roots are the smallest slot of their region, so in slot order the cells come by their top left slot.
  for (let k = 0; k < rows * cols; k++) {
    const e = extent.get(k)
    if (findRoot(parent, k) !== k || e === undefined) continue
    if ((e.bottom - e.top + 1) * (e.right - e.left + 1) !== e.count) return null
    indexOf.set(k, cells.length)
    cells.push({ left: x(e.left), right: x(e.right + 1), top: y(e.top), bottom: y(e.bottom + 1), row: e.top, col: e.left, rowspan: e.bottom - e.top + 1, colspan: e.right - e.left + 1 })
  }
  const starting = new Map<number, number>()
  for (const cell of cells) starting.set(cell.row, (starting.get(cell.row) ?? 0) + 1)
  const wide = [...starting.values()].filter((n) => n >= 2).length
  if (wide === 0) return null
  const slots = Array.from({ length: rows * cols }, (_, k) => indexOf.get(findRoot(parent, k)) ?? 0)
  return { xs, ys, cells, slots, wide }
}

/**
 * The ruled grids a page's drawn lines make: groups of crossing horizontal and vertical rulings whose boxes are all
 * closed. Pages with no rulings, or with too many to be a form's tables, have none.
 *
 * Example: the four sides of a box 0–200 × 0–60 with a vertical at x 100 and a horizontal at y 30 → one grid with
 * `xs` [0, 100, 200], `ys` [60, 30, 0], four 1×1 cells and `wide` 2.
 */
export function ruledGrids (rules: readonly PdfRule[]): RuledGrid[] {
  if (rules.length === 0 || rules.length > MAX_RULES) return []
  const { horizontal, vertical } = levelAndPlumb(rules)
  const h = joined(horizontal)
  const v = joined(vertical)
  if (h.length > MAX_RULINGS || v.length > MAX_RULINGS) return []
  return crossingGroups(h, v).flatMap((group) => {
    const grid = gridOf(group.horizontal, group.vertical)
    return grid === null ? [] : [grid]
  })
}

/** The index of the slot's position among `edges` (sorted as `ascending` says) that `value` lies between, or -1 outside. */
function bandOf (edges: readonly number[], value: number, ascending: boolean): number {
  for (let k = 0; k + 1 < edges.length; k++) {
    const a = edges[k] ?? 0
    const b = edges[k + 1] ?? 0
    if (ascending ? value >= a && value < b : value <= a && value > b) return k
  }
  return -1
}

/**
 * The index of the grid's cell the point lies in, or -1 outside the grid.
 *
 * Example: in the four-cell grid of `ruledGrids`' example, (150, 45) → 1 (the top right cell).
 */
export function cellAt (grid: RuledGrid, x: number, y: number): number {
  const j = bandOf(grid.xs, x, true)
  const i = bandOf(grid.ys, y, false)
  if (i < 0 || j < 0) return -1
  return grid.slots[i * (grid.xs.length - 1) + j] ?? -1
}
