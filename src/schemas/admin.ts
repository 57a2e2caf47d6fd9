/** API keys and the audit trail, as admins see them. */
import { Type } from 'typebox'
import { AUDIT_ACTIONS, SCOPES } from '../domain/access.js'
import { CreditCodeSchema, RegionCodeSchema, TimestampSchema } from './common.js'

export const ScopeSchema = Type.Union(SCOPES.map((scope) => Type.Literal(scope)), {
  description: '`reports:write`: store and revise reports of its agencies and regions; `findings:review`: review findings of the reports of its agencies and regions; `admin`: manage keys, move agencies between regions and read the audit trail.'
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
  agencyCodes: Type.Array(CreditCodeSchema, { description: 'Agencies whose reports a `reports:write` key may write and a `findings:review` key may review.' }),
  regionPrefixes: Type.Array(RegionPrefixGrantSchema, { description: 'Regions whose agencies\' reports a `reports:write` key may write and a `findings:review` key may review.' }),
  createdAt: TimestampSchema('When the key was created.'),
  revokedAt: Type.Union([TimestampSchema('When the key was revoked.'), Type.Null()], { description: 'When the key was revoked; null while it is valid.' })
}, { $id: 'ApiKey', additionalProperties: false, title: 'ApiKey', description: 'An API key, without its secret.' })

export const NewApiKeySchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, description: 'Who holds the key (an office, a portal).' }),
  scopes: Type.Array(ScopeSchema, { maxItems: 3, uniqueItems: true, description: 'What the key may do.' }),
  agencyCodes: Type.Optional(Type.Array(CreditCodeSchema, { maxItems: 1000, description: 'Agencies a `reports:write` or `findings:review` key acts for.' })),
  regionPrefixes: Type.Optional(Type.Array(RegionPrefixGrantSchema, { maxItems: 1000, description: 'Regions a `reports:write` or `findings:review` key acts for.' }))
}, { additionalProperties: false, description: 'The key to create. A `reports:write` or `findings:review` key must name agencies or regions.' })

const AgencyMoveSchema = Type.Object({
  fromRegionCode: Type.Union([RegionCodeSchema, Type.Null()], { description: 'The region before; null when the agency was not stored.' }),
  toRegionCode: RegionCodeSchema,
  reason: Type.String({ description: 'The admin\'s reason.' })
}, { additionalProperties: false, description: 'An agency placed in a region by an admin.' })

export const AuditEntrySchema = Type.Object({
  id: Type.Integer({ minimum: 1, description: 'Position in the audit trail.' }),
  occurredAt: TimestampSchema('When the write was committed.'),
  action: Type.Union(AUDIT_ACTIONS.map((action) => Type.Literal(action)), { description: 'What was done.' }),
  keyId: Type.Union([KeyIdSchema, Type.Null()], { description: 'The API key that did it; null for the command line.' }),
  requestId: Type.Union([Type.String(), Type.Null()], { description: 'Id this service gave the HTTP request, as in its logs and `x-request-id` answer; null for the command line.' }),
  clientRequestId: Type.Union([Type.String(), Type.Null()], { description: 'The `x-request-id` the client sent, if any (logged as `clientRequestId`).' }),
  reportId: Type.Union([Type.Integer(), Type.Null()], { description: 'The report written.' }),
  revision: Type.Union([Type.Integer(), Type.Null()], { description: 'The revision stored or reviewed.' }),
  findingId: Type.Union([Type.Integer(), Type.Null()], { description: 'The finding reviewed.' }),
  subjectKeyId: Type.Union([Type.Integer(), Type.Null()], { description: 'The key created or revoked.' }),
  agencyCode: Type.Union([CreditCodeSchema, Type.Null()], { description: 'The agency moved (`agency.moved`).' }),
  details: Type.Union([AgencyMoveSchema, Type.Null()], { description: 'For `agency.moved`: from and to which region, and why.' })
}, { $id: 'AuditEntry', additionalProperties: false, title: 'AuditEntry', description: 'One write in the audit trail.' })

export const ADMIN_COMPONENTS = [ApiKeySchema, AuditEntrySchema] as const

export const AgencyPlacementSchema = Type.Object({
  regionCode: RegionCodeSchema,
  reason: Type.String({ minLength: 1, maxLength: 2000, description: 'Why the agency is placed there, for the audit trail.' }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Name of the agency; needed only when it is not stored yet.' }))
}, { additionalProperties: false, description: 'The region an admin places an agency in, whatever its credit code says.' })
