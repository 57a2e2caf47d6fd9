/**
 * The shapes headless Chromium prints (printed.ts): the Word-exported page as a PDF, read directly and through
 * pdftotext (`-layout`, `-raw`: exact; its reading order: nothing wrong), and the page's text as the browser copies
 * it. Each print costs a second, so the suite prints 3 random documents per shape (LAYOUT_PRINTED_RUNS overrides)
 * and one corpus report; without Chromium, a Chinese font or pdftotext a shape is skipped, saying what is missing.
 */
import t from 'tap'
import { checkPrintedShapes } from './properties.js'

await checkPrintedShapes(t, 'chromium')
