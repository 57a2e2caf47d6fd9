/** API keys: created with their digest, found by lookup id, listed and revoked by admins. */
import type { ApiKeyInfo, Grant, Scope } from '../domain/access.js'
import type { ApiKeyTable } from './database.js'
import { prepareStatement } from './prepared.js'
import type { Executor } from './executor.js'
import { type Selectable, sql } from 'kysely'

const INFO_COLUMNS = ['id', 'lookup_id', 'name', 'scopes', 'agency_codes', 'region_prefixes', 'created_at', 'revoked_at'] as const

function toInfo (row: Omit<Selectable<ApiKeyTable>, 'secret_digest'>): ApiKeyInfo {
  return {
    id: Number(row.id),
    lookupId: row.lookup_id,
    name: row.name,
    scopes: row.scopes as Scope[],
    agencyCodes: row.agency_codes,
    regionPrefixes: row.region_prefixes,
    createdAt: row.created_at,
    revokedAt: row.revoked_at
  }
}

export interface NewApiKey {
  readonly name: string
  readonly lookupId: string
  readonly secretDigest: Buffer
  readonly scopes: readonly Scope[]
  readonly agencyCodes: readonly string[]
  readonly regionPrefixes: readonly string[]
}

export async function insertApiKey (db: Executor, key: NewApiKey): Promise<ApiKeyInfo> {
  const row = await db.insertInto('api_key')
    .values({
      name: key.name,
      lookup_id: key.lookupId,
      secret_digest: key.secretDigest,
      scopes: [...key.scopes],
      agency_codes: [...key.agencyCodes],
      region_prefixes: [...key.regionPrefixes]
    })
    .returning(INFO_COLUMNS)
    .executeTakeFirstOrThrow()
  return toInfo(row)
}

const activeKey = prepareStatement((db, { lookupId }: { lookupId: string }) => db.selectFrom('api_key')
  .select(['id', 'secret_digest', 'scopes', 'agency_codes', 'region_prefixes'])
  .where('lookup_id', '=', lookupId)
  .where('revoked_at', 'is', null), { lookupId: '\u0000lookup' })

/** The grant and secret digest of the unrevoked key with this lookup id (looked up on every authenticated request). */
export async function findActiveKey (db: Executor, lookupId: string): Promise<{ grant: Grant, secretDigest: Buffer } | undefined> {
  const [row] = await activeKey(db, { lookupId })
  if (row === undefined) return undefined
  return {
    grant: { keyId: Number(row.id), scopes: row.scopes as Scope[], agencyCodes: row.agency_codes, regionPrefixes: row.region_prefixes },
    secretDigest: row.secret_digest
  }
}

export async function listApiKeys (db: Executor): Promise<ApiKeyInfo[]> {
  const rows = await db.selectFrom('api_key').select(INFO_COLUMNS).orderBy('id').execute()
  return rows.map(toInfo)
}

export async function findApiKey (db: Executor, id: number): Promise<ApiKeyInfo | undefined> {
  const row = await db.selectFrom('api_key').select(INFO_COLUMNS).where('id', '=', String(id)).executeTakeFirst()
  return row === undefined ? undefined : toInfo(row)
}

/** Revokes a key (idempotently: a revoked key keeps its first revocation time). */
export async function revokeApiKey (db: Executor, id: number): Promise<ApiKeyInfo | undefined> {
  await db.updateTable('api_key')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', String(id))
    .where('revoked_at', 'is', null)
    .execute()
  return await findApiKey(db, id)
}
