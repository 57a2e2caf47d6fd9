/** API keys and the audit trail, as admins see them. */
import { Type } from 'typebox'
import { AUDIT_ACTIONS, SCOPES } from '../domain/access.js'
import { CreditCodeSchema, TimestampSchema } from './common.js'

export const ScopeSchema = Type.Union(SCOPES.map((scope) => Type.Literal(scope)), {
  description: '`reports:write`: store and revise reports of its agencies and regions; `findings:review`: review findings; `admin`: manage keys and read the audit trail.'
})

const KeyIdSchema = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Id of an API key.' })

export const RegionPrefixGrantSchema = Type.String({
  pattern: '^[0-9]{2,6}$',
  title: '行政区划代码前缀',
  description: 'Leading digits of a 行政区划代码: `3305` covers every agency of 湖州市.'
})

export const ApiKeySchema = Type.Object({
  id: KeyIdSchema,
  lookupId: Type.String({ description: 'Public part of the key (after `gdr_`), to recognise it in logs; not a secret.' }),
  name: Type.String({ description: 'Who holds the key.' }),
  scopes: Type.Array(ScopeSchema, { description: 'What the key may do; none means read only (for when reads need a key).' }),
  agencyCodes: Type.Array(CreditCodeSchema, { description: 'Agencies whose reports a `reports:write` key may write.' }),
  regionPrefixes: Type.Array(RegionPrefixGrantSchema, { description: 'Regions whose agencies\' reports a `reports:write` key may write.' }),
  createdAt: TimestampSchema('When the key was created.'),
  revokedAt: Type.Union([TimestampSchema('When the key was revoked.'), Type.Null()], { description: 'When the key was revoked; null while it is valid.' })
}, { $id: 'ApiKey', additionalProperties: false, title: 'ApiKey', description: 'An API key, without its secret.' })

export const NewApiKeySchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, description: 'Who holds the key (an office, a portal).' }),
  scopes: Type.Array(ScopeSchema, { maxItems: 3, uniqueItems: true, description: 'What the key may do.' }),
  agencyCodes: Type.Optional(Type.Array(CreditCodeSchema, { maxItems: 1000, description: 'Agencies a `reports:write` key may write for.' })),
  regionPrefixes: Type.Optional(Type.Array(RegionPrefixGrantSchema, { maxItems: 1000, description: 'Regions a `reports:write` key may write for.' }))
}, { additionalProperties: false, description: 'The key to create. A `reports:write` key must name agencies or regions.' })

export const AuditEntrySchema = Type.Object({
  id: Type.Integer({ minimum: 1, description: 'Position in the audit trail.' }),
  occurredAt: TimestampSchema('When the write was committed.'),
  action: Type.Union(AUDIT_ACTIONS.map((action) => Type.Literal(action)), { description: 'What was done.' }),
  keyId: Type.Union([KeyIdSchema, Type.Null()], { description: 'The API key that did it; null for the command line.' }),
  requestId: Type.Union([Type.String(), Type.Null()], { description: 'Id of the HTTP request, as in the logs.' }),
  reportId: Type.Union([Type.Integer(), Type.Null()], { description: 'The report written.' }),
  revision: Type.Union([Type.Integer(), Type.Null()], { description: 'The revision stored or reviewed.' }),
  findingId: Type.Union([Type.Integer(), Type.Null()], { description: 'The finding reviewed.' }),
  subjectKeyId: Type.Union([Type.Integer(), Type.Null()], { description: 'The key created or revoked.' })
}, { $id: 'AuditEntry', additionalProperties: false, title: 'AuditEntry', description: 'One write in the audit trail.' })

export const ADMIN_COMPONENTS = [ApiKeySchema, AuditEntrySchema] as const
