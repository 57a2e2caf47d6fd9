/**
 * Consistency results: a report's findings and year-over-year changes, the check of a body without
 * storing it, and the rule catalogue.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { actorOf, grantOf } from '../../http/caller.js'
import type { AnnualReport } from '../../domain/report.js'
import { RULES } from '../../domain/rules/index.js'
import {
  AnalysisResultSchema, FindingDetailSchema, FindingStatusSchema, ReportChangesSchema, ReportFindingsSchema, ReviewSchema,
  RuleCatalogueSchema, RuleIdSchema, SeveritySchema
} from '../../schemas/analysis.js'
import { ReportIdSchema, RevisionSchema } from '../../schemas/common.js'
import { COMMON_PROBLEM_RESPONSES, problemResponse } from '../../schemas/problem.js'
import { AnnualReportSchema } from '../../schemas/report.js'
import { reviewFinding } from '../../services/findings.js'
import { type FindingReview, readAnalysis, readFinding, readFindings, type StoredFinding } from '../../services/reads.js'
import { validateReport } from '../../services/reports.js'
import { changesJson, previousJson, validationJson } from './representation.js'
import { assertConstraints } from '../reports/constraints.js'

export interface AnalysisRoutesOptions {
  readonly now: () => Date
}

const IdParamsSchema = Type.Object({ id: ReportIdSchema }, { additionalProperties: false })

function reviewJson (review: FindingReview) {
  return { ...review, decidedAt: review.decidedAt.toISOString() }
}

function findingJson ({ reportId, revision, ...finding }: StoredFinding) {
  return { ...finding, review: finding.review === null ? null : reviewJson(finding.review) }
}

const analysisRoutes: FastifyPluginAsyncTypebox<AnalysisRoutesOptions> = async (app, { now }) => {
  /** GET /v1/reports/{id}/findings — the findings of a revision, filterable. */
  app.get('/v1/reports/:id/findings', {
    schema: {
      operationId: 'listReportFindings',
      tags: ['findings'],
      summary: 'List the findings of a report',
      description: 'Every finding of the latest revision (or `?revision=N`), in catalogue order, filtered by severity, rule and status. ' +
        'Cross-year findings are recomputed when the prior year\'s report is stored or revised.',
      params: IdParamsSchema,
      querystring: Type.Object({
        revision: Type.Optional(RevisionSchema('Revision whose findings to list; the latest when omitted.')),
        severity: Type.Optional(SeveritySchema),
        rule: Type.Optional(RuleIdSchema),
        status: Type.Optional(FindingStatusSchema)
      }, { additionalProperties: false }),
      response: {
        200: { description: 'The findings.', content: { 'application/json': { schema: ReportFindingsSchema } } },
        400: problemResponse('Invalid id or filter.'),
        404: problemResponse('No such report (`REPORT_NOT_FOUND`) or revision (`REVISION_NOT_FOUND`).'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request) => {
    const { id } = request.params
    const { revision: requested, ...filters } = request.query
    const { revision, analysis } = await readAnalysis(app.dbRead, id, requested)
    const items = await readFindings(app.dbRead, id, revision, filters)
    return {
      reportId: id,
      revision,
      status: analysis.summary.status,
      counts: analysis.summary.counts,
      computedAt: analysis.computedAt.toISOString(),
      items: items.map(findingJson)
    }
  })

  /** GET /v1/reports/{id}/changes — year-over-year changes against the prior year. */
  app.get('/v1/reports/:id/changes', {
    schema: {
      operationId: 'getReportChanges',
      tags: ['findings'],
      summary: 'Year-over-year changes of a report',
      description: 'Every comparable cell of the latest revision (or `?revision=N`) against the same agency\'s report of the prior year, ' +
        'with the derived indicators. Empty, with `previous: null`, while the prior year is not stored.',
      params: IdParamsSchema,
      querystring: Type.Object({ revision: Type.Optional(RevisionSchema('Revision; the latest when omitted.')) }, { additionalProperties: false }),
      response: {
        200: { description: 'The changes.', content: { 'application/json': { schema: ReportChangesSchema } } },
        400: problemResponse('Invalid id or query.'),
        404: problemResponse('No such report (`REPORT_NOT_FOUND`) or revision (`REVISION_NOT_FOUND`).'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request) => {
    const { id } = request.params
    const { revision, analysis } = await readAnalysis(app.dbRead, id, request.query.revision)
    const yoy = analysis.yearOverYear
    return {
      reportId: id,
      revision,
      previous: previousJson(analysis.previous, yoy?.previousYear ?? 0),
      computedAt: analysis.computedAt.toISOString(),
      ...changesJson(yoy)
    }
  })

  /** POST /v1/validate — the full check of a body against the stored history; stores nothing. */
  app.post('/v1/validate', {
    // Checking a body stores nothing: whoever may read may check.
    config: { access: 'read' },
    schema: {
      operationId: 'validateReport',
      tags: ['findings'],
      summary: 'Check a report without storing it',
      description: 'Runs every consistency rule on the body, against the same agency\'s stored report of the prior year, and ' +
        'returns the findings and changes. A failed rule is a result (200), not an error; nothing is stored.',
      body: AnnualReportSchema,
      response: {
        200: { description: 'The findings and changes the report would get if stored now.', content: { 'application/json': { schema: AnalysisResultSchema } } },
        400: problemResponse('Malformed JSON or invalid fields (`errors` lists each with its JSON Pointer).'),
        413: problemResponse('The body exceeds the size limit.'),
        415: problemResponse('The body is not `application/json` in UTF-8.'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request) => {
    const body = request.body as AnnualReport
    assertConstraints(body, now())
    return validationJson(await validateReport(app.dbRead, body))
  })

  const FindingParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Id of a finding.' }) }, { additionalProperties: false })
  const findingResponses = {
    200: { description: 'The finding and its review history.', content: { 'application/json': { schema: FindingDetailSchema } } },
    400: problemResponse('Invalid id or body.'),
    404: problemResponse('No finding has this id (`FINDING_NOT_FOUND`).'),
    ...COMMON_PROBLEM_RESPONSES
  }

  /** A finding with its reviews, from `db`: the replica for reads, the primary right after a review. */
  async function findingDetail (db: typeof app.db, id: number) {
    const { finding, reviews } = await readFinding(db, id)
    return { finding: findingJson(finding), reportId: finding.reportId, revision: finding.revision, reviews: reviews.map(reviewJson) }
  }

  /** GET /v1/findings/{id} — one finding with its review history. */
  app.get('/v1/findings/:id', {
    schema: {
      operationId: 'getFinding',
      tags: ['findings'],
      summary: 'Read a finding',
      description: 'A finding with its report, revision and every reviewer decision on it.',
      params: FindingParamsSchema,
      response: findingResponses
    }
  }, async (request) => await findingDetail(app.dbRead, request.params.id))

  /** PATCH /v1/findings/{id} — a reviewer acknowledges or dismisses a finding. */
  app.patch('/v1/findings/:id', {
    config: { access: 'findings:review' },
    schema: {
      operationId: 'reviewFinding',
      tags: ['findings'],
      summary: 'Review a finding',
      description: 'Records a reviewer\'s decision with a reason. The decision follows the finding (its rule and cells) through ' +
        'recomputation and new revisions of the report; earlier decisions are kept as history. The key reviews findings of the ' +
        'reports of its agencies and regions only, as a `reports:write` key writes them (`FORBIDDEN` otherwise).',
      params: FindingParamsSchema,
      body: Type.Object({
        decision: ReviewSchema.properties.decision,
        reason: ReviewSchema.properties.reason
      }, { additionalProperties: false }),
      response: { ...findingResponses, 415: problemResponse('The body is not `application/json` in UTF-8.') }
    }
  }, async (request) => {
    await reviewFinding(app.db, request.params.id, request.body, grantOf(request), actorOf(request))
    return await findingDetail(app.db, request.params.id)
  })

  /** GET /v1/rules — the rule catalogue. */
  app.get('/v1/rules', {
    schema: {
      operationId: 'listRules',
      tags: ['findings'],
      summary: 'The rule catalogue',
      description: 'Every consistency rule the service applies, with its severity, formula and the templates it applies to.',
      response: {
        200: { description: 'The catalogue.', content: { 'application/json': { schema: RuleCatalogueSchema } } },
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600')
    return {
      items: RULES.map(({ id, severity, title, titleEn, description, templates, needsPrevious }) =>
        ({ id, severity, title, titleEn, description, templates: [...templates], needsPrevious }))
    }
  })
}

export default analysisRoutes
