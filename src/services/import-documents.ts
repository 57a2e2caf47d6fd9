/**
 * A published document of any accepted type to the report the importer reads from it, and the source text kept
 * with a stored revision: PDFs through their text layer (PDF.js), Word documents through their HTML (mammoth),
 * markdown, HTML and plain text as they are. Each reader yields the importer's rows; the reading after that is one.
 */
import { DomainError } from '../domain/errors.js'
import { parseReportHtml, parseReportRows, parseReportText, type ImportHints, type ParseResult } from '../domain/import/index.js'
import { htmlRows } from '../domain/import/source-html.js'
import { markdownRows } from '../domain/import/source-markdown.js'
import { lacksTextLayer, pdfLayout, type PdfLayout } from '../domain/import/source-pdf.js'

export type DocumentType = 'pdf' | 'docx' | 'html' | 'markdown' | 'text'

/** A document to read: the bytes of a PDF or Word file, or the text (already decoded) of the others. */
export type PublishedDocument =
  | { readonly type: 'pdf' | 'docx', readonly bytes: Uint8Array }
  | { readonly type: 'html' | 'markdown' | 'text', readonly text: string }

export interface DocumentLimits {
  /** Most pages of a PDF that are read; a longer one is refused before any page is. */
  readonly maxPages: number
  /** Most characters of text (decoded, or extracted from a PDF or Word file) that are parsed. */
  readonly maxTextLength: number
}

export interface ReadDocument {
  readonly result: ParseResult
  /** The text the cells' line numbers refer to, kept with a stored revision: HTML for pages and Word files. */
  readonly source: { readonly text: string, readonly format: 'text' | 'html' }
}

/**
 * Thrown when a document has more pages or text than the limits, or its reading needs more memory or time than an
 * import reader has (import-readers.ts); the route answers 413.
 */
export class DocumentTooLargeError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'DocumentTooLargeError'
  }
}

function limited (text: string, limits: DocumentLimits, what: string): string {
  if (text.length > limits.maxTextLength) {
    throw new DocumentTooLargeError(`The ${what} is ${text.length} characters long; at most ${limits.maxTextLength} are read (IMPORT_TEXT_LIMIT).`)
  }
  return text
}

/**
 * The PDF and Word readers are loaded on first use: PDF.js alone adds about 100 MB to the memory of a process that
 * may never be sent a PDF.
 */
const pdfReader = async () => await import('./pdf-text.js')
const wordReader = async () => (await import('mammoth')).default

async function pdfText (bytes: Uint8Array, limits: DocumentLimits): Promise<PdfLayout> {
  const { PdfReadError, readPdfPages } = await pdfReader()
  let pages
  try {
    pages = await readPdfPages(bytes, limits.maxPages)
  } catch (error) {
    if (!(error instanceof PdfReadError)) throw error
    if (error.reason === 'too-many-pages') throw new DocumentTooLargeError(`${error.message} (IMPORT_MAX_PAGES)`)
    throw new DomainError('IMPORT_DOCUMENT_UNREADABLE', error.message)
  }
  if (lacksTextLayer(pages)) {
    throw new DomainError('IMPORT_NO_TEXT_LAYER',
      `The PDF's ${pages.length} page(s) carry no text layer: it is a scan (pictures of pages). Run it through OCR and import the text, or import the report's HTML page.`)
  }
  const layout = pdfLayout(pages)
  limited(layout.text, limits, 'text of the PDF')
  return layout
}

async function docxHtml (bytes: Uint8Array, limits: DocumentLimits): Promise<string> {
  try {
    const mammoth = await wordReader()
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
    return limited(value, limits, 'HTML of the Word document')
  } catch (error) {
    if (error instanceof DocumentTooLargeError) throw error
    throw new DomainError('IMPORT_DOCUMENT_UNREADABLE',
      `The ZIP archive is not a Word document (.docx) that can be read: ${(error as Error).message}`)
  }
}

/**
 * Reads a published document into a report and its parse record, with the source text to keep. A PDF without a
 * text layer, a damaged or encrypted PDF, a ZIP that is no Word document are refused (DomainError); a text longer
 * than the limits too (DocumentTooLargeError).
 */
export async function readPublishedDocument (document: PublishedDocument, hints: ImportHints, limits: DocumentLimits): Promise<ReadDocument> {
  switch (document.type) {
    case 'pdf': {
      const { text, rows } = await pdfText(document.bytes, limits)
      return { result: parseReportRows(rows, 'pdf', hints), source: { text, format: 'text' } }
    }
    case 'docx': {
      const html = await docxHtml(document.bytes, limits)
      return { result: parseReportRows(htmlRows(html), 'docx', hints), source: { text: html, format: 'html' } }
    }
    case 'markdown': {
      const text = limited(document.text, limits, 'text')
      return { result: parseReportRows(markdownRows(text), 'markdown', hints), source: { text, format: 'text' } }
    }
    case 'html':
      return { result: parseReportHtml(limited(document.text, limits, 'page'), hints), source: { text: document.text, format: 'html' } }
    case 'text':
      return { result: parseReportText(limited(document.text, limits, 'text'), hints), source: { text: document.text, format: 'text' } }
  }
}
