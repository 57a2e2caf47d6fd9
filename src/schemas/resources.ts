/** Response shapes: the stored report resource, its summaries, revisions, agencies and pages. */
import { Type, type TSchema } from 'typebox'
import {
  CreditCodeSchema, KindSchema, RegionCodeSchema, RegionPrefixSchema, ReportIdSchema, RevisionSchema, TemplateSchema,
  TimestampSchema, YearSchema
} from './common.js'
import { CountsSchema, ReportStatusSchema } from './analysis.js'
import { AnnualReportSchema } from './report.js'

const summaryProperties = {
  id: ReportIdSchema,
  agencyCode: CreditCodeSchema,
  agencyName: Type.String({ title: '机关名称', description: 'Name of the agency, as its most recent report states it.' }),
  regionCode: RegionCodeSchema,
  year: YearSchema(),
  kind: KindSchema,
  template: TemplateSchema,
  latestRevision: RevisionSchema('The latest revision.'),
  createdAt: TimestampSchema('When the report was first stored.'),
  updatedAt: TimestampSchema('When its latest revision was stored.'),
  status: Type.Union([ReportStatusSchema, Type.Null()], { description: 'Result of the consistency rules on this revision; null if it was never analysed.' }),
  counts: Type.Union([CountsSchema, Type.Null()], { description: 'Findings by severity on this revision; null if it was never analysed.' })
}

export const ReportSummarySchema = Type.Object({
  ...summaryProperties,
  href: Type.String({ description: 'URL of the report resource.' })
}, { $id: 'ReportSummary', additionalProperties: false, description: 'A stored report, without its body.' })

export const ReportResourceSchema = Type.Object({
  ...summaryProperties,
  revision: RevisionSchema('The revision shown here.'),
  revisionCreatedAt: TimestampSchema('When the revision shown was stored.'),
  links: Type.Object({
    self: Type.String({ description: 'This revision.' }),
    latest: Type.String({ description: 'The latest revision.' }),
    revisions: Type.String({ description: 'All revisions.' }),
    findings: Type.String({ description: 'Findings of this revision.' }),
    changes: Type.String({ description: 'Year-over-year changes of this revision.' }),
    agency: Type.String({ description: 'The agency.' })
  }, { additionalProperties: false }),
  report: AnnualReportSchema
}, { $id: 'ReportResource', additionalProperties: false, description: 'A stored report with the body of one revision.' })

export const RevisionListSchema = Type.Object({
  reportId: ReportIdSchema,
  items: Type.Array(Type.Object({
    revision: RevisionSchema(),
    createdAt: TimestampSchema('When the revision was stored.'),
    template: TemplateSchema,
    href: Type.String({ description: 'URL of the report at this revision.' })
  }, { additionalProperties: false }), { description: 'Every revision, oldest first.' })
}, { additionalProperties: false, description: 'The revisions of a report.' })

const agencyProperties = {
  code: CreditCodeSchema,
  name: Type.String({ title: '机关名称', description: 'Name as the agency\'s most recent report states it.' }),
  regionCode: RegionCodeSchema,
  reportCount: Type.Integer({ minimum: 1, description: 'Number of stored reports.' }),
  firstYear: YearSchema('Earliest report year stored.'),
  lastYear: YearSchema('Latest report year stored.'),
  href: Type.String({ description: 'URL of the agency.' })
}

export const AgencySchema = Type.Object(agencyProperties, { $id: 'Agency', additionalProperties: false, description: 'An agency with stored reports.' })

export const AgencyDetailSchema = Type.Object({
  ...agencyProperties,
  reports: Type.Array(Type.Object({
    id: ReportIdSchema,
    year: YearSchema(),
    kind: KindSchema,
    template: TemplateSchema,
    latestRevision: RevisionSchema('The latest revision.'),
    updatedAt: TimestampSchema('When its latest revision was stored.'),
    href: Type.String({ description: 'URL of the report.' })
  }, { additionalProperties: false }), { description: 'The agency\'s reports, newest year first.' })
}, { additionalProperties: false, description: 'An agency and its reports by year.' })

/** A page of a keyset-paginated list. */
export function PageSchema (item: TSchema, description: string) {
  return Type.Object({
    items: Type.Array(item, { description }),
    next: Type.Union([Type.String(), Type.Null()], { description: 'URL of the next page (also in the `Link` header), null on the last page.' })
  }, { additionalProperties: false })
}

export const LimitSchema = Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Page size, 1–500.' })
export const CursorSchema = Type.String({ minLength: 1, maxLength: 200, description: 'Opaque cursor from a previous page\'s `next` link.' })
export { RegionPrefixSchema }

/** Components registered by `$id`, referenced from routes and listed in the OpenAPI document. */
export const RESOURCE_COMPONENTS = [ReportSummarySchema, ReportResourceSchema, AgencySchema] as const
