/**
 * /v1/reports — submit, revise, read and list annual reports. Every revision is kept.
 * Handlers are thin: schema validation → constraints → repository in one transaction → representation.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { DomainError } from '../../domain/errors.js'
import type { AnnualReport } from '../../domain/report.js'
import type { ReportSummary } from '../../domain/stored-report.js'
import { actorOf, grantOf } from '../../http/caller.js'
import { ProblemError } from '../../problems.js'
import { assertConstraints } from './constraints.js'
import { ReportIdSchema, RevisionSchema } from '../../schemas/common.js'
import { ReportFilterProperties } from '../../schemas/analysis.js'
import { COMMON_PROBLEM_RESPONSES, problemResponse } from '../../schemas/problem.js'
import { AnnualReportSchema } from '../../schemas/report.js'
import { CursorSchema, LimitSchema, PageSchema, RevisionListSchema } from '../../schemas/resources.js'
import { readPageDetails, readReport, readReportAtRevision, readReports, readRevisions } from '../../services/reads.js'
import { reviseStoredReport, submitReport, type WrittenReport } from '../../services/reports.js'
import { acceptedVersions, noneMatchHits } from '../../http/conditional.js'
import { prefersHtml } from '../../http/negotiation.js'
import { decodeCursor, nextPage, ROW_ID_CURSOR } from '../../http/pagination.js'
import { REPORT_PAGE_CSP, renderReportPage } from '../../views/report-page.js'
import { reportEtag, reportHref, resourceJson, resourceText, summaryJson, versionFromEtag } from './representation.js'

export interface ReportRoutesOptions {
  /** The clock, passed in so that tests can fix "today". */
  readonly now: () => Date
}

const ETAG_HEADER = { etag: Type.String({ description: 'Entity tag of the representation; send it in `If-Match` to revise, `If-None-Match` to re-read.' }) }

const resourceResponse = (description: string, headers: Record<string, ReturnType<typeof Type.String>> = ETAG_HEADER) => ({
  description,
  headers,
  content: { 'application/json': { schema: Type.Ref('ReportResource') } }
})

const IdParamsSchema = Type.Object({ id: ReportIdSchema }, { additionalProperties: false })

/**
 * Whether a read answers the web page, by `Accept`. A client sends the same `Accept` on every request, and
 * negotiating it took 2 % of a read, so each value is negotiated once (up to a bound, as values are the client's).
 */
const pageByAccept = new Map<string, boolean>()
/**
 * The ETag of report `id` at the revision asked for (the latest when none is), of the page or of the JSON; throws the
 * 404 of a report or revision that does not exist.
 */
function servedEtag (id: number, report: ReportSummary | undefined, requested: number | undefined, asPage: boolean): string {
  if (report === undefined) throw new DomainError('REPORT_NOT_FOUND', `No report has id ${id}.`)
  const revision = requested ?? report.latestRevision
  if (revision > report.latestRevision) {
    throw new DomainError('REVISION_NOT_FOUND', `Report ${id} has revisions 1 to ${report.latestRevision}; there is no revision ${revision}.`)
  }
  // The page is another representation of the same resource, so it gets a tag of its own.
  return asPage ? reportEtag(report, revision).replace(/"$/, '-html"') : reportEtag(report, revision)
}

function wantsPage (accept: string | undefined): boolean {
  if (accept === undefined) return false
  let page = pageByAccept.get(accept)
  if (page === undefined) {
    page = prefersHtml(accept)
    if (pageByAccept.size < 256) pageByAccept.set(accept, page)
  }
  return page
}

/**
 * Routes answering a report body serialise it with JSON.stringify: the body is a union of the two
 * templates, which fast-json-stringify would first re-validate with Ajv (all 200 cells) to pick a
 * branch. Bodies are validated when stored, and the schema still documents the response.
 */
const serializeAsIs = () => (data: unknown) => JSON.stringify(data)

const StrictQuerySchema = Type.Object({
  strict: Type.Optional(Type.Boolean({
    default: false,
    description: 'When true, a report on which a rule of severity error fails is refused with 422 (`REPORT_INCONSISTENT`) and nothing is stored. By default it is stored with its findings: published reports are facts, even when wrong.'
  }))
}, { additionalProperties: false })

const INCONSISTENT = problemResponse('With `strict=true`: a rule of severity error failed (`REPORT_INCONSISTENT`, with `findings`).')

const BODY_PROBLEMS = {
  400: problemResponse('Malformed JSON, invalid UTF-8, or invalid fields (`errors` lists each with its JSON Pointer).'),
  413: problemResponse('The body exceeds the size limit.'),
  415: problemResponse('The body is not `application/json` in UTF-8.')
}

const reportRoutes: FastifyPluginAsyncTypebox<ReportRoutesOptions> = async (app, { now }) => {
  /** Answers a write with the revision it left the report at, as its write read it back (see WrittenReport). */
  async function sendWritten (reply: FastifyReply, { report, revision }: WrittenReport) {
    return await reply
      .header('etag', reportEtag(report, revision.revision))
      .type('application/json; charset=utf-8')
      .send(resourceText(report, revision, revision.analysis))
  }

  /** POST /v1/reports — store a new report; the same body again is an idempotent replay. */
  app.post('/v1/reports', {
    config: { access: 'reports:write', idempotent: true },
    serializerCompiler: serializeAsIs,
    schema: {
      operationId: 'createReport',
      tags: ['reports'],
      summary: 'Submit a report',
      description: 'Stores a new report under its natural key (agency code, year, kind) as revision 1. ' +
        'Submitting the same body again stores nothing and answers 200 with the stored report; ' +
        'a different body for a stored key answers 409 naming the stored report (revise it with PUT). ' +
        'The report is checked against every consistency rule and its prior year; its findings are stored with it ' +
        'and the next year\'s report, if stored, is re-checked against it.',
      querystring: StrictQuerySchema,
      body: AnnualReportSchema,
      response: {
        201: resourceResponse('Stored as a new report.', { ...ETAG_HEADER, location: Type.String({ description: 'URL of the new report.' }) }),
        200: resourceResponse('The same body was already stored: nothing changed.', { ...ETAG_HEADER, location: Type.String({ description: 'URL of the report.' }) }),
        ...BODY_PROBLEMS,
        409: problemResponse('Another body is stored for this agency, year and kind (`REPORT_EXISTS`, with `existing`).'),
        422: INCONSISTENT,
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request, reply) => {
    const body = request.body as AnnualReport
    assertConstraints(body, now())
    const result = await submitReport(request.unitOfWork, body, { strict: request.query.strict === true, actor: actorOf(request), grant: grantOf(request) })
    const { report } = result
    if (result.outcome === 'conflict') {
      throw new DomainError('REPORT_EXISTS',
        `A different report for agency ${report.agencyCode}, year ${report.year}, kind ${report.kind} is stored as report ${report.id}; revise it with PUT and If-Match.`,
        { existing: { id: report.id, href: reportHref(report.id), revision: report.latestRevision } })
    }
    return await sendWritten(reply.code(result.outcome === 'created' ? 201 : 200).header('location', reportHref(report.id)), result)
  })

  /** PUT /v1/reports/{id} — store a new revision, guarded by If-Match. */
  app.put('/v1/reports/:id', {
    config: { access: 'reports:write' },
    serializerCompiler: serializeAsIs,
    schema: {
      operationId: 'reviseReport',
      tags: ['reports'],
      summary: 'Revise a report',
      description: 'Stores the body as the next revision. `If-Match` must carry the ETag of the latest revision you read ' +
        '(or `*`), so that two editors cannot overwrite each other. A body equal to the latest revision stores nothing. ' +
        'The agency code, year and kind cannot change.',
      params: IdParamsSchema,
      querystring: StrictQuerySchema,
      headers: Type.Object({
        'if-match': Type.Optional(Type.String({ description: 'ETag of the latest revision, or `*`.' }))
      }),
      body: AnnualReportSchema,
      response: {
        200: resourceResponse('Stored as a new revision, or unchanged when equal to the latest.'),
        ...BODY_PROBLEMS,
        404: problemResponse('No report has this id (`REPORT_NOT_FOUND`).'),
        412: problemResponse('The ETag is not the latest revision\'s (`PRECONDITION_FAILED`).'),
        422: problemResponse('The body names another agency, year or kind (`REPORT_KEY_CHANGED`), or with `strict=true` a rule of severity error failed (`REPORT_INCONSISTENT`).'),
        428: problemResponse('No `If-Match` header (`PRECONDITION_REQUIRED`).'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request, reply) => {
    const { id } = request.params
    const body = request.body as AnnualReport
    const versions = acceptedVersions(request.headers['if-match'], (etag) => versionFromEtag(id, etag))
    assertConstraints(body, now())
    const result = await reviseStoredReport(request.unitOfWork, id, versions, body, { strict: request.query.strict === true, actor: actorOf(request), grant: grantOf(request) })
    switch (result.outcome) {
      case 'not_found':
        throw new DomainError('REPORT_NOT_FOUND', `No report has id ${id}.`)
      case 'stale':
        throw new ProblemError('PRECONDITION_FAILED',
          `Report ${id} has changed since that ETag; its current ETag is ${reportEtag(result.report, result.report.latestRevision)}. Re-read it and retry.`)
      case 'key_changed':
        throw new DomainError('REPORT_KEY_CHANGED',
          `Report ${id} is agency ${result.report.agencyCode}, year ${result.report.year}, kind ${result.report.kind}; a revision cannot change them.`)
    }
    return await sendWritten(reply, result)
  })

  /** GET /v1/reports/{id} — the latest revision, or `?revision=N`. */
  app.get('/v1/reports/:id', {
    serializerCompiler: serializeAsIs,
    schema: {
      operationId: 'getReport',
      tags: ['reports'],
      summary: 'Read a report',
      description: 'The latest revision of a report, or an older one with `?revision=N`. ' +
        'Send `If-None-Match` with a previous ETag to get 304 when nothing changed. ' +
        'With `Accept` preferring `text/html` to `application/json` (as a browser\'s does), the report is rendered as a ' +
        'self-contained web page in the national layout (tables 二/三/四 as on the form, the prose), with the cells of each ' +
        'failed rule highlighted, the findings listed and year-over-year arrows beside the numbers, for portals to embed. ' +
        'The page has its own ETag (suffixed `-html`); no `Accept`, `*/*` or a tie means JSON.',
      params: IdParamsSchema,
      querystring: Type.Object({ revision: Type.Optional(RevisionSchema('Revision to read; the latest when omitted.')) }, { additionalProperties: false }),
      headers: Type.Object({ 'if-none-match': Type.Optional(Type.String({ description: 'ETags the client already has.' })) }),
      response: {
        200: {
          description: 'The report at the requested revision, as JSON or as a web page.',
          headers: {
            ...ETAG_HEADER,
            vary: Type.String({ description: '`Accept`: the JSON and the HTML representation share this URL.' })
          },
          content: {
            'application/json': { schema: Type.Ref('ReportResource') },
            'text/html': { schema: Type.String({ description: 'A complete HTML5 document (UTF-8, inline CSS, no scripts).' }) }
          }
        },
        304: { description: 'Not modified: the ETag in `If-None-Match` is current.' },
        400: problemResponse('Invalid id or query.'),
        404: problemResponse('No such report (`REPORT_NOT_FOUND`) or revision (`REVISION_NOT_FOUND`).'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request, reply) => {
    const { id } = request.params
    const asPage = wantsPage(request.headers.accept)
    const ifNoneMatch = request.headers['if-none-match']
    // A conditional read asks for the report's version first: when the client's copy is current the answer is 304 and
    // the body is never read. When it is not, the read below answers as an unconditional one does.
    if (ifNoneMatch !== undefined) {
      const current = await readReport(app.dbRead, id)
      const etag = servedEtag(id, current, request.query.revision, asPage)
      if (noneMatchHits(ifNoneMatch, etag)) return await reply.header('etag', etag).header('cache-control', 'no-cache').header('vary', 'Accept').code(304).send()
    }
    const found = await readReportAtRevision(app.dbRead, id, request.query.revision)
    const etag = servedEtag(id, found?.report, request.query.revision, asPage)
    // servedEtag has thrown for a report that is not stored.
    const { report, revision: served } = found as NonNullable<typeof found>
    const revision = request.query.revision ?? report.latestRevision
    reply.header('etag', etag).header('cache-control', 'no-cache').header('vary', 'Accept')
    if (noneMatchHits(ifNoneMatch, etag)) return await reply.code(304).send()
    if (served === undefined) throw new DomainError('REVISION_NOT_FOUND', `Report ${id} has no revision ${revision}.`)
    if (!asPage) {
      return await reply.type('application/json; charset=utf-8').send(resourceText(report, served, served.analysis))
    }
    const body = JSON.parse(served.bodyText) as AnnualReport
    const page = renderReportPage({
      resource: resourceJson(report, { ...served, body }, served.analysis),
      ...await readPageDetails(app.dbRead, id, revision, body)
    })
    return await reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', REPORT_PAGE_CSP)
      .send(page)
  })

  /** GET /v1/reports/{id}/revisions — every revision of a report. */
  app.get('/v1/reports/:id/revisions', {
    schema: {
      operationId: 'listReportRevisions',
      tags: ['reports'],
      summary: 'List the revisions of a report',
      description: 'Every stored revision of the report, oldest first. Revisions are kept forever.',
      params: IdParamsSchema,
      response: {
        200: {
          description: 'The revisions.',
          headers: { 'last-modified': Type.String({ description: 'When the newest revision was stored.' }) },
          content: { 'application/json': { schema: RevisionListSchema } }
        },
        400: problemResponse('Invalid id.'),
        404: problemResponse('No report has this id (`REPORT_NOT_FOUND`).'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request, reply) => {
    const { id } = request.params
    const revisions = await readRevisions(app.dbRead, id)
    const latest = revisions.at(-1)
    if (latest === undefined) throw new DomainError('REPORT_NOT_FOUND', `No report has id ${id}.`)
    // The list changes only when a revision is stored, so the newest revision's time is its modification time.
    reply.header('last-modified', latest.createdAt.toUTCString())
    return {
      reportId: id,
      items: revisions.map((revision) => ({
        revision: revision.revision,
        createdAt: revision.createdAt.toISOString(),
        template: revision.template,
        href: `${reportHref(id)}?revision=${revision.revision}`
      }))
    }
  })

  /** GET /v1/reports — filtered, keyset-paginated list. */
  app.get('/v1/reports', {
    schema: {
      operationId: 'listReports',
      tags: ['reports'],
      summary: 'List reports',
      description: 'Reports in a stable order (by id), filtered by agency, region prefix, year, kind, template, ' +
        'the status of their latest revision and a rule it fails (`?status=errors&rule=T3-BALANCE` lists the reports to correct). ' +
        'Follow `next` (or the `Link: rel="next"` header) for the following page.',
      querystring: Type.Object({
        ...ReportFilterProperties,
        limit: Type.Optional(LimitSchema),
        cursor: Type.Optional(CursorSchema)
      }, { additionalProperties: false }),
      response: {
        200: {
          description: 'One page of reports.',
          headers: { link: Type.String({ description: '`<url>; rel="next"` when another page follows.' }) },
          content: { 'application/json': { schema: PageSchema(Type.Ref('ReportSummary'), 'Reports of this page.') } }
        },
        400: problemResponse('An unknown or invalid filter, or a cursor this API did not issue.'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request, reply) => {
    const { limit = 50, cursor, ...filters } = request.query
    const { reports, hasMore } = await readReports(app.dbRead, filters, decodeCursor(cursor, ROW_ID_CURSOR), limit)
    const next = nextPage(reply, request.url, reports, hasMore, (report) => report.id)
    return { items: reports.map((report) => ({ ...summaryJson(report), href: reportHref(report.id) })), next }
  })
}

export default reportRoutes
