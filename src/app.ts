/**
 * Builds the Fastify application: plugins in order, then routes. No listen and no process access:
 * `src/server.ts` runs it, tests `inject` into it, `scripts/generate-openapi.ts` reads its contract.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyServerOptions, LogController } from 'fastify'
import type { Config } from './config.js'
import { isValidCreditCode } from './domain/credit-code.js'
import authPlugin from './plugins/auth.js'
import bodyRatePlugin from './plugins/body-rate.js'
import dbPlugin from './plugins/db.js'
import heavyReadsPlugin from './plugins/heavy-reads.js'
import httpCachePlugin from './plugins/http-cache.js'
import idempotencyPlugin from './plugins/idempotency.js'
import jsonBodyPlugin from './plugins/json-body.js'
import problemDetailsPlugin, { clientErrorHandler } from './plugins/problem-details.js'
import protectionPlugin from './plugins/protection.js'
import requestLogPlugin, { newRequestId } from './plugins/request-log.js'
import swaggerPlugin from './plugins/swagger.js'
import { lazySerializerCompilers } from './plugins/serialization.js'
import validationPlugin from './plugins/validation.js'
import adminRoutes from './routes/admin.js'
import agencyRoutes from './routes/agencies/index.js'
import analysisRoutes from './routes/analysis/index.js'
import bulkRoutes from './routes/bulk.js'
import exportRoutes from './routes/exports.js'
import feedRoutes from './routes/feed.js'
import importRoutes from './routes/imports.js'
import operationsRoutes from './routes/operations.js'
import partsRoutes from './routes/parts.js'
import problemsRoutes from './routes/problems.js'
import reportRoutes from './routes/reports/index.js'
import statsRoutes from './routes/stats.js'
import { ADMIN_COMPONENTS } from './schemas/admin.js'
import { ANALYSIS_COMPONENTS } from './schemas/analysis.js'
import { IMPORT_COMPONENTS } from './schemas/imports.js'
import { ProblemSchema } from './schemas/problem.js'
import { REPORT_COMPONENTS } from './schemas/report.js'
import { RESOURCE_COMPONENTS } from './schemas/resources.js'
import { ImportReaders } from './services/import-readers.js'

/** Version of the HTTP contract, shown in the OpenAPI document. */
export const API_VERSION = '1.0.0'

const CREDIT_CODE_FORMAT = { type: 'string', validate: isValidCreditCode } as const

export interface AppOptions {
  readonly config: Config
  /** Connection string of the database (the configured one, or the embedded one `server.ts` started). */
  readonly databaseUrl: string
  /** pino options, or false for no logs (tests). */
  readonly logger?: FastifyServerOptions['logger']
  /** The clock; injected so that tests can fix today's date. */
  readonly now?: () => Date
}

export async function buildApp ({ config, databaseUrl, logger = false, now = () => new Date() }: AppOptions) {
  const app = Fastify({
    logger,
    bodyLimit: config.BODY_LIMIT,
    genReqId: newRequestId,
    // We log one line per request ourselves (plugins/request-log.ts) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // Refuse, rather than strip, prototype-poisoning keys in JSON bodies.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    schemaController: { compilersFactory: { buildSerializer: lazySerializerCompilers } },
    // A slow client must not hold a connection forever: one silent for a minute is closed, and a body
    // slower than BODY_MIN_RATE is cut off (plugins/body-rate.ts). There is no limit on a whole request's
    // time, which would cut off a bulk upload that streams for minutes while its answer streams back;
    // Node's own headersTimeout still bounds the time to send the headers.
    connectionTimeout: 60_000,
    requestTimeout: 0,
    // Behind a load balancer, the client's address (for per-IP limits and logs) comes from X-Forwarded-For.
    trustProxy: typeof config.TRUST_PROXY === 'boolean' ? config.TRUST_PROXY : [...config.TRUST_PROXY],
    clientErrorHandler: clientErrorHandler(config.PROBLEM_TYPE_BASE),
    routerOptions: { ignoreTrailingSlash: true },
    // Fastify answers a path it cannot decode (`/v1/reports/%80`) itself, past the error handler: hand
    // the error to the app's, so that it too is problem+json.
    frameworkErrors: (error, request, reply) => { app.errorHandler(error, request, reply) },
    // Response schemas with unions are checked by fast-json-stringify's own Ajv, which must know our formats.
    serializerOpts: { ajv: { formats: { 'credit-code': CREDIT_CODE_FORMAT } } }
  }).withTypeProvider<TypeBoxTypeProvider>()

  const components = [...REPORT_COMPONENTS, ...RESOURCE_COMPONENTS, ...ANALYSIS_COMPONENTS, ...IMPORT_COMPONENTS, ...ADMIN_COMPONENTS, ProblemSchema]
  await app.register(validationPlugin, { components })
  await app.register(swaggerPlugin, { version: API_VERSION })
  await app.register(problemDetailsPlugin, { typeBase: config.PROBLEM_TYPE_BASE })
  await app.register(jsonBodyPlugin)
  await app.register(requestLogPlugin)
  await app.register(httpCachePlugin)
  await app.register(dbPlugin, { url: databaseUrl, readUrl: config.DATABASE_READ_URL, poolMax: config.DB_POOL_MAX, statementTimeoutMs: config.STATEMENT_TIMEOUT_MS })
  await app.register(authPlugin, { readsNeedKey: config.READ_ACCESS === 'key', failuresPerIpPerMinute: config.AUTH_FAILURES_PER_IP })
  await app.register(protectionPlugin, {
    perIpPerMinute: config.RATE_LIMIT_PER_IP,
    perKeyPerMinute: config.RATE_LIMIT_PER_KEY,
    corsOrigins: config.CORS_ORIGINS
  })
  await app.register(bodyRatePlugin, { minBytesPerSecond: config.BODY_MIN_RATE, windowMs: config.BODY_RATE_WINDOW_MS })
  await app.register(heavyReadsPlugin, {
    concurrency: config.HEAVY_READ_CONCURRENCY,
    queue: config.HEAVY_READ_QUEUE,
    maxPauseMs: config.HEAVY_READ_MAX_PAUSE_MS
  })
  await app.register(idempotencyPlugin, { retentionHours: config.IDEMPOTENCY_RETENTION_HOURS })

  await app.register(operationsRoutes)
  await app.register(problemsRoutes)
  await app.register(reportRoutes, { now })
  await app.register(analysisRoutes, { now })
  await app.register(partsRoutes)
  await app.register(agencyRoutes)
  await app.register(feedRoutes)
  await app.register(statsRoutes)
  await app.register(exportRoutes)
  const readers = new ImportReaders({
    threads: config.IMPORT_CONCURRENCY,
    memoryMb: config.IMPORT_WORKER_MEMORY_MB,
    timeoutMs: config.IMPORT_TIMEOUT_MS,
    onIdleThreadError: (error) => { app.log.error({ err: error }, 'an import reader failed between readings') }
  })
  app.addHook('onClose', async () => await readers.close())
  await app.register(importRoutes, {
    now,
    components,
    bodyLimit: config.IMPORT_BODY_LIMIT,
    limits: { maxPages: config.IMPORT_MAX_PAGES, maxTextLength: config.IMPORT_TEXT_LIMIT },
    readers
  })
  await app.register(bulkRoutes, { now, components, problemTypeBase: config.PROBLEM_TYPE_BASE })
  await app.register(adminRoutes)
  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
