/**
 * What an import body is: its declared Content-Type weighed against its bytes, and text decoded in its charset.
 *
 * The rule: a body whose bytes carry a signature is what its bytes say — "%PDF-" is a PDF and a ZIP archive a Word
 * document, whatever the header — because clients often send the wrong type (`curl --data-binary` sends a form type,
 * some send PDFs as text/plain). A body declared as PDF or Word that carries no such signature is refused with 415:
 * it would be read as something its sender did not mean. Text is read as declared: `text/html` as a page,
 * `text/markdown` as markdown, `text/plain` as text, or as markdown when it has pipe-table delimiter rows or
 * headings; `application/octet-stream` is sniffed (HTML by its first tag, else markdown or text).
 */
import { TextDecoder } from 'node:util'
import { looksLikeMarkdown } from '../domain/import/source-markdown.js'
import { binarySignature, looksLikeHtml } from '../domain/import/sniff.js'
import { declaredCharset } from '../http/body-text.js'
import { ProblemError } from '../problems.js'
import type { PublishedDocument } from '../services/import-documents.js'

export const PDF_TYPE = 'application/pdf'
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** Media types the importer accepts, and what each is read as. */
export const IMPORT_MEDIA_TYPES = {
  [PDF_TYPE]: 'A PDF with a text layer.',
  [DOCX_TYPE]: 'A Word document (.docx).',
  'text/html': 'A published page (often exported from Word or WPS), in UTF-8, GBK or GB18030 (`charset`; without it, the one the page\'s `<meta>` names).',
  'text/markdown': 'Markdown: `#` headings and GFM pipe tables.',
  'text/plain': 'Text: copied from a page, `pdftotext -layout` output, one cell per line, or markdown.',
  'application/octet-stream': 'Any of the above, told apart by its bytes.'
} as const

/** Chinese pages are often GBK; GB18030 is its superset, so one decoder reads all three. */
const DECODERS: Readonly<Record<string, TextDecoder>> = {
  'utf-8': new TextDecoder('utf-8', { fatal: true }),
  utf8: new TextDecoder('utf-8', { fatal: true }),
  gbk: new TextDecoder('gb18030', { fatal: true }),
  gb2312: new TextDecoder('gb18030', { fatal: true }),
  gb18030: new TextDecoder('gb18030', { fatal: true })
}

/**
 * Decodes a text body in its declared charset. Without one, UTF-8 is expected, except for a body sent as
 * `application/octet-stream`, which says nothing about its text: UTF-8 is tried, then GB18030.
 */
function decodeText (body: Uint8Array, charset: string | undefined, sniffing: boolean): string {
  const name = charset ?? 'utf-8'
  const decoder = DECODERS[name]
  if (decoder === undefined) {
    throw new ProblemError('UNSUPPORTED_MEDIA_TYPE', `charset=${name} is not supported; send UTF-8, GBK or GB18030.`)
  }
  try {
    return decoder.decode(body)
  } catch {
    if (sniffing && charset === undefined) return decodeText(body, 'gb18030', false)
    throw new ProblemError('MALFORMED_JSON', `The body is not valid ${name === 'utf8' ? 'utf-8' : name} text.`)
  }
}

/** How far into a page its `<meta charset>` is looked for, as browsers do (the WHATWG encoding prescan). */
const META_PRESCAN_BYTES = 1024

/** `<meta charset="gbk">` or `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`. */
const META_CHARSET = /<meta\s[^>]*charset\s*=\s*["']?\s*([\w-]+)/i

/**
 * The charset a page names in a `<meta>` of its first 1024 bytes, lower case; undefined when it names none.
 *
 * Example: `metaCharset(Buffer.from('<html><head><meta charset="GB2312">'))` → `'gb2312'`.
 */
export function metaCharset (body: Uint8Array): string | undefined {
  const head = Buffer.from(body.subarray(0, META_PRESCAN_BYTES)).toString('latin1')
  return META_CHARSET.exec(head)?.[1]?.toLowerCase()
}

/** The media type without parameters, lower case: "text/plain; charset=gbk" → "text/plain". */
export function essenceOf (contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

/**
 * The document an import body holds, by the rule above.
 *
 * Example: `importedDocument(pdfBytes, 'text/plain')` → `{ type: 'pdf', bytes }`;
 * `importedDocument(Buffer.from('<p>x</p>'), 'application/pdf')` → throws 415.
 */
export function importedDocument (body: Uint8Array, contentType: string | undefined): PublishedDocument {
  const essence = essenceOf(contentType)
  const signature = binarySignature(body)
  if (signature === 'pdf') return { type: 'pdf', bytes: body }
  if (signature === 'zip') return { type: 'docx', bytes: body }
  if (signature === 'compound') {
    throw new ProblemError('UNSUPPORTED_MEDIA_TYPE',
      'The body is an OLE compound file: a Word 97–2003 document (.doc), an old Excel or PowerPoint file, or a password-protected Word file. ' +
      'Those are not read: save the report as .docx or PDF (without a password), or send its HTML page.')
  }
  if (essence === PDF_TYPE || essence === DOCX_TYPE) {
    throw new ProblemError('UNSUPPORTED_MEDIA_TYPE',
      `The body is sent as ${essence} but is not one: ${essence === PDF_TYPE ? 'a PDF starts with "%PDF-"' : 'a .docx file is a ZIP archive'}. Send it with the type of what it is.`)
  }
  const sniffing = essence === 'application/octet-stream'
  // A page saved from a site keeps the charset its <meta> names, not the header it was served with; a declared one wins.
  const pageCharset = essence === 'text/html' || sniffing ? metaCharset(body) : undefined
  const text = decodeText(body, declaredCharset(contentType) ?? pageCharset, sniffing && pageCharset === undefined)
  if (essence === 'text/html' || (sniffing && looksLikeHtml(text))) return { type: 'html', text }
  if (essence === 'text/markdown' || looksLikeMarkdown(text)) return { type: 'markdown', text }
  return { type: 'text', text }
}
