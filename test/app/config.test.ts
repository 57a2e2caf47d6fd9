import t from 'tap'
import { ConfigError, loadConfig } from '../../src/config.js'

t.test('defaults apply when nothing is set', async (t) => {
  t.same(loadConfig({}), {
    PORT: 3000,
    HOST: '127.0.0.1',
    DATA_DIR: '.data',
    LOG_LEVEL: 'info',
    DB_POOL_MAX: 10,
    HEAVY_READ_CONCURRENCY: 1,
    HEAVY_READ_QUEUE: 10,
    HEAVY_READ_MAX_PAUSE_MS: 100,
    BODY_LIMIT: 1_048_576,
    BODY_MIN_RATE: 500,
    BODY_RATE_WINDOW_MS: 10_000,
    IMPORT_BODY_LIMIT: 8_388_608,
    IMPORT_TEXT_LIMIT: 1_048_576,
    IMPORT_MAX_PAGES: 200,
    IMPORT_CONCURRENCY: 2,
    IMPORT_WORKER_MEMORY_MB: 512,
    IMPORT_TIMEOUT_MS: 30_000,
    READ_ACCESS: 'public',
    RATE_LIMIT_PER_IP: 1200,
    RATE_LIMIT_PER_KEY: 6000,
    AUTH_FAILURES_PER_IP: 30,
    CORS_ORIGINS: '*',
    TRUST_PROXY: false,
    STATEMENT_TIMEOUT_MS: 60_000,
    IDEMPOTENCY_RETENTION_HOURS: 24,
    PROBLEM_TYPE_BASE: '/problems/'
  })
})

t.test('values are converted and an empty DATABASE_URL means the embedded database', async (t) => {
  const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: '', LOG_LEVEL: 'debug', DB_POOL_MAX: '20' })
  t.match(config, { PORT: 8080, HOST: '0.0.0.0', LOG_LEVEL: 'debug', DB_POOL_MAX: 20 })
  t.equal(config.DATABASE_URL, undefined)
  t.ok(Object.isFrozen(config))
})

t.test('every bad value is listed in one error', async (t) => {
  const error = t.throws(() => loadConfig({
    PORT: 'eighty', DATABASE_URL: 'mysql://localhost/x', LOG_LEVEL: 'loud', DB_POOL_MAX: '0', READ_ACCESS: 'private', PROBLEM_TYPE_BASE: 'https://x.example/no-slash'
  })) as ConfigError
  t.type(error, ConfigError)
  t.same(error.problems, [
    'PORT="eighty": must be a whole number',
    'DATABASE_URL="mysql://localhost/x": must start with postgres:// or postgresql://',
    'LOG_LEVEL="loud": must be one of fatal, error, warn, info, debug, trace, silent',
    'DB_POOL_MAX=0: must be >= 1',
    'READ_ACCESS="private": must be one of public, key',
    'PROBLEM_TYPE_BASE="https://x.example/no-slash": must end with /'
  ])
  t.match(error.message, /^Invalid configuration:\n {2}- PORT/)
})

t.test('an import thread\'s memory and time limits are bounded', async (t) => {
  const problems = (env: Record<string, string>) => (t.throws(() => loadConfig(env)) as ConfigError).problems
  t.same(problems({ IMPORT_WORKER_MEMORY_MB: '16', IMPORT_TIMEOUT_MS: '0' }), ['IMPORT_WORKER_MEMORY_MB=16: must be >= 32', 'IMPORT_TIMEOUT_MS=0: must be >= 1'])
  t.same(problems({ IMPORT_WORKER_MEMORY_MB: '20000', IMPORT_TIMEOUT_MS: '600001' }), ['IMPORT_WORKER_MEMORY_MB=20000: must be <= 16384', 'IMPORT_TIMEOUT_MS=600001: must be <= 600000'])
})

t.test('the lists are parsed once, here: origins, proxies', async (t) => {
  t.same(loadConfig({ CORS_ORIGINS: ' https://www.zj.gov.cn, http://localhost:8080 ' }).CORS_ORIGINS, ['https://www.zj.gov.cn', 'http://localhost:8080'])
  t.equal(loadConfig({ CORS_ORIGINS: 'https://a.example, *' }).CORS_ORIGINS, '*')
  t.equal(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY, true)
  t.equal(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY, false)
  t.same(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1, ::1, loopback' }).TRUST_PROXY, ['10.0.0.0/8', '127.0.0.1', '::1', 'loopback'])
  t.match(loadConfig({ STATEMENT_TIMEOUT_MS: '5000', IDEMPOTENCY_RETENTION_HOURS: '48' }), { STATEMENT_TIMEOUT_MS: 5000, IDEMPOTENCY_RETENTION_HOURS: 48 })
})

t.test('bad lists and timeouts are named with what would be accepted, all at once', async (t) => {
  const error = t.throws(() => loadConfig({
    CORS_ORIGINS: 'https://www.zj.gov.cn/portal, zj.gov.cn',
    TRUST_PROXY: '10.0.0.0/33',
    STATEMENT_TIMEOUT_MS: '10',
    IDEMPOTENCY_RETENTION_HOURS: 'a day'
  })) as ConfigError
  t.ok(error instanceof ConfigError)
  t.equal(error.problems.length, 4, error.message)
  t.match(error.message, /CORS_ORIGINS=.*"https:\/\/www\.zj\.gov\.cn\/portal", "zj\.gov\.cn" are not origins; each must be \* or scheme:\/\/host\[:port\]/)
  t.match(error.message, /TRUST_PROXY="10\.0\.0\.0\/33": must be true, false, or a comma-separated list of IP addresses, CIDR ranges/)
  t.match(error.message, /STATEMENT_TIMEOUT_MS=10: /)
  t.match(error.message, /IDEMPOTENCY_RETENTION_HOURS="a day": must be a whole number/)
})
