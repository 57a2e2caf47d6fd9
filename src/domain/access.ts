/**
 * Who may do what: the scopes an API key can carry and the rule for which reports a writing or reviewing
 * key may touch. Pure data and functions; the HTTP layer authenticates, services call these against the
 * rows they have locked.
 */
import { creditCodeRegion, regionAgreesWithCreditCode } from './credit-code.js'

export const SCOPES = ['reports:write', 'findings:review', 'admin'] as const
export type Scope = typeof SCOPES[number]

/** What an authenticated API key is allowed to do. */
export interface Grant {
  readonly keyId: number
  readonly scopes: readonly Scope[]
  /** 统一社会信用代码 of the agencies whose reports the key may write or review. */
  readonly agencyCodes: readonly string[]
  /** Leading digits of the 行政区划代码 whose agencies' reports the key may write or review (`3305` = 湖州市). */
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

/** The scopes whose use the key's agencies and regions limit. */
const LIMITED_SCOPES: readonly Scope[] = ['reports:write', 'findings:review']

/** A key acts with a limited scope for its own agencies, and for every agency under its region prefixes. */
function mayActFor (grant: Grant, scope: Scope, owner: ReportOwner): boolean {
  return hasScope(grant, scope) && (
    grant.agencyCodes.includes(owner.agencyCode) ||
    grant.regionPrefixes.some((prefix) => owner.regionCode.startsWith(prefix))
  )
}

/** A `reports:write` key writes for its own agencies, and for every agency under its region prefixes. */
export function mayWriteReport (grant: Grant, owner: ReportOwner): boolean {
  return mayActFor(grant, 'reports:write', owner)
}

/**
 * A `findings:review` key reviews the findings of reports it could write with `reports:write`: the report as
 * stored (its agency and region) and its agency's stored region must both be covered.
 */
export function mayReviewFindings (grant: Grant, report: ReportOwner, agencyRegionCode: string | undefined): boolean {
  return mayActFor(grant, 'findings:review', report) &&
    (agencyRegionCode === undefined || mayActFor(grant, 'findings:review', { ...report, regionCode: agencyRegionCode }))
}

/** What is stored of a report's owner when a write is judged, read under the write's locks. */
export interface StoredOwnership {
  /** The agency's region as stored; undefined when the agency is new. */
  readonly agencyRegionCode: string | undefined
  /** The owner of the stored report the write would replace or revise; undefined when there is none. */
  readonly report: ReportOwner | undefined
}

/** Why a write is refused. */
export type WriteRefusal =
  /** The key covers the agency or region sent, stored or of the stored report not. */
  | { readonly code: 'FORBIDDEN' }
  /** A new agency whose region lies outside the city its credit code was registered in. */
  | { readonly code: 'AGENCY_REGION_MISMATCH', readonly registeredRegion: string }
  /** A stored agency sent with another region: only an admin moves an agency. */
  | { readonly code: 'AGENCY_REGION_CONFLICT', readonly storedRegion: string }

const FORBIDDEN: WriteRefusal = { code: 'FORBIDDEN' }

/**
 * Whether `grant` may write a report of `owner` (as the body states it), given what is stored; undefined
 * when it may. The key must cover the owner as sent, as stored and the stored report; only then is anything
 * else said, so a refusal tells a key nothing of other regions. A new agency's region must lie in the city its
 * 统一社会信用代码 was registered in; a stored agency keeps its stored region, which only an admin changes.
 */
export function judgeWrite (grant: Grant, owner: ReportOwner, stored: StoredOwnership): WriteRefusal | undefined {
  const covered = mayWriteReport(grant, owner) &&
    (stored.agencyRegionCode === undefined || mayWriteReport(grant, { ...owner, regionCode: stored.agencyRegionCode })) &&
    (stored.report === undefined || mayWriteReport(grant, stored.report))
  if (!covered) return FORBIDDEN
  if (stored.agencyRegionCode !== undefined) {
    return stored.agencyRegionCode === owner.regionCode ? undefined : { code: 'AGENCY_REGION_CONFLICT', storedRegion: stored.agencyRegionCode }
  }
  return regionAgreesWithCreditCode(owner.agencyCode, owner.regionCode)
    ? undefined
    : { code: 'AGENCY_REGION_MISMATCH', registeredRegion: creditCodeRegion(owner.agencyCode) }
}

/**
 * `judgeWrite` for writes applied one after the other, each judged alone: a write that goes ahead for a new
 * agency places it in its region for the writes after it, one refused places it nowhere.
 */
export function judgeWrites (
  grant: Grant, writes: ReadonlyArray<{ readonly owner: ReportOwner, readonly stored: StoredOwnership }>
): Array<WriteRefusal | undefined> {
  const placed = new Map<string, string>()
  return writes.map(({ owner, stored }) => {
    const agencyRegionCode = stored.agencyRegionCode ?? placed.get(owner.agencyCode)
    const refusal = judgeWrite(grant, owner, { ...stored, agencyRegionCode })
    if (refusal === undefined && agencyRegionCode === undefined) placed.set(owner.agencyCode, owner.regionCode)
    return refusal
  })
}

export interface GrantRequest {
  readonly scopes: readonly string[]
  readonly agencyCodes: readonly string[]
  readonly regionPrefixes: readonly string[]
}

/**
 * What is wrong with a requested grant, as sentences (empty when it is valid). A key without scopes
 * only reads (for when reads need a key). A writing or reviewing key must be limited to some agencies or
 * regions: a key that may write or review everything is never what an office needs.
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
  const limitedScopes = LIMITED_SCOPES.filter((scope) => request.scopes.includes(scope))
  const limited = request.agencyCodes.length > 0 || request.regionPrefixes.length > 0
  for (const scope of limitedScopes) {
    if (!limited) problems.push(`a ${scope} key must name the agencies (--agency) or region prefixes (--region) it acts for`)
  }
  if (limitedScopes.length === 0 && limited) problems.push(`agencies and regions limit ${LIMITED_SCOPES.join(' and ')} only; add one of them or drop them`)
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

export const AUDIT_ACTIONS = ['report.created', 'report.revised', 'finding.reviewed', 'key.created', 'key.revoked', 'agency.moved'] as const
export type AuditAction = typeof AUDIT_ACTIONS[number]

/** Who acted: an API key (null when the command line did, with the database's own credentials) and the request. */
export interface Actor {
  readonly keyId: number | null
  /** The id this service gave the request (as in its logs and its `x-request-id` answer). */
  readonly requestId: string | null
  /** The `x-request-id` the client sent, if any: its own, which it may reuse; absent or null when none. */
  readonly clientRequestId?: string | null
}

/** One write in the audit trail. */
export interface AuditEntry {
  readonly id: number
  readonly occurredAt: Date
  readonly action: AuditAction
  readonly keyId: number | null
  readonly requestId: string | null
  readonly clientRequestId: string | null
  readonly reportId: number | null
  readonly revision: number | null
  readonly findingId: number | null
  readonly subjectKeyId: number | null
  /** The agency moved (`agency.moved`). */
  readonly agencyCode: string | null
  /** For `agency.moved`: the regions from and to, and the admin's reason. */
  readonly details: AgencyMove | null
}

/** An admin's move of an agency to another region, as the audit trail records it. */
export interface AgencyMove {
  /** Null when the agency was not stored before: an admin placed a new agency. */
  readonly fromRegionCode: string | null
  readonly toRegionCode: string
  readonly reason: string
}
