/**
 * What a request body's text says before it is parsed: the charset its Content-Type declares, and whether its JSON
 * nests deeper than any report (an attack on the parser's or the validator's stack). Shared by the JSON body parser
 * and the routes that read bodies of their own (bulk NDJSON, imports).
 */

/** A report nests 4 levels deep; anything near this is an attack on the parser or the validator's stack. */
export const MAX_JSON_DEPTH = 32

/** Whether JSON text nests arrays and objects deeper than `max`, scanned without parsing it. */
export function exceedsJsonDepth (text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0
  let inString = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (inString) {
      if (code === 0x5c) index++ // backslash: skip the escaped character
      else if (code === 0x22) inString = false
    } else if (code === 0x22) {
      inString = true
    } else if (code === 0x7b || code === 0x5b) {
      if (++depth > max) return true
    } else if (code === 0x7d || code === 0x5d) {
      depth--
    }
  }
  return false
}

/** The `charset` parameter of a Content-Type header, lower-cased, if any. */
export function declaredCharset (contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')
  return match?.[1]?.toLowerCase()
}
