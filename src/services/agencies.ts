/**
 * Admins placing agencies in regions. A report write never moves its agency (it is refused when it states another
 * region), so that no key can take another region's agency or hand its own to another region: this is the one way,
 * audited, with one feed event per report that moved.
 */
import type { Kysely } from 'kysely'
import { lockAgencies } from '../db/analysis-repository.js'
import { recordAudit } from '../db/audit-repository.js'
import type { Database } from '../db/database.js'
import { appendEvents } from '../db/feed-repository.js'
import { findAgencyRecord, moveAgency } from '../db/report-repository.js'
import { lockForMove, recomputeAfterMove } from './government-parts.js'
import type { Actor } from '../domain/access.js'
import { DomainError } from '../domain/errors.js'

export interface Placement {
  readonly regionCode: string
  readonly reason: string
  /** Needed when the agency is not stored yet. */
  readonly name?: string
}

export interface PlacedAgency {
  readonly code: string
  readonly name: string
  readonly regionCode: string
  /** The region before; null when the agency was not stored. */
  readonly previousRegionCode: string | null
  /** Reports that moved with it. */
  readonly movedReports: number
}

/**
 * Places an agency in a region, whatever its credit code says: the admin's override of the rule that a new
 * agency's region lies in the city of its code. Its reports move with it. Placing it where it is changes nothing.
 */
export async function placeAgency (db: Kysely<Database>, code: string, placement: Placement, actor: Actor): Promise<PlacedAgency> {
  return await db.transaction().execute(async (trx) => {
    await lockAgencies(trx, [code])
    const before = await findAgencyRecord(trx, code)
    const name = before?.name ?? placement.name
    if (name === undefined) {
      throw new DomainError('AGENCY_NAME_REQUIRED', `Agency ${code} is not stored yet: send its name to place it in region ${placement.regionCode}.`)
    }
    const previousRegionCode = before?.regionCode ?? null
    if (previousRegionCode === placement.regionCode) return { code, name, regionCode: placement.regionCode, previousRegionCode, movedReports: 0 }
    if (previousRegionCode !== null) await lockForMove(trx, code, [previousRegionCode, placement.regionCode])
    const moved = await moveAgency(trx, code, placement.regionCode, name)
    await recordAudit(trx, actor, [{
      action: 'agency.moved',
      agencyCode: code,
      details: { fromRegionCode: previousRegionCode, toRegionCode: placement.regionCode, reason: placement.reason }
    }])
    // GOV-PARTS of the summaries it left and joined (see government-parts.ts).
    const summaries = previousRegionCode === null ? [] : await recomputeAfterMove(trx, code, [previousRegionCode, placement.regionCode])
    await appendEvents(trx, [
      ...moved.map(({ reportId, revision }) => ({ type: 'region_changed' as const, reportId, revision })),
      ...summaries.map(({ reportId, revision }) => ({ type: 'findings_recomputed' as const, reportId, revision }))
    ])
    return { code, name, regionCode: placement.regionCode, previousRegionCode, movedReports: moved.length }
  })
}
