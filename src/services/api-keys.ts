/** Creating and revoking API keys, each with its audit entry in the same transaction. */
import type { Kysely } from 'kysely'
import { generateToken } from '../auth/tokens.js'
import { findApiKey, insertApiKey, revokeApiKey } from '../db/api-key-repository.js'
import { recordAudit } from '../db/audit-repository.js'
import type { Database } from '../db/database.js'
import { type Actor, type ApiKeyInfo, grantProblems, type GrantRequest, type Scope } from '../domain/access.js'
import { isValidCreditCode } from '../domain/credit-code.js'
import { DomainError } from '../domain/errors.js'

export interface KeyRequest extends GrantRequest {
  readonly name: string
}

export interface CreatedKey {
  readonly key: ApiKeyInfo
  /** The whole key: shown once, never stored. */
  readonly token: string
}

export async function createKey (db: Kysely<Database>, request: KeyRequest, actor: Actor): Promise<CreatedKey> {
  const problems = grantProblems(request, isValidCreditCode)
  if (problems.length > 0) throw new DomainError('INVALID_GRANT', `The key cannot be created: ${problems.join('; ')}.`, { problems })
  const { token, lookupId, secretDigest } = generateToken()
  return await db.transaction().execute(async (trx) => {
    const key = await insertApiKey(trx, {
      name: request.name,
      lookupId,
      secretDigest,
      scopes: [...new Set(request.scopes)] as Scope[],
      agencyCodes: [...new Set(request.agencyCodes)],
      regionPrefixes: [...new Set(request.regionPrefixes)]
    })
    await recordAudit(trx, actor, [{ action: 'key.created', subjectKeyId: key.id }])
    return { key, token }
  })
}

/** Revokes a key; revoking a revoked key changes nothing and is not audited again. */
export async function revokeKey (db: Kysely<Database>, id: number, actor: Actor): Promise<ApiKeyInfo> {
  return await db.transaction().execute(async (trx) => {
    const before = await findApiKey(trx, id)
    if (before === undefined) throw new DomainError('API_KEY_NOT_FOUND', `No API key has id ${id}.`)
    if (before.revokedAt !== null) return before
    const revoked = await revokeApiKey(trx, id)
    await recordAudit(trx, actor, [{ action: 'key.revoked', subjectKeyId: id }])
    return revoked ?? before
  })
}
