/**
 * POST /v1/imports — a published report (its page as HTML, or its text) turned into our JSON, with
 * the parse record and the findings; with `store=true` it is also stored, its source text kept with it.
 */
import { TextDecoder } from 'node:util'
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { TSchema } from 'typebox'
import { DomainError } from '../domain/errors.js'
import { parseReportHtml, parseReportText, type ImportHints } from '../domain/import/index.js'
import { actorOf, grantOf } from '../plugins/auth.js'
import { declaredCharset } from '../plugins/json-body.js'
import { compileCheckOf } from '../plugins/validation.js'
import { toFieldErrors } from '../plugins/problem-details.js'
import { ProblemError } from '../problems.js'
import { AnalysisResultSchema } from '../schemas/analysis.js'
import { CreditCodeSchema, KindSchema, RegionCodeSchema, YearSchema } from '../schemas/common.js'
import { COMMON_PROBLEM_RESPONSES, problemResponse } from '../schemas/problem.js'
import { AnnualReportSchema } from '../schemas/report.js'
import { ParseRecordSchema } from '../schemas/imports.js'
import { submitReport, validateReport } from '../services/reports.js'
import { validationJson } from './analysis/representation.js'
import { assertConstraints } from './reports/constraints.js'
import { reportHref } from './reports/representation.js'

/** Published pages exported from Word carry a lot of markup: allow more than a JSON report needs. */
export const IMPORT_BODY_LIMIT = 8 * 1024 * 1024

/** Chinese pages are often GBK; GB18030 is its superset, so one decoder reads all three. */
const DECODERS: Readonly<Record<string, TextDecoder>> = {
  'utf-8': new TextDecoder('utf-8', { fatal: true }),
  utf8: new TextDecoder('utf-8', { fatal: true }),
  gbk: new TextDecoder('gb18030', { fatal: true }),
  gb2312: new TextDecoder('gb18030', { fatal: true }),
  gb18030: new TextDecoder('gb18030', { fatal: true })
}

function decodeText (body: Buffer, contentType: string | undefined): string {
  const charset = declaredCharset(contentType) ?? 'utf-8'
  const decoder = DECODERS[charset]
  if (decoder === undefined) {
    throw new ProblemError('UNSUPPORTED_MEDIA_TYPE', `charset=${charset} is not supported; send UTF-8, GBK or GB18030.`)
  }
  try {
    return decoder.decode(body)
  } catch {
    throw new ProblemError('MALFORMED_JSON', `The body is not valid ${charset === 'utf8' ? 'utf-8' : charset} text.`)
  }
}

export interface ImportRoutesOptions {
  readonly now: () => Date
  readonly components: readonly TSchema[]
}

const importRoutes: FastifyPluginAsyncTypebox<ImportRoutesOptions> = async (app, { now, components }) => {
  // Encapsulated in this plugin: text bodies are accepted here only, every other route still answers 415.
  for (const mediaType of ['text/plain', 'text/html']) {
    app.addContentTypeParser(mediaType, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (request, body, done) => {
      try {
        done(null, decodeText(body as Buffer, request.headers['content-type']))
      } catch (error) {
        done(error as Error, undefined)
      }
    })
  }
  const checkReport = compileCheckOf(components, AnnualReportSchema)

  app.post('/v1/imports', {
    // Reading a text is open to all readers; `store=true` checks the key's agencies in the handler.
    config: { access: 'read', idempotent: true },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      operationId: 'importReport',
      tags: ['imports'],
      summary: 'Import a published report',
      description: 'Reads a report as published — an HTML page (`text/html`), or its text (`text/plain`: text copied from a page, ' +
        '`pdftotext -layout` output, or one cell per line) in UTF-8, GBK or GB18030 — into the report JSON. Answers the report, ' +
        'the parse record (layouts found, the source text of every cell, problems, confidence) and its findings. ' +
        'Query parameters supply what the text does not say. With `store=true` the report is stored as by `POST /v1/reports` ' +
        'and the source text is kept with the revision. A number that cannot be read is reported, never guessed.',
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
      body: Type.String({ description: 'The published report: HTML or text.' }),
      response: {
        200: {
          description: 'The report read, how it was read, its findings, and where it was stored if `store=true`.',
          content: {
            'application/json': {
              schema: Type.Object({
                report: AnnualReportSchema,
                parse: ParseRecordSchema,
                analysis: AnalysisResultSchema,
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
        403: problemResponse('With `store=true`: the API key may not write reports of this agency (`FORBIDDEN`).'),
        409: problemResponse('With `store=true`: a different report is stored for this agency, year and kind (`REPORT_EXISTS`).'),
        413: problemResponse('The body exceeds 8 MiB.'),
        415: problemResponse('Not `text/html` or `text/plain`, or an unsupported charset.'),
        422: problemResponse('The text could not be read as a report (`IMPORT_UNREADABLE`, with `missing` and `parseProblems`), the report read is invalid (`IMPORT_INVALID`, with `errors`), or with `strict` a rule of severity error failed (`REPORT_INCONSISTENT`).'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request) => {
    const { store = false, strict = false, ...hints } = request.query
    const text = request.body
    if (text.trim() === '') throw new ProblemError('MALFORMED_JSON', 'The body is empty.')
    const isHtml = (request.headers['content-type'] ?? '').startsWith('text/html')
    const { report, parse } = isHtml ? parseReportHtml(text, hints satisfies ImportHints) : parseReportText(text, hints)
    if (report === null) {
      throw new DomainError('IMPORT_UNREADABLE',
        `The text could not be read as an annual report: missing ${parse.missing.join(', ')}.`,
        { missing: parse.missing, parseProblems: parse.problems })
    }
    const checked = checkReport(report)
    if ('error' in checked) {
      throw new DomainError('IMPORT_INVALID', 'The report read from the text is not valid; supply the missing facts as query parameters.', {
        errors: toFieldErrors(checked.error, 'body')
      })
    }
    assertConstraints(report, now())
    let stored = null
    if (store) {
      const result = await submitReport(request.db, report, { strict, source: { text, format: isHtml ? 'html' : 'text' }, actor: actorOf(request), grant: grantOf(request) })
      if (result.outcome === 'conflict') {
        throw new DomainError('REPORT_EXISTS',
          `A different report for agency ${result.report.agencyCode}, year ${result.report.year}, kind ${result.report.kind} is stored as report ${result.report.id}.`,
          { existing: { id: result.report.id, href: reportHref(result.report.id), revision: result.report.latestRevision } })
      }
      stored = { id: result.report.id, revision: result.report.latestRevision, href: reportHref(result.report.id), outcome: result.outcome }
    }
    return { report, parse, analysis: validationJson(await validateReport(request.db, report)), stored }
  })
}

export default importRoutes
