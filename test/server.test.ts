import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { request as httpRequest } from 'node:http'
import { promisify } from 'node:util'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { createServer } from 'node:net'
import t from 'tap'
import { entryPointArgs } from './entry-point.js'
import { runningEmbeddedUrl } from '../src/db/embedded.js'
import { secretOf, seedJson, seedReport } from './helper.js'

/**
 * `npm start` as a new user meets it: no DATABASE_URL, so the server starts an embedded Postgres in
 * DATA_DIR, migrates it and serves; its data survives a restart.
 */
// Four starts of a real server and Postgres, each several seconds on a busy machine: more than the
// suite's per-file default.
t.setTimeout(300_000)

const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'reports-server-')), 'data')
// As root, Postgres runs as the postgres user, who must be able to enter the folder (mkdtemp makes it 0700).
await chmod(path.dirname(dataDir), 0o755)
t.teardown(async () => await rm(path.dirname(dataDir), { recursive: true, force: true }))

/** The environment of `npm start` and `npm run keys` on a fresh machine: no DATABASE_URL. */
function embeddedEnv (): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' }
  delete env.DATABASE_URL
  return env
}

/** `npm run keys -- …` as a user runs it beside the running service. */
async function keysCli (...args: string[]): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [...entryPointArgs('src/cli/keys.ts'), ...args], { env: embeddedEnv() })
  return stdout.trim().split('\n')
}

/**
 * Sends a POST whose body arrives in two parts, calling `between` after the first: the request is
 * in flight while `between` runs.
 */
async function postInTwoParts (base: string, token: string, body: string, between: () => Promise<void>): Promise<number> {
  const bytes = Buffer.from(body)
  return await new Promise((resolve, reject) => {
    const request = httpRequest(`${base}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': bytes.length, authorization: `Bearer ${token}` }
    }, (response) => { response.resume(); resolve(response.statusCode ?? 0) })
    request.on('error', reject)
    request.write(bytes.subarray(0, 100))
    setTimeout(() => { between().then(() => request.end(bytes.subarray(100)), reject) }, 300)
  })
}

async function startServer (): Promise<{ child: ChildProcess, base: string }> {
  const env = embeddedEnv()
  const child = spawn(process.execPath, entryPointArgs('src/server.ts'), { env, stdio: ['ignore', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout! })
  const base = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
    lines.on('line', (line) => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line)
      if (match?.[1] !== undefined) resolve(match[1])
    })
  })
  return { child, base }
}

async function stopServer (child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  return await exited
}

t.test('the service starts on an embedded database and keeps its data across restarts', async (t) => {
  const first = await startServer()
  t.equal((await fetch(`${first.base}/readyz`)).status, 200, 'the embedded database is ready')

  const anonymous = await fetch(`${first.base}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: seedJson })
  t.equal(anonymous.status, 401, 'writing needs a key')

  // The keys command attaches to the embedded database the running service uses.
  const output = await keysCli('create', '--scope', 'reports:write', '--region', '3305', '--name', '湖州市政务服务数据管理局')
  const token = output.at(-1) ?? ''
  t.match(token, /^gdr_[a-z0-9]{12}_[\w-]{43}$/, 'the key is printed alone on the last line')
  t.match(output[0], /reports:write {2}region 3305\* /)

  const created = await fetch(`${first.base}/v1/reports`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: seedJson
  })
  t.equal(created.status, 201)

  // SIGTERM while a request is in flight: the request completes, then the service exits cleanly.
  const exited = new Promise<number | null>((resolve) => first.child.once('exit', resolve))
  const government = JSON.stringify({ ...seedReport(), kind: 'government' })
  const status = await postInTwoParts(first.base, token, government, async () => { first.child.kill('SIGTERM') })
  t.equal(status, 201, 'the in-flight request was served')
  t.equal(await exited, 0, 'SIGTERM shuts down cleanly')

  const listed = await keysCli('list')
  t.equal(listed.length, 1, 'the keys command starts the embedded database itself when no service runs')
  t.notMatch(listed[0], secretOf(token), 'listing never shows a secret')

  const second = await startServer()
  t.teardown(async () => { await stopServer(second.child) })
  const read = await fetch(`${second.base}/v1/reports/1`)
  t.equal(read.status, 200)
  t.same((await read.json() as { report: unknown }).report, seedReport())
  t.equal((await fetch(`${second.base}/v1/reports/2`)).status, 200, 'the report sent during shutdown was kept')

  t.match((await keysCli('revoke', '1'))[0], /revoked /)
  const refused = await fetch(`${second.base}/v1/reports`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: seedJson
  })
  t.equal(refused.status, 401, 'a revoked key is refused at once')
})

t.test('a port in use stops the start with one line, and stops the embedded Postgres it had started', async (t) => {
  const taken = createServer()
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
  t.teardown(() => { taken.close() })
  const port = (taken.address() as { port: number }).port

  const child = spawn(process.execPath, entryPointArgs('src/server.ts'), { env: { ...embeddedEnv(), PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk) => { stderr += String(chunk) })
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  t.equal(code, 1, 'the start fails')
  t.equal(stderr, `port ${port} is in use; set PORT to a free port (PORT=0 picks one)\n`, 'one clear line, no stack trace')
  t.equal(await runningEmbeddedUrl(dataDir), undefined, 'no embedded Postgres is left running on the data folder')

  // The keys command starts the embedded Postgres on the folder itself, which a left-over server would block.
  t.equal((await keysCli('list')).length, 1, 'the next start gets the data folder')
})
