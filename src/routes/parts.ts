/** GET /v1/reports/{id}/parts — a government's summary against the departments' reports stored for its region and year. */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { HEADLINE_COVERAGE_POINTER } from '../domain/government-parts.js'
import { ReportIdSchema } from '../schemas/common.js'
import { GovernmentPartsSchema } from '../schemas/parts.js'
import { COMMON_PROBLEM_RESPONSES, problemResponse } from '../schemas/problem.js'
import { governmentParts } from '../services/government-parts.js'

const partsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/reports/:id/parts', {
    schema: {
      operationId: 'getGovernmentParts',
      tags: ['findings'],
      summary: 'A government\'s summary against its departments',
      description: 'For a government\'s summary (`kind: government`) of region R and year N: the departments\' reports (`kind: agency`) ' +
        'of region R and year N stored, and for each cell of tables 二, 三 and 四 (stocks left out) what they add up to against the ' +
        'summary. GOV-PARTS flags a cell of tables 三/四 whose parts exceed the summary; a smaller sum is only coverage (a lower ' +
        'bound: missing departments and units a summary counts apart).',
      params: Type.Object({ id: ReportIdSchema }, { additionalProperties: false }),
      response: {
        200: { description: 'The parts and the coverage.', content: { 'application/json': { schema: GovernmentPartsSchema } } },
        400: problemResponse('Invalid id, or the report is an agency\'s own (`NOT_A_GOVERNMENT_REPORT`).'),
        404: problemResponse('No such report (`REPORT_NOT_FOUND`).'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request) => {
    const { id } = request.params
    const { report, revision, parts, coverage } = await governmentParts(app.dbRead, id)
    const cells = coverage.map((cell) => ({ ...cell, top: [...cell.top] }))
    return {
      reportId: report.id,
      revision,
      regionCode: parts.regionCode,
      year: parts.year,
      departments: {
        count: parts.departments.length,
        items: parts.departments.map((department) => ({ ...department, href: `/v1/reports/${department.reportId}` }))
      },
      headline: cells.find((cell) => cell.pointer === HEADLINE_COVERAGE_POINTER) ?? null,
      cells,
      links: { report: `/v1/reports/${report.id}`, findings: `/v1/reports/${report.id}/findings?rule=GOV-PARTS` }
    }
  })
}

export default partsRoutes
