/**
 * Who may do what: the scopes an API key can carry and the rule for which reports a writing key
 * may touch. Pure data and functions; the HTTP layer authenticates and calls these.
 */

export const SCOPES = ['reports:write', 'findings:review', 'admin'] as const
export type Scope = typeof SCOPES[number]

/** What an authenticated API key is allowed to do. */
export interface Grant {
  readonly keyId: number
  readonly scopes: readonly Scope[]
  /** 统一社会信用代码 of the agencies whose reports the key may write. */
  readonly agencyCodes: readonly string[]
  /** Leading digits of the 行政区划代码 whose agencies' reports the key may write (`3305` = 湖州市). */
  readonly regionPrefixes: readonly string[]
}

/** The part of a report that decides who may write it. */
export interface ReportOwner {
  readonly agencyCode: string
  readonly regionCode: string
}

export function isScope (value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value)
}

export function hasScope (grant: Grant, scope: Scope): boolean {
  return grant.scopes.includes(scope)
}

/** A `reports:write` key writes for its own agencies, and for every agency under its region prefixes. */
export function mayWriteReport (grant: Grant, owner: ReportOwner): boolean {
  return hasScope(grant, 'reports:write') && (
    grant.agencyCodes.includes(owner.agencyCode) ||
    grant.regionPrefixes.some((prefix) => owner.regionCode.startsWith(prefix))
  )
}

export interface GrantRequest {
  readonly scopes: readonly string[]
  readonly agencyCodes: readonly string[]
  readonly regionPrefixes: readonly string[]
}

/**
 * What is wrong with a requested grant, as sentences (empty when it is valid). A key without scopes
 * only reads (for when reads need a key). A writing key must be limited to some agencies or regions:
 * a key that may write everything is never what an office needs.
 */
export function grantProblems (request: GrantRequest, isAgencyCode: (code: string) => boolean): string[] {
  const problems: string[] = []
  for (const scope of request.scopes) {
    if (!isScope(scope)) problems.push(`unknown scope "${scope}" (known: ${SCOPES.join(', ')})`)
  }
  for (const code of request.agencyCodes) {
    if (!isAgencyCode(code)) problems.push(`"${code}" is not a valid 统一社会信用代码`)
  }
  for (const prefix of request.regionPrefixes) {
    if (!/^\d{2,6}$/.test(prefix)) problems.push(`region prefix "${prefix}" must be 2 to 6 digits of a 行政区划代码`)
  }
  const writes = request.scopes.includes('reports:write')
  const limited = request.agencyCodes.length > 0 || request.regionPrefixes.length > 0
  if (writes && !limited) problems.push('a reports:write key must name the agencies (--agency) or region prefixes (--region) it writes for')
  if (!writes && limited) problems.push('agencies and regions limit reports:write only; add that scope or drop them')
  return problems
}

/** A stored API key as admins see it: never its secret. */
export interface ApiKeyInfo {
  readonly id: number
  readonly lookupId: string
  readonly name: string
  readonly scopes: readonly Scope[]
  readonly agencyCodes: readonly string[]
  readonly regionPrefixes: readonly string[]
  readonly createdAt: Date
  readonly revokedAt: Date | null
}

export const AUDIT_ACTIONS = ['report.created', 'report.revised', 'finding.reviewed', 'key.created', 'key.revoked'] as const
export type AuditAction = typeof AUDIT_ACTIONS[number]

/** Who acted: an API key (null when the command line did, with the database's own credentials) and the request. */
export interface Actor {
  readonly keyId: number | null
  readonly requestId: string | null
}

/** One write in the audit trail. */
export interface AuditEntry {
  readonly id: number
  readonly occurredAt: Date
  readonly action: AuditAction
  readonly keyId: number | null
  readonly requestId: string | null
  readonly reportId: number | null
  readonly revision: number | null
  readonly findingId: number | null
  readonly subjectKeyId: number | null
}
