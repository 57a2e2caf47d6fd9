/**
 * `npm run keys` against DATABASE_URL: the key it prints works, listing hides secrets, revoking is immediate. The
 * cases run the command as a function (test/cli/command.ts); the first key is made through the entry point,
 * src/cli/keys.ts, in a process of its own.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import t from 'tap'
import { runKeys } from '../../src/cli/keys-command.js'
import { entryPointArgs } from '../entry-point.js'
import { build, createTestDatabase, secretOf } from '../helper.js'
import { runCommand } from './command.js'

const { url } = await createTestDatabase(t)
const app = await build(t, url, { authenticated: false })

interface KeysResult { code: number, stdout: string[], stderr: string }

/** `npm run keys -- …args` on the test database, run in this process. */
async function keys (...args: string[]): Promise<KeysResult> {
  const { code, stdout, stderr } = await runCommand(runKeys, args, { ...process.env, DATABASE_URL: url })
  return { code, stdout: stdout.trim().split('\n'), stderr }
}

/** The same, through the entry point in a process of its own. */
async function keysProcess (...args: string[]): Promise<KeysResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...entryPointArgs('src/cli/keys.ts'), ...args], {
      env: { ...process.env, DATABASE_URL: url }
    })
    return { code: 0, stdout: stdout.trim().split('\n'), stderr }
  } catch (error) {
    const failed = error as { code: number, stdout: string, stderr: string }
    return { code: failed.code, stdout: failed.stdout.trim().split('\n'), stderr: failed.stderr }
  }
}

t.test('create prints the key alone on its last line; it works until revoked', async (t) => {
  const created = await keysProcess('create', '--scope', 'admin', '--name', '省政务服务数据管理局')
  t.equal(created.code, 0)
  const token = created.stdout.at(-1) ?? ''
  t.match(token, /^gdr_[a-z0-9]{12}_[\w-]{43}$/)
  t.match(created.stdout[0], /^#1 {2}[a-z0-9]{12} {2}"省政务服务数据管理局" {2}admin {2}- {2}created \S+ {2}active$/)

  const listed = await app.inject({ url: '/v1/admin/keys', headers: { authorization: `Bearer ${token}` } })
  t.equal(listed.statusCode, 200)
  t.match(listed.json().items, [{ id: 1, name: '省政务服务数据管理局', scopes: ['admin'] }])

  const list = await keys('list')
  t.equal(list.stdout.length, 1)
  t.notMatch(list.stdout.join('\n'), secretOf(token), 'no secret is listed')

  t.match((await keys('revoke', '1')).stdout[0], /revoked \S+$/)
  t.equal((await app.inject({ url: '/v1/admin/keys', headers: { authorization: `Bearer ${token}` } })).statusCode, 401)
})

t.test('a grant that does not fit together, or a bad command, fails with a message', async (t) => {
  const wide = await keys('create', '--scope', 'reports:write')
  t.equal(wide.code, 1)
  t.match(wide.stderr, /must name the agencies \(--agency\) or region prefixes \(--region\)/)
  const badCode = await keys('create', '--scope', 'reports:write', '--agency', '11330524MB15359636')
  t.equal(badCode.code, 1)
  t.match(badCode.stderr, /is not a valid 统一社会信用代码/)
  t.equal((await keys('revoke', 'x')).code, 2)
  t.equal((await keys('rotate')).code, 2)
  const unknown = await keys('create', '--scopes', 'admin')
  t.equal(unknown.code, 2, 'an unknown option: exit code 2')
  t.match(unknown.stderr, /Unknown option '--scopes'[\s\S]*Usage: npm run keys/, 'its message and the usage, no stack trace')
})
