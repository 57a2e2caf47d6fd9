/**
 * HTML building with escaping by default: `html` is a tagged template that escapes every interpolated value
 * through `escapeHtml`, the one escape helper of the views, unless the value is itself built with `html`.
 * Text from users (prose, names, messages) can therefore never open a tag or leave an attribute.
 */

/**
 * A fragment of markup that is already safe to insert. `html` makes them; construct one directly only from a
 * constant written in the source (such as a stylesheet), never from data.
 */
export class SafeHtml {
  readonly text: string
  constructor (text: string) {
    this.text = text
  }

  toString (): string {
    return this.text
  }
}

/** What may be interpolated: markup, text or numbers (escaped), nothing (null, undefined, false) or lists of these. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[]

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }

/**
 * Escapes text for an HTML text node or a double- or single-quoted attribute value.
 *
 * Example: `escapeHtml('<script>"x" & \'y\'')` → `'&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;'`.
 */
export function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
}

function render (value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof SafeHtml) return value.text
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/**
 * Builds markup, escaping every interpolated value that is not already `SafeHtml`.
 *
 * Example: ``html`<p title="${'a"b'}">${'<b>'}</p>` `` → `<p title="a&quot;b">&lt;b&gt;</p>`.
 */
export function html (strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let text = strings[0] ?? ''
  values.forEach((value, index) => {
    text += render(value) + (strings[index + 1] ?? '')
  })
  return new SafeHtml(text)
}
