/**
 * The error catalogue: every `code` a problem+json response can carry, its HTTP status, title and
 * problem type slug. Documented in the OpenAPI contract and the README; a test keeps all three in step.
 */
import type { DomainErrorCode } from './domain/errors.js'

interface ProblemEntry {
  readonly status: number
  readonly title: string
  /** When the problem happens, for the docs. */
  readonly description: string
}

export const PROBLEMS = {
  VALIDATION_ERROR: { status: 400, title: 'Request validation failed', description: 'A field has the wrong type, range or format, or is unknown. `errors` lists every offending field as a JSON Pointer.' },
  MALFORMED_JSON: { status: 400, title: 'Malformed JSON body', description: 'The body is not valid JSON, is empty, or is not valid UTF-8.' },
  NOT_A_GOVERNMENT_REPORT: { status: 400, title: 'Not a government report', description: 'Only a government\'s summary (`kind: government`) has departments\' reports as parts; this report is an agency\'s own.' },
  BAD_REQUEST: { status: 400, title: 'Bad Request', description: 'The request is malformed in another way (e.g. a bad URL or header).' },
  UNAUTHORIZED: { status: 401, title: 'Unauthorized', description: 'The operation needs an API key (`Authorization: Bearer <key>`), or the key sent is not valid (malformed, unknown or revoked).' },
  FORBIDDEN: { status: 403, title: 'Forbidden', description: 'The API key is valid but its scopes, agencies or regions do not cover this operation.' },
  NOT_FOUND: { status: 404, title: 'Not Found', description: 'No such route.' },
  REPORT_NOT_FOUND: { status: 404, title: 'Report not found', description: 'No report has this id.' },
  REVISION_NOT_FOUND: { status: 404, title: 'Revision not found', description: 'The report exists but has no such revision.' },
  FINDING_NOT_FOUND: { status: 404, title: 'Finding not found', description: 'No finding has this id (ids change when results are recomputed; follow the report\'s findings).' },
  PROBLEM_TYPE_NOT_FOUND: { status: 404, title: 'Problem type not found', description: 'No problem type has this name.' },
  AGENCY_NOT_FOUND: { status: 404, title: 'Agency not found', description: 'No report of this agency is stored.' },
  API_KEY_NOT_FOUND: { status: 404, title: 'API key not found', description: 'No API key has this id.' },
  AGENCY_REGION_CONFLICT: { status: 409, title: 'Agency is in another region', description: 'The agency is stored in another region than the one sent (`storedRegionCode`); a write never moves an agency, an admin does (`PUT /v1/admin/agencies/{code}/region`).' },
  REPORT_EXISTS: { status: 409, title: 'Report already exists', description: 'A different report with the same agency, year and kind is stored; `existing` names it. Revise it with PUT.' },
  PRECONDITION_FAILED: { status: 412, title: 'Precondition failed', description: 'The `If-Match` ETag is not the current revision: someone revised the report since you read it.' },
  REQUEST_TIMEOUT: { status: 408, title: 'Request Timeout', description: 'The request line and headers did not arrive in time, or the body arrived slower than the minimum rate (`BODY_MIN_RATE` bytes a second); the connection is closed.' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload Too Large', description: 'The body exceeds the size limit.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported Media Type', description: 'The body is not `application/json` in UTF-8.' },
  REPORT_KEY_CHANGED: { status: 422, title: 'Report identity cannot change', description: 'A revision must keep the agency code, year and kind of its report.' },
  REPORT_INCONSISTENT: { status: 422, title: 'Report is inconsistent', description: 'With `strict=true`, a rule of severity error failed; `findings` lists them and nothing was stored.' },
  IMPORT_UNREADABLE: { status: 422, title: 'Report could not be read', description: 'Not one table cell of a report could be read from the imported text (`missing` and `parseProblems` say what was looked for). A text read in part is answered 200 with `complete: false`.' },
  IMPORT_INCOMPLETE: { status: 422, title: 'Imported report is incomplete', description: 'With `store=true`: cells or required fields could not be read (`missing` and `unread` list them); nothing was stored. Send the completed report to `POST /v1/reports`.' },
  IMPORT_INVALID: { status: 422, title: 'Imported report is invalid', description: 'The report read from the text breaks the contract (`errors` lists each field); supply missing facts as query parameters.' },
  IMPORT_NO_TEXT_LAYER: { status: 422, title: 'Document has no text layer', description: 'The imported PDF carries no text, only pictures of its pages (a scan): run it through OCR first, or import the report\'s page or text.' },
  IMPORT_DOCUMENT_UNREADABLE: { status: 422, title: 'Document could not be opened', description: 'The imported PDF or Word file is damaged or password-protected, or the ZIP archive sent is not a Word document (.docx).' },
  AGENCY_REGION_MISMATCH: { status: 422, title: 'Region disagrees with the credit code', description: 'A new agency\'s region lies outside the city (first 4 digits) of the region its 统一社会信用代码 was registered in (characters 3–8, `registeredRegion`); an admin can place it there.' },
  AGENCY_NAME_REQUIRED: { status: 422, title: 'Agency name required', description: 'The agency is not stored yet: placing it in a region needs its `name`.' },
  INVALID_GRANT: { status: 422, title: 'Invalid key grant', description: 'The scopes, agencies and regions asked for a new key do not fit together (e.g. a `reports:write` key limited to nothing).' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'Idempotency key reused', description: 'The `Idempotency-Key` was already used with this API key for a different request (another path or body).' },
  PRECONDITION_REQUIRED: { status: 428, title: 'Precondition required', description: 'Updates need an `If-Match` header with the ETag of the revision you read.' },
  HEADERS_TOO_LARGE: { status: 431, title: 'Request Header Fields Too Large', description: 'The request line and headers exceed the size the server accepts; the connection is closed.' },
  RATE_LIMITED: { status: 429, title: 'Too Many Requests', description: 'Too many requests from this API key or IP address; retry after `Retry-After` seconds.' },
  INTERNAL_ERROR: { status: 500, title: 'Internal Server Error', description: 'An unexpected error; details are logged with the request id, never sent.' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'Service Unavailable', description: 'The database cannot be reached; retry after `Retry-After` seconds.' }
} as const satisfies Record<string, ProblemEntry> & Record<DomainErrorCode, ProblemEntry>

export type ProblemCode = keyof typeof PROBLEMS

export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[]

/** The kebab-case slug of a code, the last segment of the problem `type` URI. */
export function problemSlug (code: ProblemCode): string {
  return code.toLowerCase().replaceAll('_', '-')
}

/** An error the HTTP layer raises itself (preconditions, content negotiation), rendered by the one error handler. */
export class ProblemError extends Error {
  constructor (
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {}
  ) {
    super(detail)
    this.name = 'ProblemError'
  }
}
