/** RFC 9457 problem details: the one shape of every error response. */
import { Type, type Static } from 'typebox'
import { PROBLEM_CODES, PROBLEMS, problemSlug } from '../problems.js'

const FieldErrorSchema = Type.Object({
  pointer: Type.String({ description: 'JSON Pointer (RFC 6901) to the offending value, e.g. `/requests/newReceived/total`; `""` is the whole document.' }),
  location: Type.Union([Type.Literal('body'), Type.Literal('querystring'), Type.Literal('params'), Type.Literal('headers')], {
    description: 'Which part of the request the pointer refers to.'
  }),
  detail: Type.String({ description: 'What is wrong with the value.' })
}, { additionalProperties: false, description: 'One invalid field.' })

export const ProblemSchema = Type.Object({
  type: Type.String({ format: 'uri-reference', description: 'URI reference identifying the problem type (relative to the service unless configured otherwise); `GET` it for its documentation.' }),
  title: Type.String({ description: 'Short summary of the problem type; the same for every occurrence.' }),
  status: Type.Integer({ minimum: 400, maximum: 599, description: 'HTTP status code.' }),
  detail: Type.Optional(Type.String({ description: 'Explanation specific to this occurrence.' })),
  instance: Type.Optional(Type.String({ description: 'The request path that produced the problem.' })),
  code: Type.Unsafe<typeof PROBLEM_CODES[number]>({
    type: 'string',
    enum: PROBLEM_CODES,
    description: `Stable machine-readable code:\n${PROBLEM_CODES.map((code) =>
      `- \`${code}\` (${PROBLEMS[code].status}, \`${problemSlug(code)}\`): ${PROBLEMS[code].description}`).join('\n')}`
  }),
  requestId: Type.Optional(Type.String({ description: 'Id of the request, as in the `x-request-id` header and the logs.' })),
  errors: Type.Optional(Type.Array(FieldErrorSchema, { description: 'Every invalid field, for `VALIDATION_ERROR`.' })),
  findings: Type.Optional(Type.Array(Type.Ref('Finding'), { description: 'The failed error-severity findings, for `REPORT_INCONSISTENT`.' })),
  missing: Type.Optional(Type.Array(Type.String(), { description: 'JSON Pointers of the parts an import could not read, for `IMPORT_UNREADABLE` and `IMPORT_INCOMPLETE`.' })),
  unread: Type.Optional(Type.Array(Type.Ref('UnreadPart'), { description: 'Each part not read, why and where it was looked for, for `IMPORT_INCOMPLETE`.' })),
  parseProblems: Type.Optional(Type.Array(Type.Ref('ParseProblem'), { description: 'What the importer could not read, for `IMPORT_UNREADABLE`.' })),
  existing: Type.Optional(Type.Object({
    id: Type.Integer({ description: 'Id of the stored report.' }),
    href: Type.String({ description: 'Its URL.' }),
    revision: Type.Integer({ description: 'Its current revision.' })
  }, { additionalProperties: false, description: 'The stored report that conflicts, for `REPORT_EXISTS`.' }))
}, {
  $id: 'Problem',
  additionalProperties: false,
  title: 'Problem',
  description: 'An error, as RFC 9457 problem details (`application/problem+json`).'
})

export type Problem = Static<typeof ProblemSchema>

/** A response entry for `schema.response` that documents a problem with the given description. */
export function problemResponse (description: string) {
  return {
    description,
    content: { 'application/problem+json': { schema: Type.Ref('Problem') } }
  }
}

/** The problem responses every route can produce. */
export const COMMON_PROBLEM_RESPONSES = {
  500: problemResponse('Unexpected error (`INTERNAL_ERROR`); details are logged, never sent.'),
  503: problemResponse('Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds.')
}
