/**
 * The shapes a browser makes: the Word-exported page printed to PDF by headless Chromium (Debian's `chromium`,
 * with a Chinese font so the text layer has its characters), and that PDF through `pdftotext -layout` (poppler).
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
import { wordHtml } from './shapes.js'
import type { Shape } from './shapes.js'

const run = promisify(execFile)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const PRINTERS_INSTALL = 'apt-get install -y --no-install-recommends chromium fonts-noto-cjk fontconfig poppler-utils'

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
 * The sample with its blank cells printed as "—": a printed cell left empty is no text at all, which no reader of
 * the text layer can place (as in the text shapes).
 */
function markedBlanks (sample: Sample): Sample {
  const blocks = sample.blocks.map((block) => block.kind === 'table'
    ? { ...block, rows: block.rows.map((row) => row.map((cell) => cell.value && cell.text === '' ? { ...cell, text: '—' } : cell)) }
    : block)
  return { ...sample, blocks }
}

/**
 * Prints the sample's Word-exported page to PDF with Chromium, in a directory removed afterwards, and reads what
 * `read` makes of the PDF file.
 */
async function chromiumPrint<T> (sample: Sample, read: (pdf: string) => Promise<T>): Promise<T> {
  const directory = await mkdtemp(path.join(tmpdir(), 'layouts-print-'))
  try {
    const page = path.join(directory, 'report.html')
    const pdf = path.join(directory, 'report.pdf')
    await writeFile(page, wordHtml(markedBlanks(sample)).body.replace('</style>', PRINT_STYLE + '</style>'))
    await run(CHROMIUM, [...FLAGS, `--user-data-dir=${path.join(directory, 'profile')}`, `--print-to-pdf=${pdf}`, page], { timeout: 90_000 })
    return await read(pdf)
  } finally {
    await rm(directory, { recursive: true, force: true })
  }
}

export const chromiumPdf: Shape = async (sample) => ({ body: await chromiumPrint(sample, async (pdf) => await readFile(pdf)), type: 'pdf' })

export const chromiumPdftotext: Shape = async (sample) => ({
  body: await chromiumPrint(sample, async (pdf) => (await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 16 * 1024 * 1024 })).stdout),
  type: 'text'
})

/** The printed shapes by name. */
export const PRINTED: Readonly<Record<string, Shape>> = {
  'chromium-pdf': chromiumPdf,
  'chromium-pdftotext': chromiumPdftotext
}

async function installed (command: string, args: readonly string[]): Promise<boolean> {
  return await run(command, args).then(() => true, () => false)
}

/** What this machine lacks for each printed shape: Chromium and a Chinese font; for the text, pdftotext too. */
export async function missingPrinters (): Promise<Readonly<Record<string, string[]>>> {
  const browser: string[] = []
  if (!existsSync(CHROMIUM)) browser.push(`Chromium (no ${CHROMIUM}; CHROMIUM_PATH names another)`)
  const fonts = await run('fc-list', [':lang=zh', 'family']).then(({ stdout }) => stdout.trim(), () => '')
  if (fonts === '') browser.push('a Chinese font (`fc-list :lang=zh` lists none)')
  const text = await installed('pdftotext', ['-v']) ? [] : ['pdftotext (poppler-utils)']
  return { 'chromium-pdf': browser, 'chromium-pdftotext': [...browser, ...text] }
}
