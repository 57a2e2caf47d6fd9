/**
 * The printed shapes: the Word-exported page printed to PDF by headless Chromium (Debian's `chromium`, with a
 * Chinese font so the text layer has its characters), that PDF through `pdftotext` (poppler) with `-layout`, `-raw`
 * and in its reading order, the page's text as the browser copies it, and the Word document saved as a web page by
 * LibreOffice and printed to PDF by it, that PDF read as it is and through `pdftotext -layout`.
 * Each print takes about a second, so the suite renders few of them. `missingPrinters` says what this machine
 * lacks of what each needs.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Sample } from './generate.js'
import { wordDocument, wordHtml } from './shapes.js'
import type { Shape } from './shapes.js'

const run = promisify(execFile)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice'
export const PRINTERS_INSTALL = 'apt-get install -y --no-install-recommends chromium fonts-noto-cjk fontconfig poppler-utils libreoffice-writer-nogui'

/** Flags for a quiet, isolated, network-silent headless print (each print also gets a fresh profile). */
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--no-pdf-header-footer'
]

/**
 * How the page is printed: on A4 with the columns as wide as their text needs (the page's cell widths are the
 * generator's, not a document's), so a count is never broken inside its cell.
 */
const PRINT_STYLE = '@page{size:A4 landscape;margin:15mm} table{width:100%} td{width:auto !important;font-size:9pt} td p{white-space:nowrap}'

/**
 * The sample with its blank cells printed as "—". Chromium draws every cell's borders, so in the PDF itself a cell
 * printed empty is read as the blank it is, in every table, by the ruled grid. `pdftotext`'s text has no rulings:
 * there a cell printed empty is no text at all, and the reader can only place the other values of its row by the
 * columns of fully printed rows near it — which table 四 (one row of values) never has, table 二 not always, and
 * even table 三 not always decidably (pdftotext shifts lines holding wide numbers, so a value can sit over two
 * columns of the rows around it) — so that shape marks every blank.
 */
function markedBlanks (sample: Sample): Sample {
  const blocks = sample.blocks.map((block) => block.kind === 'table'
    ? { ...block, rows: block.rows.map((row) => row.map((cell) => cell.value && cell.text === '' ? { ...cell, text: '—' } : cell)) }
    : block)
  return { ...sample, blocks }
}

/** Prints a Word-exported page to PDF with Chromium as the layout shapes print it, in a directory removed afterwards. */
async function chromiumPrint (html: string): Promise<Buffer> {
  const directory = await mkdtemp(path.join(tmpdir(), 'layouts-print-'))
  try {
    const page = path.join(directory, 'report.html')
    const pdf = path.join(directory, 'report.pdf')
    await writeFile(page, html.replace('</style>', PRINT_STYLE + '</style>'))
    await run(CHROMIUM, [...FLAGS, `--user-data-dir=${path.join(directory, 'profile')}`, `--print-to-pdf=${pdf}`, page], { timeout: 90_000 })
    return await readFile(pdf)
  } finally {
    await rm(directory, { recursive: true, force: true })
  }
}

/** The pages printed so far (the last 64): the pdftotext shapes read one print of a sample, a second each saved. */
const prints = new Map<string, Promise<Buffer>>()
const KEPT_PRINTS = 64

/** A Word-exported page printed to PDF by Chromium: ruled tables, as a report's PDF attachment prints them. */
export async function printedPdf (html: string): Promise<Buffer> {
  let pdf = prints.get(html)
  if (pdf === undefined) {
    pdf = chromiumPrint(html)
    prints.set(html, pdf)
    for (const page of prints.keys()) if (prints.size > KEPT_PRINTS) prints.delete(page)
  }
  return await pdf
}

/** The blanks printed empty: Chromium draws every cell's borders, and the reader takes an empty cell as a blank. */
export const chromiumPdf: Shape = async (sample) => ({ body: await printedPdf(wordHtml(sample).body), type: 'pdf' })

/** A PDF's text as `pdftotext` prints it with `options`. */
async function pdftotext (pdf: Buffer, options: readonly string[]): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), 'layouts-text-'))
  try {
    const file = path.join(directory, 'report.pdf')
    await writeFile(file, pdf)
    return (await run('pdftotext', [...options, '-enc', 'UTF-8', file, '-'], { maxBuffer: 16 * 1024 * 1024 })).stdout
  } finally {
    await rm(directory, { recursive: true, force: true })
  }
}

/** The Word-exported page printed with its blanks marked, through `pdftotext` with `options`. */
async function printedText (sample: Sample, options: readonly string[]): Promise<string> {
  return await pdftotext(await printedPdf(wordHtml(markedBlanks(sample)).body), options)
}

export const chromiumPdftotext: Shape = async (sample) => ({ body: await printedText(sample, ['-layout']), type: 'text' })

/** That PDF through `pdftotext -raw`: the content stream's order, each table row's cells on a line, blanks as "/". */
export const chromiumPdftotextRaw: Shape = async (sample) => ({ body: await printedText(sample, ['-raw']), type: 'text' })

/**
 * That PDF through `pdftotext` without options: its reading order, which prints a ruled table's cells one per line and
 * often down its columns, so that whole tables cannot be placed and are said to be unread (see `PARTLY_READ`).
 */
export const chromiumPdftotextReadingOrder: Shape = async (sample) => ({ body: await printedText(sample, []), type: 'text' })

/**
 * Replaces the loaded page by its `innerText`, percent-encoded so that the serialised DOM gives it back exactly
 * (a no-break space would come out as "&nbsp;").
 */
const INNER_TEXT_SCRIPT = "<script>document.addEventListener('DOMContentLoaded',()=>{const text=document.body.innerText;" +
  "const out=document.createElement('pre');out.id='inner-text';out.textContent=encodeURIComponent(text);document.body.replaceChildren(out)})</script>"

/**
 * The Word-exported page's text as a browser copies it (`innerText`, close to what Ctrl+C copies as plain text): cells
 * separated by tabs, each cell's paragraph between blank lines, blank cells as no-break spaces, labels broken at
 * their `<br>`. Blank cells stay blank: the tabs place them.
 */
export const chromiumInnerText: Shape = async (sample) => {
  const directory = await mkdtemp(path.join(tmpdir(), 'layouts-copy-'))
  try {
    const page = path.join(directory, 'report.html')
    await writeFile(page, wordHtml(sample).body.replace('</body>', `${INNER_TEXT_SCRIPT}</body>`))
    const { stdout } = await run(CHROMIUM, [...FLAGS, `--user-data-dir=${path.join(directory, 'profile')}`, '--dump-dom', page], { timeout: 90_000, maxBuffer: 64 * 1024 * 1024 })
    const encoded = /<pre id="inner-text">([^<]*)<\/pre>/.exec(stdout)?.[1]
    if (encoded === undefined) throw new Error(`Chromium gave no innerText: ${stdout.slice(0, 200)}`)
    return { body: decodeURIComponent(encoded), type: 'text' }
  } finally {
    await rm(directory, { recursive: true, force: true })
  }
}

/**
 * The sample's Word document converted to PDF by LibreOffice, as an office suite prints an attachment: its own
 * widths, rows broken over pages (a label wrapped over lines is split between two pages) and long numbers wrapped in
 * narrow cells, sometimes on both sides of a page break. Such a number cannot be read whole, so this shape is read
 * partly by design (see `PARTLY_READ`). Each conversion has a profile of its own, removed afterwards.
 */
/** Converts the sample's Word document with LibreOffice to `format` (pdf, html) and reads what `read` makes of the file. */
async function libreofficeConvert<T> (sample: Sample, format: 'pdf' | 'html', read: (file: string) => Promise<T>): Promise<T> {
  const directory = await mkdtemp(path.join(tmpdir(), 'layouts-office-'))
  try {
    const document = path.join(directory, 'report.docx')
    await writeFile(document, (await wordDocument(sample)).body)
    await run(SOFFICE, ['--headless', `-env:UserInstallation=file://${path.join(directory, 'profile')}`, '--convert-to', format, '--outdir', directory, document], { timeout: 120_000 })
    return await read(path.join(directory, `report.${format}`))
  } finally {
    await rm(directory, { recursive: true, force: true })
  }
}

export const libreofficePdf: Shape = async (sample) => ({ body: await libreofficeConvert(sample, 'pdf', async (pdf) => await readFile(pdf)), type: 'pdf' })

/**
 * The Word document saved as a web page by LibreOffice, as an office suite other than Word exports one: its own
 * markup (`<col>` widths, `<p>` in every cell, rowspan and colspan), read back exactly.
 */
export const libreofficeHtml: Shape = async (sample) => ({ body: await libreofficeConvert(sample, 'html', async (page) => await readFile(page, 'utf8')), type: 'html' })

/**
 * That PDF through `pdftotext -layout`: the text a reviewer gets out of an office suite's attachment, with no
 * rulings, numbers wrapped in narrow cells printed as two pieces, and neighbouring cells of narrow columns run
 * together. Its blanks are printed as the form's "/" (an empty cell leaves no trace in such text).
 */
export const libreofficePdftotext: Shape = async (sample) => ({
  body: await libreofficeConvert(markedBlanks(sample), 'pdf', async (pdf) => await pdftotext(await readFile(pdf), ['-layout'])),
  type: 'text'
})

/** Printed shapes whose documents can lose cells to the printer: every cell read from them must still be exact. */
export const PARTLY_READ: Readonly<Record<string, Shape>> = {
  'libreoffice-pdf': libreofficePdf,
  'libreoffice-pdftotext': libreofficePdftotext,
  'chromium-pdftotext-reading-order': chromiumPdftotextReadingOrder
}

/** The printed shapes by name. */
export const PRINTED: Readonly<Record<string, Shape>> = {
  'chromium-pdf': chromiumPdf,
  'chromium-pdftotext': chromiumPdftotext,
  'chromium-pdftotext-raw': chromiumPdftotextRaw,
  'chromium-innertext': chromiumInnerText,
  'libreoffice-html': libreofficeHtml
}

async function installed (command: string, args: readonly string[]): Promise<boolean> {
  return await run(command, args).then(() => true, () => false)
}

/**
 * What this machine lacks for each printed shape: Chromium and a Chinese font (for the text, pdftotext too), or
 * LibreOffice and a Chinese font.
 */
export async function missingPrinters (): Promise<Readonly<Record<string, string[]>>> {
  const browser: string[] = []
  if (!existsSync(CHROMIUM)) browser.push(`Chromium (no ${CHROMIUM}; CHROMIUM_PATH names another)`)
  const fonts = await run('fc-list', [':lang=zh', 'family']).then(({ stdout }) => stdout.trim(), () => '')
  if (fonts === '') browser.push('a Chinese font (`fc-list :lang=zh` lists none)')
  const text = await installed('pdftotext', ['-v']) ? [] : ['pdftotext (poppler-utils)']
  const office = existsSync(SOFFICE) ? [] : [`LibreOffice (no ${SOFFICE}; SOFFICE_PATH names another)`]
  const font = fonts === '' ? ['a Chinese font (`fc-list :lang=zh` lists none)'] : []
  return {
    'chromium-pdf': browser,
    'chromium-pdftotext': [...browser, ...text],
    'chromium-pdftotext-raw': [...browser, ...text],
    'chromium-pdftotext-reading-order': [...browser, ...text],
    'chromium-innertext': browser,
    'libreoffice-html': office,
    'libreoffice-pdf': [...office, ...font],
    'libreoffice-pdftotext': [...office, ...font, ...text]
  }
}
