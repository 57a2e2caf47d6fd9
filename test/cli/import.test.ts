/**
 * `npm run import` with reports in the API's JSON: `.json` and `.ndjson` files go through `POST /v1/reports:bulk`
 * in one streamed request, in process (DATABASE_URL) or to a running service (`--url`), and the summary says per file
 * what was stored, revised, unchanged and rejected. The cases run the command as a function (test/cli/command.ts);
 * one starts the entry point, src/cli/import.ts, in a process of its own.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import { runImport as importCommand } from '../../src/cli/import-command.js'
import { entryPointArgs } from '../entry-point.js'
import { build, createTestDatabase, makeKey, resetDb, seedReport } from '../helper.js'
import { creditCode, reportFor } from '../fixtures.js'
import { htmlRows } from '../../src/domain/import/source-html.js'
import { layoutText, layoutTextPdf } from '../documents/write-pdf.js'
import { type CommandResult, runCommand } from './command.js'

const { url, db } = await createTestDatabase(t)
const app = await build(t, url, { authenticated: false })
t.beforeEach(async () => await resetDb(db))

/** `npm run import -- …args` on the test database, run in this process. */
const runImport = async (args: string[]): Promise<CommandResult> => await runCommand(importCommand, args, { ...process.env, DATABASE_URL: url })

/** The same, through the entry point in a process of its own. */
async function runImportProcess (args: string[]): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...entryPointArgs('src/cli/import.ts'), ...args], {
      env: { ...process.env, DATABASE_URL: url }
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number, stdout: string, stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

const directory = await mkdtemp(path.join(tmpdir(), 'import-'))
const writeLines = async (name: string, lines: unknown[]) => {
  const file = path.join(directory, name)
  await writeFile(file, lines.map((line) => typeof line === 'string' ? line : JSON.stringify(line)).join('\n') + '\n')
  return file
}

const others = [0, 1, 2].map((index) => reportFor({ code: creditCode(`11330500MB${String(index).padStart(7, '0')}`), name: `局${index}` }))

t.test('report files are stored through the bulk endpoint, counted per file, rejected lines named', async (t) => {
  const { token } = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['33'] })
  const single = path.join(directory, 'seed.json')
  await writeFile(single, JSON.stringify(seedReport(), null, 2))
  const many = await writeLines('many.ndjson', [others[0], '{"broken', others[1], { ...seedReport(), year: '2023' }])

  const first = await runImport(['--key', token, single, many])
  t.equal(first.code, 1, 'exit 1: a line was rejected')
  t.match(first.stdout, /seed\.json.+1 stored, 0 revised, 0 unchanged, 0 rejected/)
  t.match(first.stdout, /many\.ndjson.+2 stored, 0 revised, 0 unchanged, 2 rejected; line 2: MALFORMED_JSON: .+; line 4: VALIDATION_ERROR: .*\/year/)
  t.match(first.stdout, /1 imported, 1 failed/)
  const listed = (await app.inject({ url: '/v1/reports?limit=10' })).json().items as Array<{ agencyCode: string }>
  t.same(listed.map((item) => item.agencyCode).sort(), [seedReport().agency.code, others[0]?.agency.code, others[1]?.agency.code].sort())

  const again = await writeLines('again.ndjson', [others[0], { ...others[1], publication: { documentDate: '2024-01-30' } }, others[2]])
  const second = await runImport(['--key', token, again])
  t.equal(second.code, 0)
  t.match(second.stdout, /again\.ndjson.+1 stored, 1 revised, 1 unchanged, 0 rejected/)
})

t.test('to a running service with --url; without a key nothing is stored', async (t) => {
  const service = await build(t, url, { authenticated: false })
  const address = await service.listen({ port: 0, host: '127.0.0.1' })
  const file = await writeLines('one.ndjson', [others[2]])
  const refused = await runImport(['--url', address, file])
  t.equal(refused.code, 1)
  t.match(refused.stdout, /UNAUTHORIZED/)
  const { token } = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['33'] })
  const stored = await runImport(['--url', address, '--key', token, file])
  t.equal(stored.code, 0)
  t.match(stored.stdout, /one\.ndjson.+1 stored/)
  t.equal((await app.inject({ url: '/v1/reports' })).json().items.length, 1)
})

t.test('published documents are sent as they are: a PDF is read by the service, stored only with --store', async (t) => {
  const { readFile } = await import('node:fs/promises')
  const html = await readFile(new URL('../fixtures/html/seed-2023.html', import.meta.url), 'utf8')
  const pdf = path.join(directory, 'seed.pdf')
  await writeFile(pdf, layoutTextPdf(layoutText(htmlRows(html))))
  const names = ['--agency-name', '湖州市吴兴区发展改革和经济信息化局', '--region', '330502', '--kind', 'agency']
  const read = await runImport([...names, pdf])
  t.equal(read.code, 0)
  t.match(read.stdout, /seed\.pdf.+湖州市吴兴区发展改革和经济信息化局 2023.+not stored/)
  t.match(read.stdout, /0 imported, 1 read but not stored \(pass --store --key KEY to store them\), 0 failed/, 'says nothing was stored')
  t.equal((await app.inject({ url: '/v1/reports' })).json().items.length, 0)

  const { token } = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['33'] })
  const stored = await runImport([...names, '--store', '--key', token, pdf])
  t.match(stored.stdout, /created as report 1/)
  t.match(stored.stdout, /1 imported, 0 failed/)

  const text = path.join(directory, 'no-code.txt')
  await writeFile(text, '二、主动公开政府信息情况\n规章 | 0 | 0 | 0 |\n')
  const missing = await runImport(['--kind', 'agency', text])
  t.equal(missing.code, 1)
  t.match(missing.stdout, /Pass .*--agency-code CODE/, 'names the flag that supplies the agency code')
})

t.test('command-line mistakes and a service that is down give one clear line', async (t) => {
  // The entry point itself: its exit code and its stderr.
  const unknown = await runImportProcess(['--bogus', 'x.txt'])
  t.equal(unknown.code, 2)
  t.match(unknown.stderr, /Unknown option '--bogus'/)
  t.notMatch(unknown.stderr, /\n\s+at /, 'no stack trace')
  t.match(unknown.stderr, /Usage: npm run import/)

  const file = await writeLines('down.ndjson', [others[0]])
  const text = path.join(directory, 'down.txt')
  await writeFile(text, 'text')
  // A port that was just free: nothing listens there.
  const { createServer } = await import('node:net')
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as { port: number }).port
  await new Promise((resolve) => probe.close(resolve))
  const down = await runImport(['--url', `http://127.0.0.1:${port}`, '--agency', others[0]?.agency.code ?? '', file, text])
  t.equal(down.code, 1)
  t.match(down.stdout, /down\.ndjson.+cannot reach the service at http:\/\/127\.0\.0\.1:\d+: nothing is listening there/)
  t.match(down.stdout, /down\.txt.+cannot reach the service/)
  t.notMatch(down.stdout, /fetch failed/)
})
