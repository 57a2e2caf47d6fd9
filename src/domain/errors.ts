/**
 * Errors the domain raises, with stable machine codes. The HTTP layer maps each code to a status
 * and a problem type (see `src/problems.ts`); the domain itself knows nothing of HTTP.
 */
export type DomainErrorCode =
  | 'REPORT_NOT_FOUND'
  | 'REVISION_NOT_FOUND'
  | 'AGENCY_NOT_FOUND'
  | 'FINDING_NOT_FOUND'
  | 'PROBLEM_TYPE_NOT_FOUND'
  | 'REPORT_EXISTS'
  | 'REPORT_KEY_CHANGED'
  | 'REPORT_INCONSISTENT'
  | 'IMPORT_UNREADABLE'
  | 'IMPORT_INVALID'
  | 'IMPORT_NO_TEXT_LAYER'
  | 'IMPORT_DOCUMENT_UNREADABLE'
  | 'API_KEY_NOT_FOUND'
  | 'INVALID_GRANT'
  | 'FORBIDDEN'
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
