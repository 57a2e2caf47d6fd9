/**
 * `npm run keys -- <command>`: manages API keys in the database itself, which is how the first admin
 * key is made. Works on DATABASE_URL or, without it, on the embedded database in DATA_DIR — attaching
 * to it while `npm start` runs it, or starting it for the command.
 *
 *   create --scope <scope>… [--agency <code>…] [--region <prefix>…] [--name <holder>]
 *          prints the key's record, then the key alone on the last line (the only time it is shown)
 *   list   prints every key, revoked ones included, never their secrets
 *   revoke <id>
 *
 * `runKeys` is the command as a function, on the environment and output streams it is given (src/cli/io.ts);
 * src/cli/keys.ts runs it on the process's own.
 */
import type { ParseArgsOptionsConfig } from 'node:util'
import { loadConfig } from '../config.js'
import { listApiKeys } from '../db/api-key-repository.js'
import { createDatabase } from '../db/connection.js'
import { openEmbeddedPostgres } from '../db/embedded.js'
import { migrateToLatest } from '../db/migrate.js'
import type { ApiKeyInfo } from '../domain/access.js'
import { DomainError } from '../domain/errors.js'
import { createKey, revokeKey } from '../services/api-keys.js'
import { type CommandIo, commandArguments, consoleOf } from './io.js'

const USAGE = `Usage: npm run keys -- create --scope <reports:write|findings:review|admin>… [--agency <统一社会信用代码>…] [--region <prefix>…] [--name <holder>]
       (a reports:write or findings:review key acts for its --agency and --region only)
       npm run keys -- list
       npm run keys -- revoke <id>
Uses DATABASE_URL, or the embedded database in DATA_DIR (also while the service runs on it).`

/** The command line acts with the database's own credentials, not a key. */
const CLI_ACTOR = { keyId: null, requestId: null }

function describe (key: ApiKeyInfo): string {
  const limits = [...key.agencyCodes.map((code) => `agency ${code}`), ...key.regionPrefixes.map((prefix) => `region ${prefix}*`)]
  return [
    `#${key.id}`,
    key.lookupId,
    JSON.stringify(key.name),
    key.scopes.length === 0 ? '(read only)' : key.scopes.join(','),
    limits.join(' ') || '-',
    `created ${key.createdAt.toISOString()}`,
    key.revokedAt === null ? 'active' : `revoked ${key.revokedAt.toISOString()}`
  ].join('  ')
}

const OPTIONS = {
  scope: { type: 'string', multiple: true, default: [] },
  agency: { type: 'string', multiple: true, default: [] },
  region: { type: 'string', multiple: true, default: [] },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false }
} as const satisfies ParseArgsOptionsConfig

/** Runs the command on `args` (the arguments after the script's name); answers its exit code. */
export async function runKeys (args: readonly string[], io: CommandIo): Promise<number> {
  const out = consoleOf(io)
  const parsed = commandArguments(args, OPTIONS, USAGE, out)
  if (parsed === undefined) return 2
  const { values, positionals } = parsed
  const [command, argument] = positionals
  if (values.help || command === undefined || !['create', 'list', 'revoke'].includes(command)) {
    out.error(USAGE)
    return values.help ? 0 : 2
  }
  const revokeId = Number(argument)
  if (command === 'revoke' && !(Number.isSafeInteger(revokeId) && revokeId > 0)) {
    out.error(`revoke needs the id of a key (see \`npm run keys -- list\`)\n${USAGE}`)
    return 2
  }

  const config = loadConfig(io.env)
  const embedded = config.DATABASE_URL === undefined ? await openEmbeddedPostgres({ dataDir: config.DATA_DIR }) : undefined
  const db = createDatabase({ url: config.DATABASE_URL ?? embedded?.url ?? '', poolMax: 1 })
  try {
    // A freshly started embedded database may never have been migrated; a configured one is db:migrate's job.
    if (embedded?.started === true) await migrateToLatest(db)
    switch (command) {
      case 'create': {
        const { key, token } = await createKey(db, {
          name: values.name ?? `key for ${[...values.scope].join(', ') || 'reading'}`,
          scopes: values.scope,
          agencyCodes: values.agency,
          regionPrefixes: values.region
        }, CLI_ACTOR)
        out.log(describe(key))
        out.log(token)
        return 0
      }
      case 'list':
        for (const key of await listApiKeys(db)) out.log(describe(key))
        return 0
      default:
        out.log(describe(await revokeKey(db, revokeId, CLI_ACTOR)))
        return 0
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    out.error(error.detail)
    return 1
  } finally {
    await db.destroy()
    await embedded?.stop()
  }
}
