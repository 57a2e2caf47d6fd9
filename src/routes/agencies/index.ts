/** /v1/agencies — the agencies that have reports, and each agency's reports by year. */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { DomainError } from '../../domain/errors.js'
import type { Agency } from '../../domain/stored-report.js'
import { CreditCodeSchema } from '../../schemas/common.js'
import { COMMON_PROBLEM_RESPONSES, problemResponse } from '../../schemas/problem.js'
import { AgencyDetailSchema, CursorSchema, LimitSchema, PageSchema, RegionPrefixSchema } from '../../schemas/resources.js'
import { AGENCY_CODE_CURSOR, decodeCursor, nextPage } from '../../http/pagination.js'
import { agencyHref, reportHref } from '../reports/representation.js'
import { readAgencies, readAgency } from '../../services/reads.js'

function agencyJson (agency: Agency) {
  return { ...agency, href: agencyHref(agency.code) }
}

const agencyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** GET /v1/agencies — agencies in code order, optionally within a region. */
  app.get('/v1/agencies', {
    schema: {
      operationId: 'listAgencies',
      tags: ['agencies'],
      summary: 'List agencies',
      description: 'Agencies with at least one stored report, by 统一社会信用代码, optionally within a region prefix.',
      querystring: Type.Object({
        region: Type.Optional(RegionPrefixSchema),
        limit: Type.Optional(LimitSchema),
        cursor: Type.Optional(CursorSchema)
      }, { additionalProperties: false }),
      response: {
        200: {
          description: 'One page of agencies.',
          headers: { link: Type.String({ description: '`<url>; rel="next"` when another page follows.' }) },
          content: { 'application/json': { schema: PageSchema(Type.Ref('Agency'), 'Agencies of this page.') } }
        },
        400: problemResponse('An unknown or invalid filter, or a cursor this API did not issue.'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request, reply) => {
    const { limit = 50, cursor, region } = request.query
    const { agencies, hasMore } = await readAgencies(app.dbRead, { region }, decodeCursor(cursor, AGENCY_CODE_CURSOR), limit)
    const next = nextPage(reply, request.url, agencies, hasMore, (agency) => agency.code)
    return { items: agencies.map(agencyJson), next }
  })

  /** GET /v1/agencies/{code} — one agency with its reports by year. */
  app.get('/v1/agencies/:code', {
    schema: {
      operationId: 'getAgency',
      tags: ['agencies'],
      summary: 'Read an agency',
      description: 'An agency and its stored reports, newest year first.',
      params: Type.Object({ code: CreditCodeSchema }, { additionalProperties: false }),
      response: {
        200: { description: 'The agency.', content: { 'application/json': { schema: AgencyDetailSchema } } },
        400: problemResponse('Not a valid 统一社会信用代码.'),
        404: problemResponse('No report of this agency is stored (`AGENCY_NOT_FOUND`).'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request) => {
    const found = await readAgency(app.dbRead, request.params.code)
    if (found === undefined) throw new DomainError('AGENCY_NOT_FOUND', `No report of agency ${request.params.code} is stored.`)
    return {
      ...agencyJson(found.agency),
      reports: found.reports.map((report) => ({ ...report, updatedAt: report.updatedAt.toISOString(), href: reportHref(report.id) }))
    }
  })
}

export default agencyRoutes
