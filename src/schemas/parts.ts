/** A government's summary against the departments' reports of its region and year (`GET /v1/reports/{id}/parts`). */
import { Type } from 'typebox'
import { CreditCodeSchema, RegionCodeSchema, ReportIdSchema, RevisionSchema, YearSchema } from './common.js'

const ContributorSchema = Type.Object({
  agencyCode: CreditCodeSchema,
  agencyName: Type.String({ description: 'The department\'s name, as its most recent report states it.' }),
  value: Type.Number({ description: 'The department\'s value in the cell.' })
}, { title: 'PartContributor', additionalProperties: false, description: 'One department\'s share of a cell.' })

export const CellCoverageSchema = Type.Object({
  pointer: Type.String({ description: 'JSON Pointer of the cell in the summary, e.g. `/requests/newReceived/total`.' }),
  summaryValue: Type.Union([Type.Number(), Type.Null()], { description: 'The summary\'s cell; null when printed blank.' }),
  partsSum: Type.Number({ description: 'Σ of the cell over the stored departments\' reports; a blank counts as 0.' }),
  ratio: Type.Union([Type.Number(), Type.Null()], {
    description: '`partsSum ÷ summaryValue`: how much of the summary the stored parts account for. Above 1 in tables 三/四 is a GOV-PARTS ' +
      'finding; below 1 is expected while departments are missing (and for units a summary counts that report nowhere). Null when the summary\'s cell is 0 or blank.'
  }),
  top: Type.Array(ContributorSchema, { maxItems: 3, description: 'The departments contributing most (positive values only), largest first.' })
}, { title: 'CellCoverage', additionalProperties: false, description: 'One cell of the summary against its parts.' })

export const GovernmentPartsSchema = Type.Object({
  reportId: ReportIdSchema,
  revision: RevisionSchema('The summary\'s revision compared (its latest).'),
  regionCode: RegionCodeSchema,
  year: YearSchema(),
  departments: Type.Object({
    count: Type.Integer({ minimum: 0, description: 'Departments\' reports (`kind: agency`) stored for this region and year.' }),
    items: Type.Array(Type.Object({
      reportId: ReportIdSchema,
      agencyCode: CreditCodeSchema,
      agencyName: Type.String({ description: 'The department\'s name, as its most recent report states it.' }),
      href: Type.String({ description: 'URL of the department\'s report.' })
    }, { additionalProperties: false }), { description: 'In agency-code order.' })
  }, { additionalProperties: false, description: 'The parts: every agency report of the summary\'s region code and year.' }),
  headline: Type.Union([CellCoverageSchema, Type.Null()], { description: '本年新收政府信息公开申请数量 总计 (`/requests/newReceived/total`), as in `cells`.' }),
  cells: Type.Array(CellCoverageSchema, { description: 'Every cell of tables 二, 三 and 四 the summary has, in document order, without the stocks (`inForce`, `totalPublic`, `previousItems`).' }),
  links: Type.Object({
    report: Type.String({ description: 'The summary.' }),
    findings: Type.String({ description: 'The summary\'s GOV-PARTS findings.' })
  }, { additionalProperties: false })
}, { title: 'GovernmentParts', additionalProperties: false, description: 'A government\'s summary against the departments\' reports stored for its region and year.' })
