/** GET /v1/feed — every stored revision and recomputed finding set, in the order written, for portals to sync. */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { ReportStatusSchema } from '../schemas/analysis.js'
import { CreditCodeSchema, KindSchema, ReportIdSchema, RevisionSchema, TimestampSchema, YearSchema } from '../schemas/common.js'
import { COMMON_PROBLEM_RESPONSES, problemResponse } from '../schemas/problem.js'
import { CursorSchema } from '../schemas/resources.js'
import { decodeCursor, encodeCursor, FEED_CURSOR, feedCursorValue, feedPositionOf } from '../http/pagination.js'
import { reportHref } from './reports/representation.js'
import { readFeed } from '../services/reads.js'

const EventSchema = Type.Object({
  sequence: Type.Integer({ minimum: 1, description: 'The event\'s number, unique, given as it is written. It need not increase along the feed: a write that began before another and committed after it is listed first, with the higher numbers.' }),
  type: Type.Union([Type.Literal('revision_stored'), Type.Literal('findings_recomputed'), Type.Literal('region_changed')], {
    description: '`revision_stored`: a report or a new revision was stored. `findings_recomputed`: a report\'s findings and changes were recomputed because its prior year was stored or revised. ' +
      '`region_changed`: an admin moved the report\'s agency to another region (the report\'s `regionCode` changed; its revisions did not).'
  }),
  reportId: ReportIdSchema,
  revision: RevisionSchema('The revision concerned.'),
  agencyCode: CreditCodeSchema,
  year: YearSchema(),
  kind: KindSchema,
  status: Type.Union([ReportStatusSchema, Type.Null()], { description: 'Status of that revision now (it may have been recomputed since).' }),
  occurredAt: TimestampSchema('When the change was committed.'),
  href: Type.String({ description: 'URL of the report at that revision.' })
}, { additionalProperties: false })

const FEED_LIMIT = Type.Integer({ minimum: 1, maximum: 1000, default: 100, description: 'Events per page, 1–1000.' })

const feedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/feed', {
    schema: {
      operationId: 'getFeed',
      tags: ['feed'],
      summary: 'Read the change feed',
      description: 'Events in the order of the transactions that wrote them, each listed only once every transaction before it has finished, so that a report\'s revisions come in the order stored. Start without `after`, then always follow `next`: it never skips or repeats an event, ' +
        'even while writers commit concurrently. When `hasMore` is false you are up to date; poll `next` again later.',
      querystring: Type.Object({
        after: Type.Optional(CursorSchema),
        limit: Type.Optional(FEED_LIMIT)
      }, { additionalProperties: false }),
      response: {
        200: {
          description: 'One page of events.',
          content: {
            'application/json': {
              schema: Type.Object({
                items: Type.Array(EventSchema),
                next: Type.String({ description: 'URL to poll for the events after this page (the same position when the page is empty).' }),
                hasMore: Type.Boolean({ description: 'More events are already available at `next`.' })
              }, { additionalProperties: false })
            }
          }
        },
        400: problemResponse('An invalid limit or a cursor this API did not issue.'),
        ...COMMON_PROBLEM_RESPONSES
      }
    }
  }, async (request, reply) => {
    const { after, limit = 100 } = request.query
    const position = feedPositionOf(decodeCursor(after, FEED_CURSOR, 'after'))
    const { events, hasMore } = await readFeed(app.dbRead, position, limit)
    const last = events.at(-1)?.position ?? position
    const url = new URL(request.url, 'http://placeholder')
    url.searchParams.delete('cursor')
    url.searchParams.set('after', encodeCursor(feedCursorValue(last)))
    reply.header('cache-control', 'no-store')
    return {
      items: events.map((event) => ({
        sequence: event.id,
        type: event.type,
        reportId: event.reportId,
        revision: event.revision,
        agencyCode: event.agencyCode,
        year: event.year,
        kind: event.kind,
        status: event.status as 'clean' | 'warnings' | 'errors' | null,
        occurredAt: event.occurredAt.toISOString(),
        href: `${reportHref(event.reportId)}?revision=${event.revision}`
      })),
      next: `${url.pathname}${url.search}`,
      hasMore
    }
  })
}

export default feedRoutes
