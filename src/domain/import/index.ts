/**
 * The report importer's public surface: parse a published report (text or HTML) into our report JSON and a
 * parse record. See `parse-report.ts`.
 */
export { parseReportHtml, parseReportRows, parseReportText } from './parse-report.js'
export type { ImportHints, ParseProblem, ParseRecord, ParseResult, SourceCell, SourceFormat } from './types.js'
