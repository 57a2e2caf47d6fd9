/** Reviewers' decisions on findings, each with its audit entry, authorised against the locked report. */
import type { Kysely } from 'kysely'
import { addReview, findFinding, type ReviewDecision } from '../db/analysis-repository.js'
import { recordAudit } from '../db/audit-repository.js'
import type { Database } from '../db/database.js'
import { lockReportOwner } from '../db/report-repository.js'
import { type Actor, type Grant, mayReviewFindings } from '../domain/access.js'
import { DomainError } from '../domain/errors.js'
import { ProblemError } from '../problems.js'

/**
 * Records a decision on a finding. The key must cover the finding's report as `reports:write` would: its agency
 * or region as stored, read with the report's row locked so that no move of the agency can pass in between.
 */
export async function reviewFinding (
  db: Kysely<Database>, findingId: number, decision: { decision: ReviewDecision, reason: string }, grant: Grant, actor: Actor
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const finding = await findFinding(trx, findingId)
    if (finding === undefined) throw new DomainError('FINDING_NOT_FOUND', `No finding has id ${findingId}.`)
    const owner = await lockReportOwner(trx, finding.reportId)
    if (owner === undefined) throw new DomainError('FINDING_NOT_FOUND', `No finding has id ${findingId}.`)
    if (!mayReviewFindings(grant, owner.report, owner.agencyRegionCode)) {
      throw new ProblemError('FORBIDDEN', `This API key may not review findings of agency ${owner.report.agencyCode}.`)
    }
    await addReview(trx, finding, decision.decision, decision.reason)
    await recordAudit(trx, actor, [{ action: 'finding.reviewed', reportId: finding.reportId, revision: finding.revision, findingId: finding.id }])
  })
}
