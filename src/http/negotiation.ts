/**
 * Proactive content negotiation on `Accept` (RFC 9110 §12.5.1): which of the media types a route offers
 * the client prefers, by quality value, then by how specifically the client named it, then in the route's order.
 */

interface MediaRange {
  readonly type: string
  readonly subtype: string
  readonly q: number
  /** Whether the range names media-type parameters (e.g. `charset=utf-8`). */
  readonly parameters: boolean
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/

/** Parses one element of `Accept`, or undefined when it is malformed (it is then ignored). */
function parseRange (element: string): MediaRange | undefined {
  const [range = '', ...parameters] = element.split(';').map((part) => part.trim())
  const [type = '', subtype = '', extra] = range.toLowerCase().split('/')
  if (extra !== undefined || !TOKEN.test(type) || !TOKEN.test(subtype) || (type === '*' && subtype !== '*')) return undefined
  let q = 1
  let named = 0
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=').map((part) => part.trim())
    // The weight ends the media-type parameters; what follows it are extensions, ignored as RFC 9110 allows.
    if (name.toLowerCase() === 'q') {
      if (!QVALUE.test(value)) return undefined
      q = Number(value)
      break
    }
    if (name !== '') named++
  }
  return { type, subtype, q, parameters: named > 0 }
}

/** 3 for `type/subtype`, 2 for `type/*`, 1 for `*\/*`, 0 when the range does not match the media type. */
function specificity (range: MediaRange, type: string, subtype: string): number {
  if (range.type === '*') return 1
  if (range.type !== type) return 0
  if (range.subtype === '*') return 2
  return range.subtype === subtype ? 3 : 0
}

/**
 * Picks the offered media type the `Accept` header prefers. Each offer takes the quality of the most specific range
 * that matches it (a range with media-type parameters, such as `;charset=utf-8`, still matches, but a range without
 * them wins over it); `q=0` refuses it. Offers are then ranked
 * by quality, ties by the specificity of that range (named beats wildcard), remaining ties by the order of `offers`.
 * A missing or empty header (or one with no well-formed element) accepts anything, so the first offer wins;
 * malformed elements are skipped. Undefined when every offer is refused.
 *
 * Examples, with offers `['application/json', 'text/html']`:
 * - no header, `*\/*`, or `text/html, application/json` → `'application/json'` (ties keep the route's order)
 * - a browser's `text/html,application/xhtml+xml,application/xml;q=0.9,*\/*;q=0.8` → `'text/html'`
 * - `text/html;q=0.5, application/json;q=0.4` → `'text/html'`; `text/html, *\/*` → `'text/html'`
 * - `image/png` or `application/json;q=0, text/html;q=0` → `undefined`
 */
export function preferredMediaType<T extends string> (accept: string | undefined, offers: readonly T[]): T | undefined {
  const ranges = (accept ?? '').split(',').map(parseRange).filter((range) => range !== undefined)
  if (ranges.length === 0) return offers[0]
  let best: { offer: T, q: number, specificity: number } | undefined
  for (const offer of offers) {
    const [type = '', subtype = ''] = offer.toLowerCase().split('/')
    let match: { q: number, specificity: number, parameters: boolean } | undefined
    for (const range of ranges) {
      const s = specificity(range, type, subtype)
      if (s === 0) continue
      // Our offers carry no parameters, so `text/html` describes them better than `text/html;level=1`.
      if (match === undefined || s > match.specificity || (s === match.specificity && match.parameters && !range.parameters)) {
        match = { q: range.q, specificity: s, parameters: range.parameters }
      }
    }
    if (match === undefined || match.q === 0) continue
    if (best === undefined || match.q > best.q || (match.q === best.q && match.specificity > best.specificity)) {
      best = { offer, q: match.q, specificity: match.specificity }
    }
  }
  return best?.offer
}

/** Whether the request prefers `text/html` to the default `application/json`; anything else (no Accept, `*\/*`) means JSON. */
export function prefersHtml (accept: string | undefined): boolean {
  return preferredMediaType(accept, ['application/json', 'text/html'] as const) === 'text/html'
}
