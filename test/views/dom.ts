/**
 * A few DOM queries over parse5's tree, for asserting on rendered pages (from the renderer, over HTTP or dumped
 * by Chromium) by structure instead of by substrings.
 */
import { parse, type DefaultTreeAdapterTypes, type ParserError } from 'parse5'

export type Element = DefaultTreeAdapterTypes.Element
type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document

export interface ParsedPage {
  readonly document: DefaultTreeAdapterTypes.Document
  /** What the HTML5 parser reported (a conforming page has none). */
  readonly errors: readonly ParserError[]
}

export function parsePage (text: string): ParsedPage {
  const errors: ParserError[] = []
  const document = parse(text, { onParseError: (error) => errors.push(error) })
  return { document, errors }
}

const isElement = (node: Node): node is Element => 'tagName' in node

function childrenOf (node: Node | DefaultTreeAdapterTypes.Template): Node[] {
  return 'childNodes' in node ? node.childNodes : []
}

/** Every element under `root` (document order) that satisfies `test`. */
export function findAll (root: Node, test: (element: Element) => boolean = () => true): Element[] {
  const found: Element[] = []
  const visit = (node: Node) => {
    if (isElement(node) && node !== root && test(node)) found.push(node)
    for (const child of childrenOf(node)) visit(child)
  }
  visit(root)
  return found
}

export function attr (element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value
}

export function classes (element: Element): string[] {
  return (attr(element, 'class') ?? '').split(/\s+/).filter((c) => c.length > 0)
}

export const byTag = (tag: string) => (element: Element) => element.tagName === tag
export const byClass = (name: string) => (element: Element) => classes(element).includes(name)
export const byAttr = (name: string, value?: string) => (element: Element) =>
  value === undefined ? attr(element, name) !== undefined : attr(element, name) === value

/** The one element under `root` satisfying `test`; throws when there is none or several. */
export function findOne (root: Node, test: (element: Element) => boolean, what = 'element'): Element {
  const found = findAll(root, test)
  if (found.length !== 1) throw new Error(`expected one ${what}, found ${found.length}`)
  return found[0] as Element
}

/** The text content of a node, whitespace as in the source. */
export function textOf (node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value
  return childrenOf(node).map(textOf).join('')
}

/** The numeric cells of a page by their JSON Pointer. */
export function cellsByPointer (root: Node): Map<string, Element> {
  return new Map(findAll(root, (el) => el.tagName === 'td' && attr(el, 'data-pointer') !== undefined)
    .map((el) => [attr(el, 'data-pointer') as string, el]))
}

/** The shown value of a numeric cell: the number without its year-over-year arrow. */
export function cellValue (cell: Element): string {
  return findAll(cell, byClass('gdr-value')).map(textOf).join('')
}
