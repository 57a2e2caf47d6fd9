/**
 * Errors the domain raises, with stable machine codes: facts about reports, agencies, findings, imports and API keys.
 * The HTTP layer maps each code to a status and a problem type (see `src/problems.ts`); the domain itself knows nothing
 * of HTTP. What only the API decides (a key's scopes not covering an operation, a problem type page that does not
 * exist) is a `ProblemError` of the HTTP layer's own.
 */
export type DomainErrorCode =
  | 'REPORT_NOT_FOUND'
  | 'REVISION_NOT_FOUND'
  | 'AGENCY_NOT_FOUND'
  | 'FINDING_NOT_FOUND'
  | 'REPORT_EXISTS'
  | 'REPORT_KEY_CHANGED'
  | 'NOT_A_GOVERNMENT_REPORT'
  | 'REPORT_INCONSISTENT'
  | 'IMPORT_UNREADABLE'
  | 'IMPORT_INVALID'
  | 'IMPORT_INCOMPLETE'
  | 'IMPORT_NO_TEXT_LAYER'
  | 'IMPORT_DOCUMENT_UNREADABLE'
  | 'API_KEY_NOT_FOUND'
  | 'INVALID_GRANT'
  | 'AGENCY_REGION_MISMATCH'
  | 'AGENCY_REGION_CONFLICT'
  | 'AGENCY_NAME_REQUIRED'

export class DomainError extends Error {
  /**
   * @param code stable machine code, part of the API contract
   * @param detail a sentence for a person, specific to this occurrence
   * @param extensions extra members of the problem document (e.g. the id of a conflicting report)
   */
  constructor (
    readonly code: DomainErrorCode,
    readonly detail: string,
    readonly extensions: Readonly<Record<string, unknown>> = {}
  ) {
    super(detail)
    this.name = 'DomainError'
  }
}
