/** The lines a bulk upload (`POST /v1/reports:bulk`) answers: one per input line, then the totals. */
import { Type } from 'typebox'
import { ReportStatusSchema } from './analysis.js'
import { ReportIdSchema, RevisionSchema } from './common.js'

const LineNumberSchema = Type.Integer({ minimum: 1, description: 'The input line this result answers (blank lines get none).' })

const StoredLineSchema = Type.Object({
  line: LineNumberSchema,
  outcome: Type.Union([Type.Literal('stored'), Type.Literal('revised'), Type.Literal('unchanged')], {
    description: '`stored`: a new report; `revised`: its next revision; `unchanged`: the same body as its latest revision.'
  }),
  id: ReportIdSchema,
  revision: RevisionSchema('The revision the report is at after this line.'),
  status: Type.Union([ReportStatusSchema, Type.Null()], { description: 'Result of the consistency rules on that revision.' }),
  href: Type.String({ description: 'URL of the report.' })
}, { additionalProperties: false, title: 'Stored line' })

const RejectedLineSchema = Type.Object({
  line: LineNumberSchema,
  outcome: Type.Literal('rejected'),
  problem: Type.Ref('Problem')
}, {
  additionalProperties: false,
  title: 'Rejected line',
  description: 'Nothing of this line was stored. `problem` is the one `POST /v1/reports` answers for the same body, with its `type`, `status` and `code` (without `requestId` and `instance`, which belong to the upload).'
})

const outcomeCount = (description: string) => Type.Integer({ minimum: 0, description })

const SummaryLineSchema = Type.Object({
  summary: Type.Object({
    stored: outcomeCount('Lines stored as new reports.'),
    revised: outcomeCount('Lines stored as a next revision.'),
    unchanged: outcomeCount('Lines equal to the latest revision.'),
    rejected: outcomeCount('Lines rejected.')
  }, { additionalProperties: false })
}, { additionalProperties: false, title: 'Summary line', description: 'The last line: the totals.' })

export const BulkResultLineSchema = Type.Union([StoredLineSchema, RejectedLineSchema, SummaryLineSchema], {
  description: 'One line of the NDJSON answer (each line is one of these JSON objects).'
})
