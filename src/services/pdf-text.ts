/**
 * The text layer of a PDF, with PDF.js (Mozilla's pure-JavaScript reader): each page's positioned text items,
 * handed to the pure layout in `domain/import/source-pdf.ts`. Fonts are not loaded and nothing is rendered: only
 * the content streams' text operators are read.
 */
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js'
import type { PdfPage } from '../domain/import/source-pdf.js'

/** Why a PDF could not be read, for the route to answer as a problem. */
export class PdfReadError extends Error {
  constructor (readonly reason: 'too-many-pages' | 'encrypted' | 'malformed', message: string) {
    super(message)
    this.name = 'PdfReadError'
  }
}

/**
 * Reads the text items of every page of a PDF, refusing one with more than `maxPages` pages before reading any
 * page, and a password-protected or broken one.
 */
export async function readPdfPages (bytes: Uint8Array, maxPages: number): Promise<PdfPage[]> {
  const task = getDocument({
    // PDF.js may detach the buffer it is given: hand it a copy so the caller's bytes stay readable.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS
  })
  let document
  try {
    document = await task.promise
  } catch (error) {
    await task.destroy()
    const name = (error as { name?: string }).name
    if (name === 'PasswordException') throw new PdfReadError('encrypted', 'The PDF is password-protected.')
    throw new PdfReadError('malformed', `The PDF could not be opened: ${(error as Error).message}`)
  }
  try {
    if (document.numPages > maxPages) {
      throw new PdfReadError('too-many-pages', `The PDF has ${document.numPages} pages; at most ${maxPages} are read.`)
    }
    const pages: PdfPage[] = []
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const content = await page.getTextContent({ disableNormalization: false })
      pages.push({
        items: content.items.filter((item): item is TextItem => 'str' in item).map((item) => {
          const [a = 1, b = 0, c = 0, d = 1, x = 0, y = 0] = item.transform as number[]
          return {
            text: item.str,
            x,
            y,
            width: item.width,
            height: item.height > 0 ? item.height : Math.hypot(c, d),
            // Rotated glyphs (b, c ≠ 0) or a run taller than wide that has several characters: printed vertically.
            vertical: Math.abs(b) > Math.abs(a) || (item.str.trim().length > 1 && item.height > 2 * item.width)
          }
        })
      })
      page.cleanup()
      // PDF.js reads in promise callbacks only, which never let the event loop turn: without this, a 200-page PDF
      // would hold every other request (and /healthz) for seconds. A page takes milliseconds.
      await new Promise((resolve) => setImmediate(resolve))
    }
    return pages
  } finally {
    await task.destroy()
  }
}
