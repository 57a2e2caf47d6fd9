/**
 * The report page in a real browser: the app listens on a free port, headless Chromium (Debian's `chromium`
 * package) loads `GET /v1/reports/{id}` with its own `Accept`, and the test checks the DOM it built and the
 * screenshot it took. It needs Chromium and a Chinese font (`apt-get install -y chromium fonts-noto-cjk`); without
 * them the file is skipped and says what is missing, unless REQUIRE_BROWSER=1 (as in CI), where that fails.
 *
 * Set REPORT_PAGE_SCREENSHOT=/some/file.png to keep a copy of the screenshot; the one written under
 * `__screenshots__/` is removed when the test ends.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import type { AnnualReport, ApplicantRow } from '../../src/domain/report.js'
import { build, createTestDatabase, seedReport } from '../helper.js'
import { reportFor } from '../fixtures.js'
import { attr, byAttr, byClass, byTag, cellsByPointer, classes, type Element, findAll, findOne, parsePage, textOf } from '../views/dom.js'

const run = promisify(execFile)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk'
const SCREENSHOTS = new URL('./__screenshots__/', import.meta.url)

/** Flags for a quiet, isolated, network-silent headless run (each run also gets a fresh profile). */
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars'
]

/** Runs Chromium with a fresh profile directory, removed afterwards. */
async function chromium (args: readonly string[]): Promise<string> {
  const profile = await mkdtemp(path.join(tmpdir(), 'report-page-chromium-'))
  try {
    const { stdout } = await run(CHROMIUM, [...FLAGS, `--user-data-dir=${profile}`, ...args], { timeout: 90_000, maxBuffer: 32 * 1024 * 1024 })
    return stdout
  } finally {
    await rm(profile, { recursive: true, force: true })
  }
}

const row = (naturalPerson: number): ApplicantRow => ({ naturalPerson, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: naturalPerson })

/** The seed's 2022 report, carrying 2 requests forward (the seed carried over 0): CY-CARRY fails, and cells change. */
function report2022 (): AnnualReport {
  const body = reportFor({ year: 2022 })
  return {
    ...body,
    publication: { documentDate: '2023-01-30', indexNo: '11330524MB15359635/2023-00003' },
    requests: { ...body.requests, newReceived: row(11), carriedForward: row(2) }
  }
}

/** What this machine lacks of what the test needs: Chromium, and a Chinese font (without one the page shows boxes). */
async function missingPrerequisites (): Promise<string[]> {
  const missing: string[] = []
  if (!existsSync(CHROMIUM)) missing.push(`Chromium (no ${CHROMIUM}; CHROMIUM_PATH names another)`)
  const fonts = await run('fc-list', [':lang=zh', 'family']).then(({ stdout }) => stdout.trim(), () => '')
  if (fonts === '') missing.push('a Chinese font (`fc-list :lang=zh` lists none)')
  return missing
}

const missing = await missingPrerequisites()
if (missing.length > 0 && process.env.REQUIRE_BROWSER !== '1') {
  t.plan(0, `the browser test needs ${missing.join(' and ')}: ${INSTALL}`)
} else {
  t.same(missing, [], `Chromium and a Chinese font are installed (${INSTALL})`)
}
if (missing.length === 0) {
  const { url: databaseUrl } = await createTestDatabase(t)
  const app = await build(t, databaseUrl)
  for (const body of [seedReport(), report2022()]) {
    const res = await app.inject({ method: 'POST', url: '/v1/reports', payload: body })
    if (res.statusCode !== 201) throw new Error(`storing a report answered ${res.statusCode}: ${res.body}`)
  }
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const pageUrl = `http://127.0.0.1:${port}/v1/reports/1`

  t.test('Chromium asks for HTML and builds the report page: the three tables, the highlighted findings, the arrows', async (t) => {
    const dom = await chromium(['--dump-dom', pageUrl])
    const { document } = parsePage(dom)
    t.equal(textOf(findOne(document, byTag('title'))), '湖州市吴兴区发展改革和经济信息化局2023年政府信息公开工作年度报告')
    t.equal(attr(findOne(document, byTag('html')), 'lang'), 'zh-CN')
    for (const name of ['proactive', 'requests', 'reviewLitigation']) {
      t.equal(findAll(document, (el) => el.tagName === 'table' && attr(el, 'data-table') === name).length, 1, `table ${name} is rendered`)
    }
    const requests = findOne(document, byAttr('data-table', 'requests'))
    t.equal(findAll(findOne(requests, byTag('tbody')), byTag('tr')).length, 25, 'table 三 has its 25 rows')
    t.match(textOf(requests), '申请人情况')
    t.match(textOf(requests), '法人或其他组织')

    const cells = cellsByPointer(document)
    t.equal(cells.size, 200, 'every numeric cell, with its data-pointer')
    const flagged = [...cells].filter(([, el]) => classes(el).includes('gdr-flag-error')).map(([at]) => at)
    t.ok(flagged.includes('/requests/carriedOver/naturalPerson') && flagged.includes('/requests/carriedOver/total'),
      'the CY-CARRY cells are highlighted as errors')
    t.match(attr(cells.get('/requests/carriedOver/total') as Element, 'title'), /^\[CY-CARRY\] /)
    t.ok(findAll(document, byClass('gdr-finding')).some((li) => attr(li, 'data-rule') === 'CY-CARRY' && attr(li, 'data-status') === 'failed'),
      'CY-CARRY is in the findings list')
    t.equal(textOf(findOne(cells.get('/requests/newReceived/total') as Element, byClass('gdr-yoy'))), '▼', 'an arrow beside a changed number (11 → 10)')
    t.same(findAll(document, byTag('script')), [], 'no scripts')
  })

  t.test('Chromium takes a screenshot of the page', async (t) => {
    await mkdir(SCREENSHOTS, { recursive: true })
    const file = new URL(`report-page-${process.pid}.png`, SCREENSHOTS)
    t.teardown(async () => await rm(file, { force: true }))
    await chromium([`--screenshot=${file.pathname}`, '--window-size=1280,2400', pageUrl])
    const png = await readFile(file)
    t.ok(png.length > 20_000, `the screenshot has content (${png.length} bytes)`)
    t.same([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG')
    t.same([png.readUInt32BE(16), png.readUInt32BE(20)], [1280, 2400], 'of the window size')
    const keep = process.env.REPORT_PAGE_SCREENSHOT
    if (keep !== undefined && keep !== '') await copyFile(file, keep)
  })
}
