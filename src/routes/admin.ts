/** /v1/admin — API keys and the audit trail, for keys with the `admin` scope. */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { type ApiKeyInfo, AUDIT_ACTIONS, type AuditEntry } from '../domain/access.js'
import { actorOf } from '../http/caller.js'
import { AgencyPlacementSchema, ApiKeySchema, NewApiKeySchema } from '../schemas/admin.js'
import { CreditCodeSchema, RegionCodeSchema } from '../schemas/common.js'
import { COMMON_PROBLEM_RESPONSES, problemResponse } from '../schemas/problem.js'
import { CursorSchema, LimitSchema, PageSchema } from '../schemas/resources.js'
import { placeAgency } from '../services/agencies.js'
import { createKey, revokeKey } from '../services/api-keys.js'
import { decodeCursor, nextPage, ROW_ID_CURSOR } from '../http/pagination.js'
import { readApiKeys, readAudit } from '../services/reads.js'

function keyJson (key: ApiKeyInfo) {
  return { ...key, scopes: [...key.scopes], agencyCodes: [...key.agencyCodes], regionPrefixes: [...key.regionPrefixes], createdAt: key.createdAt.toISOString(), revokedAt: key.revokedAt?.toISOString() ?? null }
}

function auditJson (entry: AuditEntry) {
  return { ...entry, occurredAt: entry.occurredAt.toISOString() }
}

const KeyParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Id of the API key.' }) }, { additionalProperties: false })

const keyResponse = (description: string) => ({ description, content: { 'application/json': { schema: Type.Ref('ApiKey') } } })

const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/v1/admin/keys', {
    config: { access: 'admin' },
    schema: {
      operationId: 'createApiKey',
      tags: ['admin'],
      summary: 'Create an API key',
      description: 'Creates a key and answers it once, in `token`: only its digest is stored, so it cannot be shown again.',
      body: NewApiKeySchema,
      response: {
        201: {
          description: 'The key, with its token.',
          headers: { location: Type.String({ description: 'URL of the key.' }) },
          content: {
            'application/json': {
              schema: Type.Object({
                key: ApiKeySchema,
                token: Type.String({ description: 'The whole key, to send as `Authorization: Bearer <token>`. Shown this once.' })
              }, { additionalProperties: false })
            }
          }
        },
        400: problemResponse('Invalid fields (`VALIDATION_ERROR`).'),
        413: problemResponse('The body exceeds the size limit.'),
        415: problemResponse('The body is not `application/json` in UTF-8.'),
        422: problemResponse('The scopes, agencies and regions do not fit together (`INVALID_GRANT`).'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request, reply) => {
    const { name, scopes, agencyCodes = [], regionPrefixes = [] } = request.body
    const { key, token } = await createKey(app.db, { name, scopes, agencyCodes, regionPrefixes }, actorOf(request))
    reply.header('cache-control', 'no-store').header('location', `/v1/admin/keys/${key.id}`).code(201)
    return { key: keyJson(key), token }
  })

  app.get('/v1/admin/keys', {
    config: { access: 'admin' },
    schema: {
      operationId: 'listApiKeys',
      tags: ['admin'],
      summary: 'List API keys',
      description: 'Every key ever created, revoked ones included, oldest first; never their secrets.',
      response: {
        200: { description: 'The keys.', content: { 'application/json': { schema: Type.Object({ items: Type.Array(Type.Ref('ApiKey')) }, { additionalProperties: false }) } } },
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-store')
    return { items: (await readApiKeys(app.db)).map(keyJson) }
  })

  app.delete('/v1/admin/keys/:id', {
    config: { access: 'admin' },
    schema: {
      operationId: 'revokeApiKey',
      tags: ['admin'],
      summary: 'Revoke an API key',
      description: 'Revokes the key at once: requests with it get 401 from now on. The key stays listed, with `revokedAt`, ' +
        'so that the audit trail still names it. Revoking a revoked key changes nothing.',
      params: KeyParamsSchema,
      response: {
        200: keyResponse('The revoked key.'),
        400: problemResponse('Invalid id.'),
        404: problemResponse('No key has this id (`API_KEY_NOT_FOUND`).'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request) => keyJson(await revokeKey(app.db, request.params.id, actorOf(request))))

  app.put('/v1/admin/agencies/:code/region', {
    config: { access: 'admin' },
    schema: {
      operationId: 'placeAgency',
      tags: ['admin'],
      summary: 'Move an agency to another region',
      description: 'Places the agency in `regionCode` with every report of it (their `regionCode`, figures and ETags; stored revisions keep ' +
        'what they were sent with), and records the move with its reason in the audit trail (`agency.moved`) and each moved report in the ' +
        'feed (`region_changed`). A report write never moves an agency: it is refused (`AGENCY_REGION_CONFLICT`) when it names another region. ' +
        'This is also how an admin allows a region that disagrees with the agency\'s credit code (`AGENCY_REGION_MISMATCH`): an agency not ' +
        'stored yet is stored here with its `name`, and its reports may then be written for that region. Placing an agency where it is changes nothing.',
      params: AgencyParamsSchema,
      body: AgencyPlacementSchema,
      response: {
        200: { description: 'The agency where it is now.', content: { 'application/json': { schema: PlacedAgencySchema } } },
        400: problemResponse('Invalid code or body (`VALIDATION_ERROR`).'),
        413: problemResponse('The body exceeds the size limit.'),
        415: problemResponse('The body is not `application/json` in UTF-8.'),
        422: problemResponse('The agency is not stored and no `name` was sent (`AGENCY_NAME_REQUIRED`).'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store')
    return await placeAgency(app.db, request.params.code, request.body, actorOf(request))
  })

  app.get('/v1/admin/audit', {
    config: { access: 'admin' },
    schema: {
      operationId: 'listAuditEntries',
      tags: ['admin'],
      summary: 'Read the audit trail',
      description: 'Every write (reports stored and revised, findings reviewed, keys created and revoked, agencies moved) with the key ' +
        'that made it and the request id, oldest first. Filter by key, report, agency or action; follow `next` for the following page.',
      querystring: Type.Object({
        keyId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Only the writes of this key.' })),
        reportId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Only the writes to this report.' })),
        action: Type.Optional(Type.Union(AUDIT_ACTIONS.map((action) => Type.Literal(action)), { description: 'Only this action.' })),
        agencyCode: Type.Optional({ ...CreditCodeSchema, description: 'Only the moves of this agency.' }),
        limit: Type.Optional(LimitSchema),
        cursor: Type.Optional(CursorSchema)
      }, { additionalProperties: false }),
      response: {
        200: {
          description: 'One page of the audit trail.',
          headers: { link: Type.String({ description: '`<url>; rel="next"` when another page follows.' }) },
          content: { 'application/json': { schema: PageSchema(Type.Ref('AuditEntry'), 'Entries of this page.') } }
        },
        400: problemResponse('An invalid filter, or a cursor this API did not issue.'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request, reply) => {
    const { limit = 50, cursor, ...filters } = request.query
    const { entries, hasMore } = await readAudit(app.db, filters, decodeCursor(cursor, ROW_ID_CURSOR), limit)
    reply.header('cache-control', 'no-store')
    const next = nextPage(reply, request.url, entries, hasMore, (entry) => entry.id)
    return { items: entries.map(auditJson), next }
  })
}

const AgencyParamsSchema = Type.Object({ code: CreditCodeSchema }, { additionalProperties: false })

const PlacedAgencySchema = Type.Object({
  code: CreditCodeSchema,
  name: Type.String({ description: 'Name of the agency.' }),
  regionCode: RegionCodeSchema,
  previousRegionCode: Type.Union([RegionCodeSchema, Type.Null()], { description: 'The region before; null when the agency was not stored.' }),
  movedReports: Type.Integer({ minimum: 0, description: 'Reports that moved with the agency (each has a `region_changed` event in the feed).' })
}, { additionalProperties: false, description: 'The agency where it is placed now.' })

export default adminRoutes
