/**
 * The shapes LibreOffice makes of the reports' Word documents (printed.ts): a web page, read back exactly, and a PDF,
 * which breaks rows over pages and wraps long numbers, read as it is and through `pdftotext -layout` with every cell
 * read exact and every other said to be unread. 3 random documents per shape in the suite (LAYOUT_PRINTED_RUNS
 * overrides) and one corpus report; without LibreOffice, a Chinese font or pdftotext a shape is skipped, saying why.
 */
import t from 'tap'
import { checkPrintedShapes } from './properties.js'

await checkPrintedShapes(t, 'libreoffice')
