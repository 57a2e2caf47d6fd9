/**
 * POST /v1/imports — a published report (a PDF, a Word document, an HTML page, markdown or text) turned into our
 * JSON, with the parse record and the findings; with `store=true` it is also stored, its source text kept with it.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { TSchema } from 'typebox'
import { DomainError } from '../domain/errors.js'
import type { ImportHints } from '../domain/import/index.js'
import { actorOf, grantOf } from '../http/caller.js'
import { compileCheckOf } from '../http/compiled-checks.js'
import { toFieldErrors } from '../http/field-errors.js'
import { ProblemError } from '../problems.js'
import { AnalysisResultSchema } from '../schemas/analysis.js'
import { CreditCodeSchema, KindSchema, RegionCodeSchema, YearSchema } from '../schemas/common.js'
import { COMMON_PROBLEM_RESPONSES, problemResponse } from '../schemas/problem.js'
import { AnnualReportSchema } from '../schemas/report.js'
import { ParseRecordSchema, PartialReportSchema } from '../schemas/imports.js'
import { DocumentTooLargeError, type DocumentLimits } from '../services/import-documents.js'
import { type ImportReaders, ReadersBusyError } from '../services/import-readers.js'
import { checkImportedReport } from '../services/reports.js'
import { validationJson } from './analysis/representation.js'
import { IMPORT_MEDIA_TYPES, importedDocument } from './import-content.js'
import { assertConstraints } from './reports/constraints.js'
import { reportHref } from './reports/representation.js'

export interface ImportRoutesOptions {
  readonly now: () => Date
  readonly components: readonly TSchema[]
  /** Largest body, in bytes (IMPORT_BODY_LIMIT). */
  readonly bodyLimit: number
  readonly limits: DocumentLimits
  /** The worker threads that read the documents, as many as are read at once (IMPORT_CONCURRENCY). */
  readonly readers: ImportReaders
}

const MiB = 1024 * 1024

const importRoutes: FastifyPluginAsyncTypebox<ImportRoutesOptions> = async (app, { now, components, bodyLimit, limits, readers }) => {
  // Encapsulated in this plugin: documents are accepted here only, every other route still answers 415. The bytes
  // are kept as they came: what they are is decided from them and the header together (see import-content.ts).
  app.addContentTypeParser(Object.keys(IMPORT_MEDIA_TYPES), { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    done(null, body)
  })
  const checkReport = compileCheckOf(components, AnnualReportSchema)

  app.post('/v1/imports', {
    // Reading a text is open to all readers; `store=true` checks the key's agencies in the handler.
    config: { access: 'read', idempotent: true },
    bodyLimit,
    schema: {
      operationId: 'importReport',
      tags: ['imports'],
      summary: 'Import a published report',
      description: 'Reads a report as published — a PDF (`application/pdf`, with a text layer), a Word document (`.docx`), an HTML page ' +
        '(`text/html`), markdown (`text/markdown`), or its text (`text/plain`: text copied from a page, `pdftotext -layout` output, ' +
        'one cell per line, or markdown) in UTF-8, GBK or GB18030 — into the report JSON. What a body is comes from its bytes as well as ' +
        'its type: a body starting with `%PDF-` is read as a PDF and a ZIP archive as a Word document whatever the `Content-Type`, a body ' +
        'declared PDF or Word that is neither is refused (415), and `application/octet-stream` is told apart by its bytes. Answers the report, ' +
        'the parse record (layouts found, the source text of every cell, problems, confidence) and its findings. ' +
        'Query parameters supply what the text does not say. With `store=true` the report is stored as by `POST /v1/reports` ' +
        'and the source text is kept with the revision. A number that cannot be read is reported, never guessed: a text read in part ' +
        'answers `complete: false` with every cell read, and `parse.unread` lists each cell left out, why, and the source lines it was ' +
        'looked for in; fill those in and send the report to `POST /v1/reports`. `store=true` refuses an incomplete report (`IMPORT_INCOMPLETE`).',
      querystring: Type.Object({
        agencyCode: Type.Optional(CreditCodeSchema),
        agencyName: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Name of the agency.' })),
        regionCode: Type.Optional(RegionCodeSchema),
        kind: Type.Optional(KindSchema),
        year: Type.Optional(YearSchema('Report year, when the text does not state it.')),
        sourceUrl: Type.Optional(Type.String({ maxLength: 2000, description: 'Where the report was published.' })),
        store: Type.Optional(Type.Boolean({ default: false, description: 'Also store the report.' })),
        strict: Type.Optional(Type.Boolean({ default: false, description: 'With `store`: refuse a report on which a rule of severity error fails.' }))
      }, { additionalProperties: false }),
      consumes: Object.keys(IMPORT_MEDIA_TYPES),
      // The bytes as sent: a PDF or Word file, or text in its charset.
      body: Type.Unsafe<Buffer>({ description: `The published report. ${Object.entries(IMPORT_MEDIA_TYPES).map(([type, what]) => `\`${type}\`: ${what}`).join(' ')}` }),
      response: {
        200: {
          description: 'The report read, how it was read, its findings, and where it was stored if `store=true`.',
          content: {
            'application/json': {
              schema: Type.Object({
                complete: Type.Boolean({ description: 'Every cell and required field was read; false: `report` is partial and `parse.unread` says what is left out.' }),
                report: Type.Union([AnnualReportSchema, PartialReportSchema], { description: 'The report read; when incomplete, as far as it was read.' }),
                parse: ParseRecordSchema,
                analysis: Type.Union([AnalysisResultSchema, Type.Null()], { description: 'The findings of the report; null when it is incomplete.' }),
                stored: Type.Union([
                  Type.Object({
                    id: Type.Integer({ description: 'Id of the stored report.' }),
                    revision: Type.Integer({ description: 'Its revision.' }),
                    href: Type.String({ description: 'Its URL.' }),
                    outcome: Type.Union([Type.Literal('created'), Type.Literal('replayed')], { description: '`replayed`: the same report was already stored.' })
                  }, { additionalProperties: false }),
                  Type.Null()
                ], { description: 'Null unless `store=true`.' })
              }, { additionalProperties: false })
            }
          }
        },
        400: problemResponse('Empty body, text that is not valid in its charset, or invalid query parameters.'),
        429: problemResponse('As many imports as the service reads at once are being read (`IMPORT_CONCURRENCY`); retry after `Retry-After` seconds (`RATE_LIMITED`).'),
        403: problemResponse('With `store=true`: the API key may not write reports of this agency (`FORBIDDEN`).'),
        409: problemResponse('With `store=true`: a different report is stored for this agency, year and kind (`REPORT_EXISTS`).'),
        413: problemResponse(`The body exceeds \`IMPORT_BODY_LIMIT\` (${bodyLimit / MiB} MiB here), its text \`IMPORT_TEXT_LIMIT\` characters, or a PDF \`IMPORT_MAX_PAGES\` pages; ` +
          'or reading the document needs more memory than `IMPORT_WORKER_MEMORY_MB` or more time than `IMPORT_TIMEOUT_MS` (the reading is stopped; the service goes on).'),
        415: problemResponse('Not one of the accepted types, a body declared PDF or Word that is not one, or an unsupported charset.'),
        422: problemResponse('Not one cell of a report could be read (`IMPORT_UNREADABLE`, with `missing` and `parseProblems`), with `store=true` the report read is incomplete (`IMPORT_INCOMPLETE`, with `missing` and `unread`; nothing is stored), a PDF is a scan without a text layer (`IMPORT_NO_TEXT_LAYER`), a PDF or Word file is damaged or encrypted (`IMPORT_DOCUMENT_UNREADABLE`), the report read is invalid (`IMPORT_INVALID`, with `errors`), or with `strict` a rule of severity error failed (`REPORT_INCONSISTENT`).'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request) => {
    const { store = false, strict = false, ...hints } = request.query
    // Fastify skips the parser of an empty body; a JSON body was parsed by the app's parser.
    const body: unknown = request.body ?? Buffer.alloc(0)
    if (!Buffer.isBuffer(body)) {
      throw new ProblemError('UNSUPPORTED_MEDIA_TYPE', 'A published document is imported here; send report JSON to POST /v1/reports.')
    }
    if (body.length === 0) throw new ProblemError('MALFORMED_JSON', 'The body is empty.')
    const document = importedDocument(body, request.headers['content-type'])
    if ('text' in document && document.text.trim() === '') throw new ProblemError('MALFORMED_JSON', 'The body is empty.')
    const { result, source } = await readers.read(document, hints satisfies ImportHints, limits).catch((error: unknown) => {
      if (error instanceof ReadersBusyError) {
        throw new ProblemError('RATE_LIMITED', `${error.threads} imports are being read; retry in a second.`, {}, { 'retry-after': '1' })
      }
      throw error instanceof DocumentTooLargeError ? new ProblemError('PAYLOAD_TOO_LARGE', error.message) : error
    })
    const { parse } = result
    if (parse.cells.length === 0) {
      throw new DomainError('IMPORT_UNREADABLE',
        `The text could not be read as an annual report: missing ${parse.missing.join(', ')}.`,
        { missing: parse.missing, parseProblems: parse.problems })
    }
    if (!result.complete) {
      if (store) {
        throw new DomainError('IMPORT_INCOMPLETE',
          `The report could not be read completely (${parse.missing.length} parts unread); nothing was stored. Complete it and send it to POST /v1/reports.`,
          { missing: parse.missing, unread: parse.unread })
      }
      return { complete: false, report: result.report, parse, analysis: null, stored: null }
    }
    const { report } = result
    const checked = checkReport(report)
    if ('error' in checked) {
      throw new DomainError('IMPORT_INVALID', 'The report read from the text is not valid; supply the missing facts as query parameters.', {
        errors: toFieldErrors(checked.error, 'body')
      })
    }
    assertConstraints(report, now())
    const { validation, submitted } = await checkImportedReport(request.unitOfWork, report,
      store ? { strict, source, actor: actorOf(request), grant: grantOf(request) } : undefined)
    if (submitted?.outcome === 'conflict') {
      throw new DomainError('REPORT_EXISTS',
        `A different report for agency ${submitted.report.agencyCode}, year ${submitted.report.year}, kind ${submitted.report.kind} is stored as report ${submitted.report.id}.`,
        { existing: { id: submitted.report.id, href: reportHref(submitted.report.id), revision: submitted.report.latestRevision } })
    }
    const stored = submitted === undefined
      ? null
      : { id: submitted.report.id, revision: submitted.report.latestRevision, href: reportHref(submitted.report.id), outcome: submitted.outcome }
    return { complete: true, report, parse, analysis: validationJson(validation), stored }
  })
}

export default importRoutes
