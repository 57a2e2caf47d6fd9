/**
 * Service configuration from environment variables, validated once at start.
 *
 * Only `src/server.ts` and the scripts read `process.env`; everything else receives a frozen `Config`.
 */
import { isIP } from 'node:net'
import { Type, type Static } from 'typebox'
import { Compile } from 'typebox/compile'
import { Value } from 'typebox/value'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'TCP port to listen on' }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1', description: 'Interface to listen on (0.0.0.0 in containers)' }),
  DATABASE_URL: Type.Optional(Type.String({
    pattern: '^postgres(ql)?://',
    description: 'Postgres connection string; when unset an embedded Postgres runs in DATA_DIR'
  })),
  DATABASE_READ_URL: Type.Optional(Type.String({
    pattern: '^postgres(ql)?://',
    description: 'Connection string of a read replica for the read endpoints (lists, reports, findings, stats, exports, feed); writes, keys and the audit trail stay on DATABASE_URL'
  })),
  DATA_DIR: Type.String({ minLength: 1, default: '.data', description: 'Folder of the embedded Postgres data' }),
  LOG_LEVEL: Type.Unsafe<typeof LOG_LEVELS[number]>({
    type: 'string', enum: [...LOG_LEVELS], default: 'info', description: 'pino log level'
  }),
  DB_POOL_MAX: Type.Integer({ minimum: 1, maximum: 200, default: 10, description: 'Largest number of pooled connections' }),
  HEAVY_READ_CONCURRENCY: Type.Integer({
    minimum: 1,
    default: 1,
    description: 'Heavy reads (exports, statistics over a province or the country) that may run at once; below DB_POOL_MAX, so that ordinary requests keep connections'
  }),
  HEAVY_READ_QUEUE: Type.Integer({
    minimum: 0,
    default: 10,
    description: 'Heavy reads that may wait for one of those slots; more are answered 429 with Retry-After'
  }),
  HEAVY_READ_MAX_PAUSE_MS: Type.Integer({
    minimum: 1,
    maximum: 60_000,
    default: 100,
    description: 'Longest an export waits, before each chunk of rows, for ordinary requests in flight to finish; ordinary requests go first, and an export still progresses by a chunk per pause'
  }),
  BODY_LIMIT: Type.Integer({ minimum: 1024, default: 1_048_576, description: 'Largest accepted request body, in bytes' }),
  BODY_MIN_RATE: Type.Integer({
    minimum: 1,
    default: 500,
    description: 'Bytes a second a request body must arrive at, on average over each BODY_RATE_WINDOW_MS; a slower body gets 408 and its connection is closed'
  }),
  BODY_RATE_WINDOW_MS: Type.Integer({
    minimum: 100,
    default: 10_000,
    description: 'Length of the windows in which BODY_MIN_RATE is measured, in milliseconds'
  }),
  IMPORT_BODY_LIMIT: Type.Integer({ minimum: 1024, default: 8_388_608, description: 'Largest document accepted by POST /v1/imports, in bytes (PDF and Word files carry fonts and pictures)' }),
  IMPORT_TEXT_LIMIT: Type.Integer({ minimum: 1024, default: 1_048_576, description: 'Most characters of text an import parses: the decoded text or page, or the text of a PDF or the HTML of a Word file' }),
  IMPORT_MAX_PAGES: Type.Integer({ minimum: 1, default: 200, description: 'Most pages of an imported PDF; a longer one is refused before any page is read' }),
  IMPORT_CONCURRENCY: Type.Integer({
    minimum: 1,
    default: 2,
    description: 'Imports read at the same time, each in a worker thread of its own; more are answered 429 with Retry-After'
  }),
  IMPORT_WORKER_MEMORY_MB: Type.Integer({
    minimum: 32,
    maximum: 16_384,
    default: 512,
    description: 'JavaScript heap of each import worker thread, in MiB; a document whose reading needs more is answered 413 and its worker replaced'
  }),
  IMPORT_TIMEOUT_MS: Type.Integer({
    minimum: 1,
    maximum: 600_000,
    default: 30_000,
    description: 'Longest the reading of one imported document may take in its worker thread, in milliseconds; a longer reading is stopped (its thread replaced) and answered 413'
  }),
  READ_ACCESS: Type.Union([Type.Literal('public'), Type.Literal('key')], {
    default: 'public',
    description: 'Who may read: `public` (anyone; the reports are public information) or `key` (any valid API key)'
  }),
  RATE_LIMIT_PER_IP: Type.Integer({ minimum: 1, default: 1200, description: 'Requests per minute from one IP address without an API key' }),
  RATE_LIMIT_PER_KEY: Type.Integer({ minimum: 1, default: 6000, description: 'Requests per minute with one API key' }),
  AUTH_FAILURES_PER_IP: Type.Integer({
    minimum: 1,
    default: 30,
    description: 'Requests per minute from one IP address that may send an API key that is not valid; beyond it, requests from that address with a key get 429 until the minute is over, without the key being looked up'
  }),
  CORS_ORIGINS: Type.String({
    minLength: 1,
    default: '*',
    description: 'Origins of browser front-ends allowed to call the API: `*`, or a comma-separated list of origins (scheme, host and port, e.g. `https://www.zj.gov.cn`)'
  }),
  TRUST_PROXY: Type.String({
    minLength: 1,
    default: 'false',
    description: '`true` behind a load balancer that sets X-Forwarded-For, or a comma-separated list of its addresses (IP, CIDR, or `loopback`, `linklocal`, `uniquelocal`), so that client IPs are rate-limited rather than the balancer\'s; `false` (the default) believes no such header'
  }),
  STATEMENT_TIMEOUT_MS: Type.Integer({
    minimum: 1000,
    maximum: 3_600_000,
    default: 60_000,
    description: 'Longest a database statement may run, and a transaction stay idle, in milliseconds; beyond it the database cancels it (503). A national rollup takes about a second'
  }),
  IDEMPOTENCY_RETENTION_HOURS: Type.Integer({
    minimum: 1,
    maximum: 720,
    default: 24,
    description: 'How long the answer to a write sent with an Idempotency-Key is kept, so that a retry with the same key gets it again, in hours'
  }),
  PROBLEM_TYPE_BASE: Type.String({
    default: '/problems/',
    pattern: '/$',
    description: 'Base of problem `type` URIs (ends with /). The default, a reference relative to the service, points at its own /problems pages; set an absolute URI when behind a proxy that moves them.'
  })
}, { additionalProperties: false })

type Variables = Static<typeof ConfigSchema>

/** The configuration as the service uses it: the variables, with the lists parsed. */
export type Config = Readonly<Omit<Variables, 'CORS_ORIGINS' | 'TRUST_PROXY'> & {
  /** `*`, or the origins allowed. */
  readonly CORS_ORIGINS: '*' | readonly string[]
  /** Whether X-Forwarded-For is believed: never, always, or from these addresses. */
  readonly TRUST_PROXY: boolean | readonly string[]
}>

const configCheck = Compile(ConfigSchema)
const NUMERIC_KEYS = new Set(['PORT', 'DB_POOL_MAX', 'HEAVY_READ_CONCURRENCY', 'HEAVY_READ_QUEUE', 'HEAVY_READ_MAX_PAUSE_MS', 'BODY_LIMIT', 'BODY_MIN_RATE', 'BODY_RATE_WINDOW_MS', 'IMPORT_BODY_LIMIT', 'IMPORT_TEXT_LIMIT', 'IMPORT_MAX_PAGES', 'IMPORT_CONCURRENCY', 'IMPORT_WORKER_MEMORY_MB', 'IMPORT_TIMEOUT_MS', 'RATE_LIMIT_PER_IP', 'RATE_LIMIT_PER_KEY', 'AUTH_FAILURES_PER_IP', 'STATEMENT_TIMEOUT_MS', 'IDEMPOTENCY_RETENTION_HOURS'])

export class ConfigError extends Error {
  constructor (readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

interface ConfigIssue { readonly keyword: string, readonly message: string, readonly params: Record<string, unknown> }

/** What the patterns of the schema ask for, in words. */
const PATTERN_MEANINGS: Readonly<Record<string, string>> = {
  '^postgres(ql)?://': 'must start with postgres:// or postgresql://',
  '/$': 'must end with /'
}

/**
 * One value's issues as one sentence that says what would be accepted: the allowed values of a choice
 * (an enum, or a union of literals, which reports each literal on its own), a pattern in words, else
 * the validator's own message.
 */
function describeIssues (issues: readonly ConfigIssue[]): string {
  const allowed = issues.flatMap((issue) => issue.keyword === 'enum'
    ? issue.params.allowedValues as unknown[]
    : issue.keyword === 'const' ? [issue.params.allowedValue] : [])
  if (allowed.length > 0) return `must be one of ${allowed.map(String).join(', ')}`
  return issues.map((issue) => issue.keyword === 'pattern'
    ? PATTERN_MEANINGS[String(issue.params.pattern)] ?? issue.message
    : issue.message).join('; ')
}

/**
 * Reads the known variables from `env`, applies defaults, converts numbers and checks everything,
 * throwing one `ConfigError` that lists every bad value at once.
 *
 * Empty strings count as unset, so `DATABASE_URL=` in an env file means "use the embedded database".
 */
export function loadConfig (env: Readonly<Record<string, string | undefined>>): Config {
  const raw: Record<string, unknown> = {}
  const problems: string[] = []
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key]
    if (value === undefined || value === '') continue
    if (NUMERIC_KEYS.has(key)) {
      const number = Number(value)
      if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number)) {
        problems.push(`${key}=${JSON.stringify(value)}: must be a whole number`)
        continue
      }
      raw[key] = number
    } else {
      raw[key] = value
    }
  }
  const withDefaults = Value.Default(ConfigSchema, raw)
  const issuesByKey = new Map<string, ConfigIssue[]>()
  for (const error of configCheck.Errors(withDefaults)) {
    const key = error.instancePath.replace(/^\//, '')
    if (key === '' || problems.some((problem) => problem.startsWith(`${key}=`))) continue
    issuesByKey.set(key, [...issuesByKey.get(key) ?? [], error])
  }
  for (const [key, issues] of issuesByKey) {
    problems.push(`${key}=${JSON.stringify((withDefaults as Record<string, unknown>)[key])}: ${describeIssues(issues)}`)
  }
  const variables = withDefaults as Variables
  if (problems.length === 0 && variables.HEAVY_READ_CONCURRENCY >= variables.DB_POOL_MAX) {
    problems.push(`HEAVY_READ_CONCURRENCY=${variables.HEAVY_READ_CONCURRENCY}: must be below DB_POOL_MAX (${variables.DB_POOL_MAX}), so that heavy reads leave connections to ordinary requests`)
  }
  const corsOrigins = listed(variables.CORS_ORIGINS ?? '*')
  const badOrigins = corsOrigins.filter((origin) => origin !== '*' && !ORIGIN.test(origin))
  if (badOrigins.length > 0) {
    problems.push(`CORS_ORIGINS=${JSON.stringify(variables.CORS_ORIGINS)}: ${badOrigins.map((origin) => JSON.stringify(origin)).join(', ')} ${badOrigins.length === 1 ? 'is not an origin' : 'are not origins'}; each must be * or scheme://host[:port], e.g. https://www.zj.gov.cn`)
  }
  const trustProxy = trustProxyOf(variables.TRUST_PROXY ?? 'false')
  if (trustProxy === undefined) {
    problems.push(`TRUST_PROXY=${JSON.stringify(variables.TRUST_PROXY)}: must be true, false, or a comma-separated list of IP addresses, CIDR ranges, loopback, linklocal or uniquelocal`)
  }
  if (problems.length > 0) throw new ConfigError([...new Set(problems)])
  return Object.freeze({
    ...variables,
    CORS_ORIGINS: corsOrigins.includes('*') ? '*' : Object.freeze(corsOrigins),
    TRUST_PROXY: trustProxy ?? false
  })
}

/** An origin as browsers send it: scheme, host and an optional port, nothing after. */
const ORIGIN = /^https?:\/\/[^/\s?#@]+$/

/** Names proxy-addr gives to address ranges. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function listed (value: string): string[] {
  return value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '')
}

/** TRUST_PROXY as Fastify takes it; undefined for a value that is none of true, false or a list of addresses. */
function trustProxyOf (value: string): boolean | readonly string[] | undefined {
  if (value === 'true') return true
  if (value === 'false') return false
  const entries = listed(value)
  const isAddress = (entry: string) => {
    const [address = '', bits, ...rest] = entry.split('/')
    const family = isIP(address)
    if (family === 0 || rest.length > 0) return false
    return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
  }
  return entries.length > 0 && entries.every((entry) => PROXY_RANGES.has(entry) || isAddress(entry)) ? Object.freeze(entries) : undefined
}
