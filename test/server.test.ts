import { spawn, type ChildProcess } from 'node:child_process'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import t from 'tap'
import { seedJson, seedReport } from './helper.js'

/**
 * `npm start` as a new user meets it: no DATABASE_URL, so the server starts an embedded Postgres in
 * DATA_DIR, migrates it and serves; its data survives a restart.
 */
const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'reports-server-')), 'data')
// As root, Postgres runs as the postgres user, who must be able to enter the folder (mkdtemp makes it 0700).
await chmod(path.dirname(dataDir), 0o755)
t.teardown(async () => await rm(path.dirname(dataDir), { recursive: true, force: true }))

async function startServer (): Promise<{ child: ChildProcess, base: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' }
  delete env.DATABASE_URL
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] })
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
  const created = await fetch(`${first.base}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: seedJson })
  t.equal(created.status, 201)
  t.equal(await stopServer(first.child), 0, 'SIGTERM shuts down cleanly')

  const second = await startServer()
  t.teardown(async () => { await stopServer(second.child) })
  const read = await fetch(`${second.base}/v1/reports/1`)
  t.equal(read.status, 200)
  t.same((await read.json() as { report: unknown }).report, seedReport())
})
