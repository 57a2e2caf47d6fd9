/**
 * JSON Pointers (RFC 6901), the way every finding, cell list and export names a place in the report body. Kept apart
 * from cells.ts so that tables.ts can build the pointers of the printed rows once (cells.ts reads tables.ts).
 */

/**
 * Builds an RFC 6901 JSON Pointer from path segments, escaping `~` and `/` inside a segment.
 *
 * Example: `pointer('requests', 'newReceived', 'total')` → `'/requests/newReceived/total'`.
 */
export function pointer (...segments: readonly string[]): string {
  let text = ''
  // Our keys never contain `~` or `/`, so the escaping (the costly part of this hot path) is rarely needed.
  for (const segment of segments) {
    text += '/' + (/[~/]/.test(segment) ? segment.replaceAll('~', '~0').replaceAll('/', '~1') : segment)
  }
  return text
}
